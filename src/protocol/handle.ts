import { dialingMusic } from '../account/builtin.js';
import type { Account } from '../account/schema.js';
import { accountProblem, componentProblem, tokenProblem } from './check-account.js';
import { checkParams, combinationProblem } from './check-params.js';
import { parseEnvelope } from './envelope.js';
import { errorResponse, successResponse, type JsonRpcError, type JsonRpcId, type JsonRpcResponse, type Problem } from './errors.js';
import type { CallParams } from './params.js';

export const METHOD = 'start.employee_call';

export type Validation = { ok: true; id: JsonRpcId; params: CallParams } | { ok: false; response: JsonRpcError };

/** The one place a problem becomes a failed validation. */
function fail(id: JsonRpcId, problem: Problem): Validation {
  return { ok: false, response: errorResponse(id, problem) };
}

/** Runs `body`; anything it throws becomes -32603 internal_error (V7: nothing is thrown past the handler). */
function guarded(id: () => JsonRpcId, body: () => Validation): Validation {
  try {
    return body();
  } catch {
    return fail(id(), { mnemonic: 'internal_error' });
  }
}

/**
 * V2..V5 for the params of a `start.employee_call` request whose envelope was already read: the token,
 * the component "Call API Базовый набор", the parameters (V3), their combination (V4), the account (V5).
 * On success the defaults are applied and `media_file_id` is resolved (absent → the system dialing_music).
 * @example
 * validateEmployeeCall('req1', seedParams, demo) // { ok: true, id: 'req1', params: { …, media_file_id: 2701 } }
 */
export function validateEmployeeCall(
  id: JsonRpcId,
  params: Record<string, unknown>,
  account: Account,
  now: Date = new Date(),
): Validation {
  return guarded(
    () => id,
    () => {
      const early = tokenProblem(params, account, now) ?? componentProblem(account, 'call_api_basic');
      if (early) return fail(id, early);
      const checked = checkParams(params, account);
      if (!checked.ok) return fail(id, checked.problem);
      const late = combinationProblem(checked.params) ?? accountProblem(checked.params, account);
      if (late) return fail(id, late);
      const media_file_id = checked.params.media_file_id ?? dialingMusic(account);
      return { ok: true, id, params: { ...checked.params, media_file_id } };
    },
  );
}

/**
 * A whole request body, as the platform answers it: the envelope (V1, V6), the method (-32601
 * method_not_found for any other), then {@link validateEmployeeCall}. Never throws.
 * @example
 * handleRequest('{"jsonrpc":"2.0","id":7,"method":"x","params":{}}', demo).ok // false: method_not_found, id 7
 */
export function handleRequest(body: string | Uint8Array, account: Account, options: { now?: Date } = {}): Validation {
  let id: JsonRpcId = null;
  return guarded(
    () => id,
    () => {
      const envelope = parseEnvelope(body);
      if (!envelope.ok) return envelope;
      id = envelope.id;
      if (envelope.method !== METHOD) return fail(id, { mnemonic: 'method_not_found', field: 'method', value: envelope.method });
      return validateEmployeeCall(id, envelope.params, account, options.now);
    },
  );
}

/**
 * The JSON-RPC answer to a validation: its error, or the success with the given `call_session_id`.
 * @example respond(handleRequest(body, demo), 1) // { jsonrpc: '2.0', id: 'req1', result: { data: { call_session_id: 1 } } }
 */
export function respond(validation: Validation, callSessionId: number): JsonRpcResponse<{ call_session_id: number }> {
  return validation.ok ? successResponse(validation.id, { call_session_id: callSessionId }) : validation.response;
}
