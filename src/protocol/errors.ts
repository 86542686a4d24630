/**
 * The platform's error catalogue: every error of the Call API v4.0 that this project can answer with.
 * Codes, message templates and mnemonics are protocol constants, reproduced byte for byte from
 * the platform's Call API documentation and its page for start.employee_call (docs/spec.md, docs/errors.md).
 * Templates use `{name}` placeholders filled from `params`.
 */
export const ERRORS = {
  // Common to all methods
  parse_error: { code: -32700, message: 'Invalid JSON was received by the server.' },
  invalid_request: { code: -32600, message: 'Invalid Request The JSON sent is not a valid Request object' },
  method_not_found: { code: -32601, message: 'The method does not exist / is not available' },
  data_type_error: { code: -32602, message: 'Data supplied is of wrong type' },
  required_parameter_missed: { code: -32602, message: 'The required parameter has been missed' },
  invalid_parameter_value: { code: -32602, message: 'Invalid parameter value' },
  unexpected_parameters: { code: -32602, message: 'Unexpected method parameter(s)' },
  call_session_not_found: { code: -32602, message: 'Call session not found' },
  internal_error: { code: -32603, message: 'Internal error, contact the support service' },
  access_token_expired: { code: -32001, message: 'Access token has been expired' },
  access_token_blocked: { code: -32001, message: 'Access token has been blocked' },
  access_token_invalid: { code: -32001, message: 'Access token is invalid' },
  auth_error: { code: -32001, message: 'Login or password is wrong' },
  ip_not_whitelisted: { code: -32003, message: 'Your IP {ip} is not whitelisted' },
  forbidden: { code: -32003, message: 'Permission denied' },
  component_disabled: { code: -32008, message: 'Component {component_name} has been disabled' },
  account_inactive: { code: -32009, message: 'Your account has been disabled, contact the support service' },
  limit_exceeded: {
    code: -32029,
    message: 'Limit per {limit_type} has been exceeded. Value of current limit per {limit_type} is {limit_max_value}',
  },
  // The Russian edition spells this mnemonic `batch_opreations_not_supported`; we follow the English one.
  batch_operations_not_supported: { code: -32099, message: 'Batch operations not supported' },
  notifications_not_supported: { code: -32099, message: 'Notifications not supported' },
  // start.employee_call
  tts_text_exceeded: {
    code: -32602,
    message:
      'The maximum length of Text-to-Speech message is {tts_message_max_length}. The length of your message is {sent_tts_message_length}',
  },
  media_file_not_found: { code: -32602, message: 'The media file with id {media_file_id} not found' },
  virtual_phone_number_not_found: {
    code: -32007,
    message: 'Virtual phone number {virtual_phone_number} not found. It is not your virtual phone number.',
  },
  employee_not_found: { code: -32602, message: 'Employee with id {employee_id} not found. It is not your employee.' },
  no_active_phone_number: { code: -32602, message: 'The phone number does not exist or inactive' },
  own_virtual_phone_number_not_allowed: {
    code: -32602,
    message: 'Parameter contact can not contain own virtual phone number',
  },
  contact_in_blacklist: { code: -32002, message: 'The contact {contact} has been found in the blacklist' },
  character_encoding_not_allowed: { code: -32602, message: 'The character encoding must be UTF-8' },
  invalid_parameters_combination: { code: -32602, message: 'The combination of parameters is not permitted' },
} as const satisfies Record<string, { code: number; message: string }>;

export type Mnemonic = keyof typeof ERRORS;
export type JsonRpcId = string | number | null;

/** `error.data` of every answer: the documented shape (V7). */
export interface ErrorData {
  mnemonic: Mnemonic;
  field: string | null;
  /** What the caller sent, unchanged; absent when nothing was sent. */
  value?: unknown;
  params: Record<string, string | number>;
  extended_helper: null;
}

export interface JsonRpcError {
  jsonrpc: '2.0';
  id: JsonRpcId;
  error: { code: number; message: string; data: ErrorData };
}

export interface JsonRpcSuccess<T = unknown> {
  jsonrpc: '2.0';
  id: JsonRpcId;
  result: { data: T; metadata?: unknown };
}

export type JsonRpcResponse<T = unknown> = JsonRpcSuccess<T> | JsonRpcError;

/** What a check found wrong, before it becomes a response: detection kept apart from formatting. */
export interface Problem {
  mnemonic: Mnemonic;
  field?: string | null;
  value?: unknown;
  params?: Record<string, string | number>;
}

/** Fills `{name}` placeholders; an unknown placeholder is left as written. */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * How deeply nested a sent value may be and still be echoed as `data.value`. Serialising an answer
 * recurses once per level, so a hostile value thousands of levels deep would overflow the stack there.
 */
export const MAX_ECHO_DEPTH = 64;

/** Whether `value` nests at most `maxDepth` levels of objects/arrays; walked level by level, without recursion. */
function nestsAtMost(value: unknown, maxDepth: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > maxDepth) return false;
    level = level.flatMap((node) => (typeof node === 'object' && node !== null ? Object.values(node) : []));
  }
  return true;
}

/**
 * Turns a problem into the platform's JSON-RPC error object. `data.value` is left out when nothing was
 * sent, and when the value nests deeper than {@link MAX_ECHO_DEPTH} (V7: the answer must stay writable).
 * @example
 * errorResponse('req1', { mnemonic: 'employee_not_found', field: 'employee.id', value: 7, params: { employee_id: 7 } })
 * // → { jsonrpc: '2.0', id: 'req1', error: { code: -32602, message: 'Employee with id 7 not found. …', data: {…} } }
 */
export function errorResponse(id: JsonRpcId, problem: Problem): JsonRpcError {
  const { code, message } = ERRORS[problem.mnemonic];
  const params = problem.params ?? {};
  const data: ErrorData = {
    mnemonic: problem.mnemonic,
    field: problem.field ?? null,
    ...(problem.value !== undefined && nestsAtMost(problem.value, MAX_ECHO_DEPTH) ? { value: problem.value } : {}),
    params,
    extended_helper: null,
  };
  return { jsonrpc: '2.0', id, error: { code, message: fillTemplate(message, params), data } };
}

export function successResponse<T>(id: JsonRpcId, data: T, metadata?: unknown): JsonRpcSuccess<T> {
  const result: JsonRpcSuccess<T>['result'] = { data };
  if (metadata !== undefined) result.metadata = metadata;
  return { jsonrpc: '2.0', id, result };
}

export function isErrorResponse(response: JsonRpcResponse): response is JsonRpcError {
  return 'error' in response;
}
