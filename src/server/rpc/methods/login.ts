import { errorResponse, successResponse } from '../../deps.js';
import { componentError, withToken } from '../auth.js';
import type { RpcMethod } from '../context.js';
import { ACCESS_TOKEN, paramsProblem, type ParamSpec } from '../params.js';

export const LOGIN_PARAMS: Record<string, ParamSpec> = {
  login: { type: 'string', required: true },
  password: { type: 'string', required: true },
};

/**
 * `login.user {login, password}` → `{"data":{"access_token","expire_at"}}`: a token living one hour
 * (`expire_at` in unix seconds). Credentials from the account's `users`; wrong → -32001 auth_error.
 * @example loginUser(ctx, 1, { login: 'demo', password: 'demo' }) // { …, result: { data: { access_token: '9c1f…', expire_at: 1709290830 } } }
 */
export const loginUser: RpcMethod = (ctx, id, params) => {
  const problem = paramsProblem(params, LOGIN_PARAMS);
  if (problem) return errorResponse(id, problem);
  const user = ctx.account.users.find((u) => u.login === params.login && u.password === params.password);
  if (!user) return errorResponse(id, { mnemonic: 'auth_error' });
  return componentError(id, ctx.account, 'call_api_basic') ?? successResponse(id, ctx.tokens.issue());
};

/**
 * `logout.user {access_token}` → `{"data":{"success":true}}`; the token stops working (a permanent key is left as it is).
 * @example logoutUser(ctx, 2, { access_token }) // { …, result: { data: { success: true } } }
 */
export const logoutUser = withToken('call_api_basic', { access_token: ACCESS_TOKEN }, (ctx, id, params) => {
  ctx.tokens.revoke(params.access_token as string);
  return successResponse(id, { success: true });
});
