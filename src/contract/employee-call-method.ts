import { z } from 'zod';
import type { Mnemonic } from '../protocol/errors.js';
import { CallParamsSchema } from '../protocol/params.js';
import { SEED_REQUEST } from '../seed-example.js';
import { paramsOf, type MethodContract } from './openrpc.js';
import { inputJsonSchema } from './json-schema.js';

/** Errors any request can get before its method runs: the envelope (V1, V6), in the order it is read. */
export const ENVELOPE_ERRORS: readonly Mnemonic[] = [
  'character_encoding_not_allowed',
  'parse_error',
  'batch_operations_not_supported',
  'invalid_request',
  'notifications_not_supported',
];

/** A method that takes an `access_token` (V2), then needs a component of the account. */
export const TOKEN_ERRORS: readonly Mnemonic[] = ['access_token_invalid', 'access_token_blocked', 'access_token_expired', 'component_disabled'];

/** The parameters' checks (V3), shared by every method. */
export const PARAMS_ERRORS: readonly Mnemonic[] = ['required_parameter_missed', 'data_type_error', 'invalid_parameter_value', 'unexpected_parameters'];

/** The combination (V4) and the account (V5) checks of `start.employee_call`, in their order. */
const EMPLOYEE_CALL_ERRORS: readonly Mnemonic[] = [
  'invalid_parameters_combination',
  'virtual_phone_number_not_found',
  'employee_not_found',
  'no_active_phone_number',
  'media_file_not_found',
  'tts_text_exceeded',
  'own_virtual_phone_number_not_allowed',
  'contact_in_blacklist',
];

/** What a call accepted by start.employee_call answers with, in `result.data`. */
export const EmployeeCallData = z.strictObject({
  call_session_id: z.number().int().positive().meta({ description: "The call session's id (release.call, list.calls)." }),
});
export type EmployeeCallData = z.output<typeof EmployeeCallData>;

/**
 * `start.employee_call` as a contract: the parameters straight from the checks' schema, the result, the
 * platform's errors of the method itself (V2–V5; the envelope's are {@link ENVELOPE_ERRORS}) and the seed
 * page's example.
 * @example employeeCallMethod().params.map((p) => p.name) // ['access_token', 'first_call', …, 'employee_message']
 */
export function employeeCallMethod(): MethodContract {
  return {
    name: 'start.employee_call',
    summary: 'Calls an employee and a contact and connects them, without a call scenario.',
    description:
      'The behaviour, rule by rule (R1–R16, V1–V7, D1–D15), is docs/spec.md. Checks run in the order of docs/spec.md §2; the first fault found is the answer.',
    params: paramsOf(CallParamsSchema),
    result: { name: 'result', schema: inputJsonSchema(z.strictObject({ data: EmployeeCallData }), { dialect: false, io: 'output' }) },
    errors: [...TOKEN_ERRORS, ...PARAMS_ERRORS, ...EMPLOYEE_CALL_ERRORS],
    examples: [{ name: 'the seed page', params: SEED_REQUEST.params, result: { data: { call_session_id: 237859081 } } }],
  };
}
