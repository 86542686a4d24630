import {
  activeNumbers,
  codePointLength,
  findAccessToken,
  findEmployee,
  findMediaFile,
  hasComponent,
  isBlacklisted,
  isOwnVirtualNumber,
} from '../account/lookup.js';
import { COMPONENT_NAMES, type Account, type ComponentId } from '../account/schema.js';
import { errorResponse, type JsonRpcError, type JsonRpcId, type Problem } from './errors.js';
import { fitsLength, MAX_LENGTH, type Message, type ParsedParams } from './params.js';

/**
 * V2: the access token. Missing (or null, or undefined from a JS caller) → required_parameter_missed; not a string → data_type_error;
 * longer than {@link MAX_LENGTH} allows → invalid_parameter_value (V3's check of the first parameter); unknown → access_token_invalid; blocked → access_token_blocked (before the date is looked at);
 * `expires_at` at or before `now` → access_token_expired.
 */
export function tokenProblem(params: Record<string, unknown>, account: Account, now: Date): Problem | null {
  const field = 'access_token';
  const value = params[field];
  if (value === undefined || !Object.hasOwn(params, field)) return { mnemonic: 'required_parameter_missed', field };
  if (value === null) return { mnemonic: 'required_parameter_missed', field, value };
  if (typeof value !== 'string') return { mnemonic: 'data_type_error', field, value };
  if (!fitsLength(value, MAX_LENGTH.access_token)) return { mnemonic: 'invalid_parameter_value', field, value };
  const token = findAccessToken(account, value);
  if (!token) return { mnemonic: 'access_token_invalid', field, value };
  if (token.blocked) return { mnemonic: 'access_token_blocked', field, value };
  if (token.expires_at !== null && Date.parse(token.expires_at) <= now.getTime()) {
    return { mnemonic: 'access_token_expired', field, value };
  }
  return null;
}

/**
 * V2 as a JSON-RPC error, or null when the token lets the request through.
 * @example checkAccessToken('req1', { access_token: 'nope' }, demo)?.error.data.mnemonic // 'access_token_invalid'
 */
export function checkAccessToken(
  id: JsonRpcId,
  params: Record<string, unknown>,
  account: Account,
  now: Date = new Date(),
): JsonRpcError | null {
  const problem = tokenProblem(params, account, now);
  return problem ? errorResponse(id, problem) : null;
}

/**
 * -32008 component_disabled unless the account has the component; `field`/`value` name the parameter
 * that needs it (none for the method itself).
 * @example componentProblem(account, 'call_api_basic') // null when the account has "Call API Базовый набор"
 */
export function componentProblem(account: Account, component: ComponentId, field?: string, value?: unknown): Problem | null {
  if (hasComponent(account, component)) return null;
  return { mnemonic: 'component_disabled', field: field ?? null, value, params: { component_name: COMPONENT_NAMES[component] } };
}

type Check = (p: ParsedParams, account: Account) => Problem | null;

type NamedMessage = { field: string; message: Message };
function messages(p: ParsedParams): NamedMessage[] {
  const named = [
    { field: 'contact_message.value', message: p.contact_message },
    { field: 'employee_message.value', message: p.employee_message },
  ];
  return named.filter((m): m is NamedMessage => m.message !== null);
}

function mediaProblem(p: ParsedParams, account: Account): Problem | null {
  const wanted = [
    ...(p.media_file_id === undefined ? [] : [{ field: 'media_file_id', id: p.media_file_id, value: p.media_file_id as unknown }]),
    ...messages(p)
      .filter((m) => m.message.type === 'media')
      .map((m) => ({ field: m.field, id: Number(m.message.value), value: m.message.value as unknown })),
  ];
  const unknown = wanted.find((w) => !findMediaFile(account, w.id));
  return unknown ? { mnemonic: 'media_file_not_found', field: unknown.field, value: unknown.value, params: { media_file_id: unknown.id } } : null;
}

function ttsProblem(p: ParsedParams, account: Account): Problem | null {
  const max = account.tts_max_length;
  const long = messages(p).find((m) => m.message.type === 'tts' && codePointLength(m.message.value) > max);
  if (!long) return null;
  const params = { tts_message_max_length: max, sent_tts_message_length: codePointLength(long.message.value) };
  return { mnemonic: 'tts_text_exceeded', field: long.field, value: long.message.value, params };
}

function employeeNumberProblem(p: ParsedParams, account: Account): Problem | null {
  const active = activeNumbers(findEmployee(account, p.employee.id)!);
  const wanted = p.employee.phone_number;
  if (wanted === null && active.length === 0) return { mnemonic: 'no_active_phone_number', field: 'employee.id', value: p.employee.id };
  if (wanted !== null && !active.some((n) => n.number === wanted)) {
    return { mnemonic: 'no_active_phone_number', field: 'employee.phone_number', value: wanted };
  }
  return null;
}

function virtualNumberProblem(p: ParsedParams, account: Account): Problem | null {
  const number = p.virtual_phone_number;
  if (isOwnVirtualNumber(account, number)) return null;
  return { mnemonic: 'virtual_phone_number_not_found', field: 'virtual_phone_number', value: number, params: { virtual_phone_number: number } };
}

function employeeProblem(p: ParsedParams, account: Account): Problem | null {
  const id = p.employee.id;
  return findEmployee(account, id) ? null : { mnemonic: 'employee_not_found', field: 'employee.id', value: id, params: { employee_id: id } };
}

function ownNumberProblem(p: ParsedParams, account: Account): Problem | null {
  return isOwnVirtualNumber(account, p.contact) ? { mnemonic: 'own_virtual_phone_number_not_allowed', field: 'contact', value: p.contact } : null;
}

function blacklistProblem(p: ParsedParams, account: Account): Problem | null {
  return isBlacklisted(account, p.contact) ? { mnemonic: 'contact_in_blacklist', field: 'contact', value: p.contact, params: { contact: p.contact } } : null;
}

function usageRuleProblem(p: ParsedParams, account: Account): Problem | null {
  const rule = p.virtual_phone_usage_rule;
  return rule === 'fixed' ? null : componentProblem(account, 'automatic_number_management', 'virtual_phone_usage_rule', rule);
}

/** V5, in the order of docs/spec.md: the first check that finds a fault wins. */
const ACCOUNT_CHECKS: readonly Check[] = [
  virtualNumberProblem,
  employeeProblem,
  employeeNumberProblem,
  mediaProblem,
  ttsProblem,
  ownNumberProblem,
  blacklistProblem,
  usageRuleProblem,
];

/**
 * V5: the parameters against the account, in the order of docs/spec.md.
 * @example accountProblem({ ...params, contact: '79990000000' }, demo)?.mnemonic // 'contact_in_blacklist'
 */
export function accountProblem(params: ParsedParams, account: Account): Problem | null {
  for (const check of ACCOUNT_CHECKS) {
    const problem = check(params, account);
    if (problem) return problem;
  }
  return null;
}
