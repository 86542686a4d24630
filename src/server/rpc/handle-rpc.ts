import { errorResponse, isErrorResponse, parseEnvelope, type JsonRpcId, type JsonRpcResponse } from '../deps.js';
import { POINTS } from '../limits.js';
import type { RpcContext, RpcMethod } from './context.js';
import { listCalls } from './methods/list-calls.js';
import { loginUser, logoutUser } from './methods/login.js';
import { releaseCall } from './methods/release-call.js';
import { startEmployeeCall } from './methods/start-employee-call.js';
import { DISCOVER_METHOD, discoverAnswer } from './openrpc.js';

/** The Call API methods the mock answers; any other name → -32601 method_not_found. */
export const METHODS: Readonly<Record<string, RpcMethod>> = {
  'start.employee_call': startEmployeeCall,
  'release.call': releaseCall,
  'list.calls': listCalls,
  'login.user': loginUser,
  'logout.user': logoutUser,
};

/**
 * The `charset` of a Content-Type header, lower-cased, or null when none is given.
 * @example charsetOf('application/json; charset=UTF-8') // 'utf-8'
 */
export function charsetOf(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

function withLimitsMetadata(response: JsonRpcResponse, ctx: RpcContext): JsonRpcResponse {
  const metadata = { limits: ctx.limits.metadata() };
  if (!isErrorResponse(response)) return { ...response, result: { ...response.result, metadata } };
  return { ...response, error: { ...response.error, data: { ...response.error.data, metadata } as typeof response.error.data } };
}

type Answer = JsonRpcResponse | ReturnType<typeof discoverAnswer>;

function answer(ctx: RpcContext, body: string | Uint8Array, contentType: string | undefined, seen: { method: string | null; id: JsonRpcId }): Answer {
  const envelope = parseEnvelope(body, { withoutParams: [DISCOVER_METHOD] });
  if (!envelope.ok) return envelope.response;
  const { id, method: name, params } = envelope;
  Object.assign(seen, { id, method: name });
  const charset = charsetOf(contentType);
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') return errorResponse(id, { mnemonic: 'character_encoding_not_allowed' });
  if (name === DISCOVER_METHOD) return discoverAnswer(id, params);
  const method = Object.hasOwn(METHODS, name) ? METHODS[name]! : null;
  if (!method) return errorResponse(id, { mnemonic: 'method_not_found', field: 'method', value: name });
  const exceeded = ctx.limits.exceeded();
  if (exceeded) {
    const limitParams = { limit_type: exceeded, limit_max_value: ctx.limits.limitOf(exceeded) };
    return withLimitsMetadata(errorResponse(id, { mnemonic: 'limit_exceeded', params: limitParams }), ctx);
  }
  const response = method(ctx, id, params);
  if (isErrorResponse(response)) return response;
  ctx.limits.charge(POINTS[name] ?? 1);
  return withLimitsMetadata(response, ctx);
}

/**
 * The one path every Call API request takes: envelope (V1, V6), the declared charset, the method (and
 * `rpc.discover`, the OpenRPC document: no token, no points), the
 * account's point limits, the method itself; then points are charged for a success and the limits
 * metadata attached. Any exception, serialising the answer included (a value nested too deep to echo),
 * becomes -32603 internal_error. Never throws; `text` is the answer as it goes on the wire.
 * @example
 * handleRpc(ctx, '{"jsonrpc":"2.0","id":1,"method":"nope","params":{}}').response.error.data.mnemonic // 'method_not_found'
 */
export function handleRpc(
  ctx: RpcContext,
  body: string | Uint8Array,
  contentType?: string,
  log: (line: string) => void = () => {},
): { response: Answer; text: string; method: string | null } {
  const seen: { method: string | null; id: JsonRpcId } = { method: null, id: null };
  try {
    const response = answer(ctx, body, contentType, seen);
    return { response, text: JSON.stringify(response), method: seen.method };
  } catch (error) {
    log(`internal error in ${seen.method ?? 'request'}: ${(error as Error).stack ?? String(error)}`);
    const response = errorResponse(seen.id, { mnemonic: 'internal_error' });
    return { response, text: JSON.stringify(response), method: seen.method };
  }
}
