import { z } from 'zod';
import { E164 } from '../account/schema.js';

/**
 * The parameters of `start.employee_call` (SPEC §1), in the order of the SPEC's table: checks run in
 * this order so that a request with several faults always gets the same answer (V3).
 *
 * Every issue this schema raises is turned into the platform's mnemonic by `check-params.ts`:
 * `invalid_type` → data_type_error (required_parameter_missed when nothing or `null` was sent),
 * `unrecognized_keys` → unexpected_parameters, anything else → invalid_parameter_value.
 * An optional parameter sent as `null` counts as not sent: its default applies.
 */

/** An optional parameter: absent or `null` gives `fallback`. */
function optional<T extends z.ZodType, D extends z.output<T> | null | undefined>(schema: T, fallback: D) {
  return schema.nullish().transform((value): z.output<T> | D => value ?? fallback);
}

/** A string from a fixed set; a non-string is a bad type (data_type_error), an unknown string a bad value. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().pipe(z.enum(values));
}

/** A JSON number that must be an integer: a fraction is a bad value (invalid_parameter_value), not a bad type. */
const Integer = z.number().refine(Number.isSafeInteger, 'expected an integer');

/** A media file id written as a string of digits (a `media` message's value). */
export const MEDIA_ID_TEXT = /^\d{1,15}$/;
/** Employee numbers as the method accepts them: E.164, SIP or internal numbers, all digits. */
export const PHONE_NUMBER_TEXT = /^\d{1,15}$/;

export const Message = z
  .strictObject({
    type: oneOf(['media', 'tts']),
    value: z.string(),
  })
  .superRefine((message, ctx) => {
    if (message.type === 'media' && !MEDIA_ID_TEXT.test(message.value))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'expected a media file id (digits)' });
    if (message.type === 'tts' && message.value.length === 0)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'expected a non-empty text' });
  });
export type Message = z.infer<typeof Message>;

export const FIRST_CALL = ['employee', 'contact'] as const;
export const USAGE_RULES = ['fixed', 'fixed_for_numa', 'random', 'regional_random', 'regional_fixed_for_numa'] as const;
export const DIRECTIONS = ['in', 'out'] as const;
export const DTMF_STRING = /^[0-9*#.]*$/;

export const EmployeeParam = z.strictObject({
  id: Integer,
  phone_number: optional(z.string().regex(PHONE_NUMBER_TEXT), null),
});

/**
 * The account-free schema. `contact` is only type-checked here; its format (E.164 or an employee's SIP
 * number) needs the account: see {@link paramsSchemaFor}.
 */
export const CallParamsSchema = z.strictObject({
  access_token: z.string(),
  first_call: oneOf(FIRST_CALL),
  switch_at_once: optional(z.boolean(), false),
  early_switching: optional(z.boolean(), false),
  /** Absent → the account's system `dialing_music` (resolved by the account checks). */
  media_file_id: optional(Integer, undefined),
  virtual_phone_number: E164,
  virtual_phone_usage_rule: optional(oneOf(USAGE_RULES), 'fixed'),
  show_virtual_phone_number: optional(z.boolean(), true),
  contact: z.string(),
  external_id: optional(z.string(), null),
  dtmf_string: optional(z.string().regex(DTMF_STRING), null),
  direction: optional(oneOf(DIRECTIONS), 'in'),
  employee: EmployeeParam,
  contact_message: optional(Message, null),
  employee_message: optional(Message, null),
});

/**
 * The schema with the account-dependent format of `contact`: E.164, or the SIP number of one of the
 * account's employees (whatever its status, R13). Internal numbers are not accepted.
 * @example paramsSchemaFor((n) => n === '0167025').safeParse(params)
 */
export function paramsSchemaFor(isEmployeeSip: (number: string) => boolean) {
  return CallParamsSchema.extend({
    contact: z.string().refine((c) => E164.safeParse(c).success || isEmployeeSip(c), 'expected E.164 or an employee SIP number'),
  });
}

/** The parameters as the schema leaves them: defaults applied, `media_file_id` still optional. */
export type ParsedParams = z.output<typeof CallParamsSchema>;
/** Parameters after every check passed: defaults applied, `media_file_id` resolved against the account. */
export type CallParams = Omit<ParsedParams, 'media_file_id'> & { media_file_id: number };
export type FirstCall = (typeof FIRST_CALL)[number];
export type UsageRule = (typeof USAGE_RULES)[number];
