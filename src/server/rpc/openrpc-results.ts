import { z } from 'zod';
import { inputJsonSchema, type JsonSchema } from '../deps.js';
import { LEG_STATE } from '../sessions/leg-states.js';

/**
 * The results of the mock server's methods, as zod schemas for the OpenRPC document. A test validates
 * each method's real answer against the schema generated from these, so they cannot drift from it.
 */

const LimitsMetadata = z.strictObject({
  limits: z.strictObject({
    day_limit: z.number().int(),
    day_remaining: z.number().int(),
    day_reset: z.number().meta({ description: 'seconds until the Moscow day ends' }),
    minute_limit: z.number().int(),
    minute_remaining: z.number().int(),
    minute_reset: z.number().meta({ description: 'seconds until the minute ends' }),
  }),
});

/**
 * A result as the mock answers it: the method's `data`, and the account's point limits.
 * @example resultSchema(Success).required // ['data', 'metadata']
 */
export function resultSchema(data: z.ZodType): JsonSchema {
  return inputJsonSchema(z.strictObject({ data, metadata: LimitsMetadata }), { dialect: false, io: 'output' });
}

/** `release.call`, `logout.user`. */
export const Success = z.strictObject({ success: z.literal(true) });
/** `login.user`. */
export const LoginData = z.strictObject({ access_token: z.string(), expire_at: z.number().int().meta({ description: 'unix seconds' }) });
const ListCallsLeg = z.strictObject({
  leg_id: z.number().int(),
  calling_phone_number: z.string(),
  called_phone_number: z.string(),
  is_operator: z.boolean(),
  employee_id: z.number().int().nullable(),
  employee_full_name: z.string().nullable(),
  record_call_enabled: z.boolean(),
  state: z.enum(Object.values(LEG_STATE) as [string, ...string[]]),
});
/** One live call of `list.calls`. */
export const ListCallsItem = z.strictObject({
  call_session_id: z.number().int(),
  direction: z.enum(['in', 'out']),
  start_time: z.string().meta({ description: 'YYYY-MM-DD hh:mm:ss, Moscow time' }),
  virtual_phone_number: z.string(),
  contact_phone_number: z.string(),
  external_id: z.string().nullable(),
  tags: z.array(z.never()),
  legs: z.array(ListCallsLeg),
});
