import { successResponse, validateEmployeeCall } from '../../deps.js';
import type { RpcMethod } from '../context.js';

/**
 * `start.employee_call`: the protocol checks (V2–V5, with `login.user` tokens known), then a live
 * session unfolding in time. Answers `{"data":{"call_session_id":N}}`.
 * @example startEmployeeCall(ctx, 'req1', SEED_REQUEST.params) // { jsonrpc: '2.0', id: 'req1', result: { data: { call_session_id: 1000 } } }
 */
export const startEmployeeCall: RpcMethod = (ctx, id, params) => {
  const account = ctx.tokens.accountView(ctx.account, params.access_token);
  const validation = validateEmployeeCall(id, params, account, new Date(ctx.now()));
  if (!validation.ok) return validation.response;
  const session = ctx.sessions.start(id, validation.params);
  return successResponse(id, { call_session_id: session.id });
};
