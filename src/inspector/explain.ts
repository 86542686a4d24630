import type { Account } from '../account/schema.js';
import type { JsonRpcError } from '../protocol/errors.js';
import { PARAM_FIELDS, getPath, setPath } from './fields.js';
import type { ParamsDoc } from './case.js';

/**
 * The platform's answer stays exact; this adds, for the analyst, what it means in plain words, the fix
 * (as new params the page can apply) and the rule it comes from (`spec.html#v4`). Pure.
 */
export interface Explanation {
  /** What went wrong, in plain words. */
  text: string;
  /** How to fix it, in words. */
  how: string;
  /** The params with the fix applied, when there is one fix to apply. */
  fix: { label: string; params: ParamsDoc } | null;
  /** Rule ids of docs/spec.md (`v4`, `r3`): links `spec.html#v4`. */
  rules: string[];
}

type Explain = (error: JsonRpcError['error'], params: ParamsDoc, account: Account | null) => Explanation | null;

const E164 = /^[1-9]\d{10,14}$/;
/** `+7 (926) 000-00-00` → `79260000000`: the digits, when they make an E.164 number. */
function digitsOnly(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const digits = value.replace(/[\s()+\-.]/g, '');
  return E164.test(digits) && digits !== value ? digits : null;
}

const E164_WORDS = 'E.164 digits only: the country code first, no “+”, spaces, brackets or dashes (e.g. 79260000000, 11–15 digits)';

/** Field-specific help for invalid_parameter_value. */
const VALUE_HELP: Record<string, { how: string; rules: string[] }> = {
  contact: { how: `contact must be ${E164_WORDS}, or the SIP number of one of the account’s employees (R13).`, rules: ['v3', 'r13'] },
  virtual_phone_number: { how: `virtual_phone_number must be ${E164_WORDS}, and one of the account’s numbers.`, rules: ['v3', 'v5'] },
  'employee.phone_number': { how: 'employee.phone_number must be digits only (E.164, SIP or internal number), one of the employee’s active numbers.', rules: ['v3', 'r14'] },
  dtmf_string: { how: 'dtmf_string may hold only the digits 0–9, * and #, and “.” for a one-second pause (e.g. .1.2.3).', rules: ['v3', 'r15'] },
  first_call: { how: 'first_call is employee (the employee is dialled first) or contact.', rules: ['v3', 'r1', 'r5'] },
  direction: { how: 'direction is in (the default) or out.', rules: ['v3'] },
  virtual_phone_usage_rule: { how: 'virtual_phone_usage_rule is one of fixed, fixed_for_numa, random, regional_random, regional_fixed_for_numa.', rules: ['v3', 'r12'] },
  'contact_message.type': { how: 'A message’s type is media (a file id as value) or tts (a text as value).', rules: ['v3'] },
  'employee_message.type': { how: 'A message’s type is media (a file id as value) or tts (a text as value).', rules: ['v3'] },
  'contact_message.value': { how: 'A media message’s value is a file id written as digits (e.g. "2561"); a TTS message’s value is a non-empty text.', rules: ['v3'] },
  'employee_message.value': { how: 'A media message’s value is a file id written as digits (e.g. "2561"); a TTS message’s value is a non-empty text.', rules: ['v3'] },
};

const typeOf = (name: string) => PARAM_FIELDS.find((f) => f.name === name)?.kind;

/** The closest parameter name to a misspelt one (at most two letters apart), for unexpected_parameters. */
function closestName(name: string): string | null {
  const last = name.split('.').at(-1) ?? name;
  const prefix = name.includes('.') ? `${name.slice(0, name.lastIndexOf('.'))}.` : '';
  let best: { name: string; distance: number } | null = null;
  for (const field of PARAM_FIELDS.filter((f) => f.name.startsWith(prefix) && !f.name.slice(prefix.length).includes('.'))) {
    const distance = editDistance(last, field.name.slice(prefix.length));
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: field.name, distance };
  }
  return best?.name ?? null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

const EXPLAIN: Record<string, Explain> = {
  invalid_parameters_combination: (_error, params) => {
    const missing = [
      params.first_call !== 'employee' ? `first_call is ${JSON.stringify(params.first_call ?? null)}, not "employee"` : null,
      params.switch_at_once !== true ? `switch_at_once is ${params.switch_at_once === undefined ? 'not sent (false)' : JSON.stringify(params.switch_at_once)}, not true` : null,
    ].filter(Boolean);
    return {
      text: `early_switching: true works only when the employee is called first (first_call: "employee") and the talk starts at the contact’s answer (switch_at_once: true). Here ${missing.join(' and ')}.`,
      how: 'Set first_call to employee and switch_at_once to true — or leave early_switching out.',
      fix: { label: 'Set first_call: employee and switch_at_once: true', params: { ...params, first_call: 'employee', switch_at_once: true } },
      rules: ['v4', 'r3'],
    };
  },
  invalid_parameter_value: (error, params) => {
    const field = error.data.field ?? '';
    const help = VALUE_HELP[field];
    const digits = digitsOnly(error.data.value);
    return {
      text: `The value ${JSON.stringify(error.data.value)} is not one ${field || 'this parameter'} accepts.`,
      how: help?.how ?? 'Check the value against the parameter’s allowed values.',
      fix: digits && field ? { label: `Use ${digits}`, params: setPath(params, field, digits) } : null,
      rules: help?.rules ?? ['v3'],
    };
  },
  data_type_error: (error, params) => {
    const field = error.data.field ?? '';
    const kind = typeOf(field);
    const value = getPath(params, field);
    const want = kind === 'boolean' ? 'a JSON boolean (true or false, without quotes)' : kind === 'number' ? 'a JSON number (without quotes)' : 'a JSON string (in quotes)';
    let fixed: unknown;
    if (kind === 'boolean' && (value === 'true' || value === 'false')) fixed = value === 'true';
    if (kind === 'number' && typeof value === 'string' && /^\d+$/.test(value)) fixed = Number(value);
    return {
      text: `${field} was sent as ${typeof value === 'string' ? 'a string' : typeof value}; it must be ${want}.`,
      how: `Send ${field} as ${want}.`,
      fix: fixed === undefined ? null : { label: `Send ${field}: ${JSON.stringify(fixed)}`, params: setPath(params, field, fixed) },
      rules: ['v3'],
    };
  },
  required_parameter_missed: (error) => ({
    text: `${error.data.field} is required and was not sent (or was null).`,
    how: `Fill in ${error.data.field}.`,
    fix: null,
    rules: ['v3'],
  }),
  unexpected_parameters: (error, params) => {
    const field = error.data.field ?? '';
    const near = closestName(field);
    const value = getPath(params, field);
    return {
      text: `start.employee_call has no parameter named ${field}.${near ? ` Did you mean ${near}?` : ''}`,
      how: near ? `Rename it to ${near}, or remove it.` : 'Remove it (the names are in the parameters table).',
      fix: near ? { label: `Rename to ${near}`, params: setPath(setPath(params, field, undefined), near, value) } : { label: `Remove ${field}`, params: setPath(params, field, undefined) },
      rules: ['v3'],
    };
  },
  virtual_phone_number_not_found: (_error, _params, account) => ({
    text: 'The virtual number is not one of this account’s.',
    how: `Use one of the account’s virtual numbers${account ? `: ${account.virtual_numbers.map((v) => v.number).join(', ')}` : ''}.`,
    fix: null,
    rules: ['v5'],
  }),
  employee_not_found: (_error, _params, account) => ({
    text: 'The account has no employee with this id.',
    how: `Use one of the account’s employees${account ? `: ${account.employees.map((e) => `${e.id} (${e.full_name})`).join(', ')}` : ''}.`,
    fix: null,
    rules: ['v5'],
  }),
  no_active_phone_number: () => ({
    text: 'The employee has no active number to call: the number given is not one of theirs, or is inactive (or they have none).',
    how: 'Pick one of the employee’s active numbers (the field suggests them), or leave employee.phone_number empty to call each active number in turn.',
    fix: null,
    rules: ['v5', 'r14'],
  }),
  media_file_not_found: (_error, _params, account) => ({
    text: 'No media file of the account has this id.',
    how: `Use one of the account’s media files${account ? `: ${account.media_files.map((f) => f.id).join(', ')}` : ''}.`,
    fix: null,
    rules: ['v5'],
  }),
  tts_text_exceeded: (error) => {
    const p = error.data.params as { tts_message_max_length?: number; sent_tts_message_length?: number };
    return {
      text: `The TTS text has ${p.sent_tts_message_length} characters; the account allows ${p.tts_message_max_length}.`,
      how: `Shorten it by ${(p.sent_tts_message_length ?? 0) - (p.tts_message_max_length ?? 0)} characters.`,
      fix: null,
      rules: ['v5'],
    };
  },
  own_virtual_phone_number_not_allowed: () => ({ text: 'The contact is one of the account’s own virtual numbers: a call cannot go to itself.', how: 'Use the client’s number.', fix: null, rules: ['v5'] }),
  contact_in_blacklist: () => ({ text: 'The contact is on the account’s blacklist.', how: 'Call another number, or take it off the blacklist in the account.', fix: null, rules: ['v5'] }),
  component_disabled: (error, params) =>
    error.data.field === 'virtual_phone_usage_rule'
      ? {
          text: 'A usage rule other than fixed needs the account’s “automatic number management” component.',
          how: 'Use fixed, or an account with the component.',
          fix: { label: 'Use virtual_phone_usage_rule: fixed', params: { ...params, virtual_phone_usage_rule: 'fixed' } },
          rules: ['v5', 'r12'],
        }
      : { text: 'The account lacks the Call API component this method needs.', how: 'Use an account with the component.', fix: null, rules: ['v2', 'v5'] },
  access_token_invalid: () => ({ text: 'The account does not know this access_token.', how: 'Use a token of the account (the demo account’s is the seed’s).', fix: null, rules: ['v2'] }),
  access_token_expired: () => ({ text: 'The access_token has expired.', how: 'Use a valid token.', fix: null, rules: ['v2'] }),
  access_token_blocked: () => ({ text: 'The access_token is blocked.', how: 'Use a valid token.', fix: null, rules: ['v2'] }),
};

/**
 * A plain explanation of the platform's error, with the fix, or null for errors it has nothing to add to.
 * @example explainError(response.error, params, account)?.rules // ['v4', 'r3']
 */
export function explainError(error: JsonRpcError['error'], params: ParamsDoc, account: Account | null): Explanation | null {
  return EXPLAIN[error.data.mnemonic]?.(error, params, account) ?? null;
}
