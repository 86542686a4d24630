import { checkAccessToken, COMPONENT_NAMES, errorResponse, hasComponent } from '../deps.js';
import type { Account, ComponentId, JsonRpcError, JsonRpcId } from '../deps.js';
import type { RpcContext, RpcMethod } from './context.js';
import { paramsProblem, type ParamSpec } from './params.js';

/**
 * -32008 component_disabled unless the account has the component (named in the message).
 * @example componentError('req1', account, 'call_api_call_management')?.error.message // 'Component Call API Управление вызовами has been disabled'
 */
export function componentError(id: JsonRpcId, account: Account, component: ComponentId): JsonRpcError | null {
  if (hasComponent(account, component)) return null;
  return errorResponse(id, { mnemonic: 'component_disabled', params: { component_name: COMPONENT_NAMES[component] } });
}

/**
 * V2 for the neighbouring methods, then the component the method needs: the token (a permanent key of
 * the account or a live `login.user` token), else -32008 component_disabled.
 * @example authorize(ctx, 'req1', { access_token: 'nope' }, 'call_api_basic')?.error.data.mnemonic // 'access_token_invalid'
 */
export function authorize(ctx: RpcContext, id: JsonRpcId, params: Record<string, unknown>, component: ComponentId): JsonRpcError | null {
  const tokenError = checkAccessToken(id, params, ctx.tokens.accountView(ctx.account, params.access_token), new Date(ctx.now()));
  return tokenError ?? componentError(id, ctx.account, component);
}

/**
 * A method that takes an `access_token`: the token and the component first (V2), then the parameters
 * against `specs` (V3), then `body`.
 * @example const logout = withToken('call_api_basic', { access_token: ACCESS_TOKEN }, (ctx, id) => successResponse(id, { success: true }));
 */
export function withToken(component: ComponentId, specs: Record<string, ParamSpec>, body: RpcMethod): RpcMethod {
  return (ctx, id, params) => {
    const denied = authorize(ctx, id, params, component);
    if (denied) return denied;
    const problem = paramsProblem(params, specs);
    return problem ? errorResponse(id, problem) : body(ctx, id, params);
  };
}
