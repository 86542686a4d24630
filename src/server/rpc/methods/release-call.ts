import { errorResponse, successResponse } from '../../deps.js';
import { withToken } from '../auth.js';
import { ACCESS_TOKEN, type ParamSpec } from '../params.js';

export const RELEASE_PARAMS: Record<string, ParamSpec> = {
  access_token: ACCESS_TOKEN,
  call_session_id: { type: 'integer', required: true },
};

/**
 * `release.call {access_token, call_session_id}`: ends a live call at its simulated time now, releasing
 * both legs (the call is re-run with the release at that time). A session the
 * server does not know, or one already finished → -32602 call_session_not_found.
 * @example releaseCall(ctx, 3, { access_token, call_session_id: 1000 }) // { jsonrpc: '2.0', id: 3, result: { data: { success: true } } }
 */
export const releaseCall = withToken('call_api_basic', RELEASE_PARAMS, (ctx, id, params) => {
  const callSessionId = params.call_session_id as number;
  ctx.sessions.catchUp();
  const session = ctx.sessions.live.get(callSessionId);
  if (!session) return errorResponse(id, { mnemonic: 'call_session_not_found', field: 'call_session_id', value: callSessionId });
  ctx.sessions.command(session, { type: 'release' });
  return successResponse(id, { success: true });
});
