import { errorResponse, successResponse, type JsonRpcError, type JsonRpcId } from '../../deps.js';
import type { LoginThrottle } from '../../login-throttle.js';
import { componentError, withToken } from '../auth.js';
import type { RpcMethod } from '../context.js';
import { ACCESS_TOKEN, paramsProblem, type ParamSpec } from '../params.js';

export const LOGIN_PARAMS: Record<string, ParamSpec> = {
  login: { type: 'string', required: true },
  password: { type: 'string', required: true },
};

/**
 * -32029 limit_exceeded for a login whose wrong passwords hit the throttle: "Limit per minute has been
 * exceeded. Value of current limit per minute is 5", `field: "login"`.
 * @example throttledLogin('req1', throttle, 'demo').error.data.params // { limit_type: 'minute', limit_max_value: 5 }
 */
export function throttledLogin(id: JsonRpcId, throttle: LoginThrottle, login: string): JsonRpcError {
  const params = { limit_type: 'minute', limit_max_value: throttle.limits.failures };
  return errorResponse(id, { mnemonic: 'limit_exceeded', field: 'login', value: login, params });
}

/**
 * `login.user {login, password}` → `{"data":{"access_token","expire_at"}}`: a token living one hour
 * (`expire_at` in unix seconds). Credentials from the account's `users`; wrong → -32001 auth_error;
 * after 5 wrong passwords for one login within a minute → -32029 limit_exceeded until that minute passes.
 * @example loginUser(ctx, 1, { login: 'demo', password: 'demo' }) // { …, result: { data: { access_token: '9c1f…', expire_at: 1709290830 } } }
 */
export const loginUser: RpcMethod = (ctx, id, params) => {
  const problem = paramsProblem(params, LOGIN_PARAMS);
  if (problem) return errorResponse(id, problem);
  const login = params.login as string;
  if (ctx.loginThrottle.blocked(login)) return throttledLogin(id, ctx.loginThrottle, login);
  const user = ctx.account.users.find((u) => u.login === login && u.password === params.password);
  if (!user) {
    ctx.loginThrottle.fail(login);
    return errorResponse(id, { mnemonic: 'auth_error' });
  }
  ctx.loginThrottle.succeed(login);
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
