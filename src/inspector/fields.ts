import { DIRECTIONS, FIRST_CALL, USAGE_RULES } from '../protocol/params.js';
import { isObject, type ParamsDoc } from './case.js';

/**
 * The form's fields: every parameter of start.employee_call (SPEC §1), in the SPEC's order, named by the
 * same dotted path the platform puts in `error.data.field`. Pure: reading and writing a field's text.
 */
export type FieldKind = 'text' | 'number' | 'boolean' | 'enum' | 'longtext';

export interface FieldDef {
  /** Dotted path in params, as in `error.data.field`. */
  name: string;
  kind: FieldKind;
  required: boolean;
  /** The default as the SPEC states it (shown as placeholder / "default" option). */
  default?: string;
  options?: readonly string[];
  hint?: string;
}

export const PARAM_FIELDS: readonly FieldDef[] = [
  { name: 'access_token', kind: 'text', required: true, hint: 'a token the account knows' },
  { name: 'first_call', kind: 'enum', required: true, options: FIRST_CALL, hint: 'who is dialled first (R1, R5)' },
  { name: 'switch_at_once', kind: 'boolean', required: false, default: 'false', hint: 'talk at the answer (R4, R7; not with a TTS contact_message, R10)' },
  { name: 'early_switching', kind: 'boolean', required: false, default: 'false', hint: "employee hears the contact's line (R3)" },
  { name: 'media_file_id', kind: 'number', required: false, default: 'dialing_music', hint: 'hold music (R3, R8, R9)' },
  { name: 'virtual_phone_number', kind: 'text', required: true, hint: 'E.164, the account’s' },
  { name: 'virtual_phone_usage_rule', kind: 'enum', required: false, default: 'fixed', options: USAGE_RULES, hint: 'R12' },
  { name: 'show_virtual_phone_number', kind: 'boolean', required: false, default: 'true', hint: "employee's caller ID (R11)" },
  { name: 'contact', kind: 'text', required: true, hint: 'E.164 or an employee SIP number (R13)' },
  { name: 'external_id', kind: 'text', required: false },
  { name: 'dtmf_string', kind: 'text', required: false, hint: '0-9 * # and . = 1 s pause (R15)' },
  { name: 'direction', kind: 'enum', required: false, default: 'in', options: DIRECTIONS },
  { name: 'employee.id', kind: 'number', required: true },
  { name: 'employee.phone_number', kind: 'text', required: false, default: 'every active number in turn', hint: 'R14' },
  { name: 'contact_message.type', kind: 'enum', required: false, default: 'none', options: ['media', 'tts'] },
  { name: 'contact_message.value', kind: 'longtext', required: false, hint: 'file id (media) or text (tts)' },
  { name: 'employee_message.type', kind: 'enum', required: false, default: 'none', options: ['media', 'tts'] },
  { name: 'employee_message.value', kind: 'longtext', required: false, hint: 'file id (media) or text (tts)' },
];

/** The value at a dotted path, or undefined. */
export function getPath(params: ParamsDoc, name: string): unknown {
  let value: unknown = params;
  for (const key of name.split('.')) {
    if (!isObject(value)) return undefined;
    value = value[key];
  }
  return value;
}

/**
 * A copy of params with `name` set to `value`, or removed when `value` is undefined (an emptied object
 * such as `contact_message` is removed too).
 */
export function setPath(params: ParamsDoc, name: string, value: unknown): ParamsDoc {
  const [head, ...rest] = name.split('.') as [string, ...string[]];
  const copy: ParamsDoc = { ...params };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const inner = setPath(isObject(copy[head]) ? copy[head] : {}, rest.join('.'), value);
  if (Object.keys(inner).length === 0) delete copy[head];
  else copy[head] = inner;
  return copy;
}

/**
 * A field's text as the value sent: empty → not sent; `number` fields send a number when the text is
 * one (else the text, so the platform's data_type_error can be seen); booleans `true`/`false`.
 * @example fieldValue({ name: 'media_file_id', kind: 'number', required: false }, '2701') // 2701
 */
export function fieldValue(field: FieldDef, text: string): unknown {
  if (text === '') return undefined;
  if (field.kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (field.kind === 'number') return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
  return text;
}

/** The text a field shows for a value (the inverse of fieldValue). */
export function fieldText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}
