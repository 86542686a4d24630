import { z } from 'zod';
import { codePointLength } from '../account/lookup.js';
import { E164, MAX_TOKEN_LENGTH, MAX_TTS_LENGTH } from '../account/schema.js';
import { inputHints } from '../json-schema-hints.js';

/**
 * The parameters of `start.employee_call` (docs/spec.md §1), in the order of its table: checks run in
 * this order so that a request with several faults always gets the same answer (V3).
 *
 * Every issue this schema raises is turned into the platform's mnemonic by `check-params.ts`:
 * `invalid_type` → data_type_error (required_parameter_missed when nothing or `null` was sent),
 * `unrecognized_keys` → unexpected_parameters, anything else → invalid_parameter_value.
 * An optional parameter sent as `null` counts as not sent: its default applies.
 * The descriptions are the platform page's, and go into the OpenRPC document.
 */

/**
 * The longest free strings a request may carry, in characters (code points, as JSON Schema's
 * `maxLength` counts them). The platform's page states none; a hostile request must not cost much.
 * A message value may be as long as the longest `tts_max_length` an account may have, so a TTS text
 * over the account's limit still gets the platform's own tts_text_exceeded.
 */
export const MAX_LENGTH = { access_token: MAX_TOKEN_LENGTH, external_id: 1024, dtmf_string: 1024, message_value: MAX_TTS_LENGTH } as const;

/**
 * Whether `text` has at most `max` characters; counts code points only when UTF-16 length cannot decide.
 * @example fitsLength('😀😀', 2) // true (4 UTF-16 units, 2 characters)
 */
export function fitsLength(text: string, max: number): boolean {
  if (text.length <= max) return true;
  return text.length <= 2 * max && codePointLength(text) <= max;
}

/**
 * A string of at most `max` characters; longer is a bad value (invalid_parameter_value). Its JSON Schema
 * says `maxLength`.
 * @example boundedText(1024).safeParse('e'.repeat(1025)).success // false
 */
export function boundedText(max: number) {
  return z
    .string()
    .refine((text) => fitsLength(text, max), `expected at most ${max} characters`)
    .meta({ maxLength: max });
}

/** An optional parameter: absent or `null` gives `fallback`. */
function optional<T extends z.ZodType, D extends z.output<T> | null | undefined>(schema: T, fallback: D) {
  const parameter = schema.nullish().transform((value): z.output<T> | D => value ?? fallback);
  if (fallback !== null && fallback !== undefined) inputHints.add(parameter, { default: fallback as unknown });
  return parameter;
}

/** A string from a fixed set; a non-string is a bad type (data_type_error), an unknown string a bad value. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().pipe(z.enum(values)).meta({ enum: [...values] });
}

/** A JSON number that must be an integer: a fraction is a bad value (invalid_parameter_value), not a bad type. */
const Integer = z.number().refine(Number.isSafeInteger, 'expected an integer').meta({ type: 'integer' });

/** A media file id written as a string of digits (a `media` message's value). */
export const MEDIA_ID_TEXT = /^\d{1,15}$/;
/** Employee numbers as the method accepts them: E.164, SIP or internal numbers, all digits. */
export const PHONE_NUMBER_TEXT = /^\d{1,15}$/;

export const Message = z
  .strictObject({
    type: oneOf(['media', 'tts']).meta({ description: '`media`: a file; `tts`: a text for Text-to-Speech.' }),
    value: boundedText(MAX_LENGTH.message_value).meta({
      description:
        'With `media`, the id of a system or user media file (digits); with `tts`, the text to synthesise (not empty; its length is limited by the account).',
    }),
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
  id: Integer.meta({ description: "The employee's id in the account." }),
  phone_number: optional(z.string().regex(PHONE_NUMBER_TEXT), null).meta({
    description:
      "The employee's number to call (E.164, SIP or internal); it must be active and the employee's. Absent: all the employee's active numbers are called one after another.",
  }),
});

/**
 * The account-free schema. `contact` is only type-checked here; its format (E.164 or an employee's SIP
 * number) needs the account: see {@link paramsSchemaFor}.
 */
export const CallParamsSchema = z.strictObject({
  access_token: boundedText(MAX_LENGTH.access_token).meta({ description: 'The session key (a permanent key or one from login.user).' }),
  first_call: oneOf(FIRST_CALL).meta({ description: 'Who is called first: the employee, or the contact (usually the client).' }),
  switch_at_once: optional(z.boolean(), false).meta({
    description:
      'Start the talk as soon as the second party answers, cutting the message off; no effect when contact_message is TTS.',
  }),
  early_switching: optional(z.boolean(), false).meta({
    description:
      "While the contact is being called, the employee hears the contact's line (ringback, voicemail) instead of hold music. Only with first_call employee and switch_at_once true.",
  }),
  /** Absent → the account's system `dialing_music` (resolved by the account checks). */
  media_file_id: optional(Integer, undefined).meta({
    description: 'The hold music: a system or user media file id. Default: the system file dialing_music ("Музыка переадресации").',
  }),
  virtual_phone_number: E164.meta({
    description: "The account's virtual number, E.164 (e.g. 74993720692): the caller ID the contact sees.",
  }),
  virtual_phone_usage_rule: optional(oneOf(USAGE_RULES), 'fixed').meta({
    description:
      'How the virtual number is picked per call; all but fixed need the component "Автоматическое управление номерами". No number fits: virtual_phone_number.',
  }),
  show_virtual_phone_number: optional(z.boolean(), true).meta({
    description: "Whether the employee sees the virtual number as the caller ID (else the contact's number).",
  }),
  contact: z.string().meta({
    description: "The number to call, E.164 (e.g. 79091234567), or the SIP number of one of the account's employees.",
  }),
  external_id: optional(boundedText(MAX_LENGTH.external_id), null).meta({
    description: "An id of the caller's own, carried on the call's events.",
  }),
  dtmf_string: optional(boundedText(MAX_LENGTH.dtmf_string).regex(DTMF_STRING), null).meta({
    description: 'DTMF sent to the contact after the answer: 0-9, *, #; each "." waits one second (".1.2.3").',
  }),
  direction: optional(oneOf(DIRECTIONS), 'in').meta({ description: 'The direction the call is reported with: in or out.' }),
  employee: EmployeeParam.meta({ description: 'The employee the contact is connected with.' }),
  contact_message: optional(Message, null).meta({
    description: 'What the contact hears after answering, before the talk; then the hold music in a loop.',
  }),
  employee_message: optional(Message, null).meta({
    description: 'What the employee hears after answering, before the talk; then the hold music in a loop.',
  }),
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
