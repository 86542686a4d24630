import { successResponse } from '../../deps.js';
import { listCallsItem } from '../../sessions/list-calls.js';
import { withToken } from '../auth.js';
import { ACCESS_TOKEN, type ParamSpec } from '../params.js';

export const LIST_CALLS_PARAMS: Record<string, ParamSpec> = {
  access_token: ACCESS_TOKEN,
  direction: { type: 'string', required: false, values: ['in', 'out'] },
  virtual_phone_number: { type: 'string', required: false },
};

/**
 * `list.calls {access_token, direction?, virtual_phone_number?}`: the live calls in the platform's
 * shape, oldest first. Needs the component "Call API Управление вызовами".
 * @example listCalls(ctx, 2, { access_token, direction: 'out' }) // { …, result: { data: [{ call_session_id, legs: [{ state: 'Дозвон', … }], … }] } }
 */
export const listCalls = withToken('call_api_call_management', LIST_CALLS_PARAMS, (ctx, id, params) => {
  const { direction, virtual_phone_number: number } = params;
  const calls = [...ctx.sessions.live.values()]
    .filter((s) => direction == null || s.params.direction === direction)
    .filter((s) => number == null || s.virtualPhoneNumber === number)
    .map(listCallsItem);
  return successResponse(id, calls);
});
