import { z } from 'zod';
import {
  EmployeeCallData,
  employeeCallMethod,
  errorResponse,
  ENVELOPE_ERRORS,
  openRpcDocument,
  PARAMS_ERRORS,
  TOKEN_ERRORS,
  type JsonRpcError,
  type JsonRpcId,
  type JsonSchema,
  type MethodContract,
  type Mnemonic,
  type OpenRpcDocument,
} from '../deps.js';
import { LIST_CALLS_PARAMS } from './methods/list-calls.js';
import { LOGIN_PARAMS } from './methods/login.js';
import { RELEASE_PARAMS } from './methods/release-call.js';
import { ListCallsItem, LoginData, resultSchema, Success } from './openrpc-results.js';
import { ACCESS_TOKEN, type ParamSpec } from './params.js';

/** The OpenRPC service-discovery method: answers the document, needs no token, costs no points. */
export const DISCOVER_METHOD = 'rpc.discover';
/** The document describes the platform's API as the mock answers it: its version is the API's. */
const API_VERSION = '4.0';

/** The descriptions of the neighbouring methods' parameters (their checks are `ParamSpec`s). */
const PARAM_DESCRIPTIONS: Record<string, string> = {
  call_session_id: 'The call session to end (from start.employee_call or list.calls).',
  direction: 'Only the calls of this direction.',
  virtual_phone_number: 'Only the calls with this virtual number.',
  login: "The user's login.",
  password: "The user's password.",
};

/** One ParamSpec as a content descriptor; `access_token` is the very parameter start.employee_call takes. */
function paramOf(name: string, spec: ParamSpec): MethodContract['params'][number] {
  if (spec === ACCESS_TOKEN) return employeeCallMethod().params.find((p) => p.name === 'access_token')!;
  const schema: JsonSchema = spec.type === 'integer' ? { type: 'integer' } : { type: 'string', ...(spec.values ? { enum: [...spec.values] } : {}) };
  return { name, required: spec.required, description: PARAM_DESCRIPTIONS[name] ?? '', schema };
}

function paramsOfSpecs(specs: Record<string, ParamSpec>): MethodContract['params'] {
  return Object.entries(specs).map(([name, spec]) => paramOf(name, spec));
}

/** Errors every method may get on the mock server: the envelope, the point limits, an internal fault. */
function errorsOf(own: readonly Mnemonic[]): Mnemonic[] {
  return [...ENVELOPE_ERRORS, 'limit_exceeded', ...own, 'internal_error'];
}

function methods(): MethodContract[] {
  const employeeCall = employeeCallMethod();
  return [
    { ...employeeCall, result: { name: 'result', schema: resultSchema(EmployeeCallData) }, errors: errorsOf(employeeCall.errors) },
    {
      name: 'release.call',
      summary: 'Ends a live call, releasing both legs.',
      params: paramsOfSpecs(RELEASE_PARAMS),
      result: { name: 'result', schema: resultSchema(Success) },
      errors: errorsOf([...TOKEN_ERRORS, ...PARAMS_ERRORS, 'call_session_not_found']),
    },
    {
      name: 'list.calls',
      summary: 'The live calls with their legs and leg states; needs the component "Call API Управление вызовами".',
      params: paramsOfSpecs(LIST_CALLS_PARAMS),
      result: { name: 'result', schema: resultSchema(z.array(ListCallsItem)) },
      errors: errorsOf([...TOKEN_ERRORS, ...PARAMS_ERRORS]),
    },
    {
      name: 'login.user',
      summary: "A token living one hour, for one of the account's users.",
      params: paramsOfSpecs(LOGIN_PARAMS),
      result: { name: 'result', schema: resultSchema(LoginData) },
      errors: errorsOf([...PARAMS_ERRORS, 'auth_error', 'component_disabled']),
    },
    {
      name: 'logout.user',
      summary: 'The token stops working (a permanent key is left as it is).',
      params: paramsOfSpecs({ access_token: ACCESS_TOKEN }),
      result: { name: 'result', schema: resultSchema(Success) },
      errors: errorsOf([...TOKEN_ERRORS, ...PARAMS_ERRORS]),
    },
  ];
}

let document: OpenRpcDocument | undefined;

/**
 * The mock server's OpenRPC 1.3 document, generated once from the checks' own schemas: what
 * `GET /openrpc.json` and the JSON-RPC method `rpc.discover` answer.
 * @example openRpc().methods.map((m) => m.name) // ['start.employee_call', 'release.call', 'list.calls', 'login.user', 'logout.user']
 */
export function openRpc(): OpenRpcDocument {
  document ??= openRpcDocument({
    version: API_VERSION,
    url: 'http://127.0.0.1:8080/v4.0',
    description:
      'A local stand-in for the UIS Call API v4.0 (JSON-RPC 2.0 over HTTP POST /v4.0). Every error answer carries the platform\'s code, message and data.mnemonic (docs/errors.md). parse_error, batch_operations_not_supported and method_not_found answer before any method is known; they are listed under components.errors. rpc.discover answers this document.',
    methods: methods(),
  });
  return document;
}

/**
 * The answer to `rpc.discover`: the document as the result. The method takes no parameters (`params`
 * absent, `[]` or `{}`); a named one is -32602 unexpected_parameters.
 * @example discoverAnswer(1, {}) // { jsonrpc: '2.0', id: 1, result: { openrpc: '1.3.2', … } }
 */
export function discoverAnswer(id: JsonRpcId, params: Record<string, unknown>): JsonRpcError | { jsonrpc: '2.0'; id: JsonRpcId; result: OpenRpcDocument } {
  const unexpected = Object.keys(params)[0];
  if (unexpected !== undefined) return errorResponse(id, { mnemonic: 'unexpected_parameters', field: unexpected, value: params[unexpected] });
  return { jsonrpc: '2.0', id, result: openRpc() };
}
