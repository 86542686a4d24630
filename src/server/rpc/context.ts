import type { Account, JsonRpcId, JsonRpcResponse } from '../deps.js';
import type { PointLimits } from '../limits.js';
import type { LoginThrottle } from '../login-throttle.js';
import type { SessionRegistry } from '../sessions/registry.js';
import type { LoginTokens } from '../tokens.js';

/** What a Call API method may use: the server's state, read through narrow handles. */
export interface RpcContext {
  account: Account;
  tokens: LoginTokens;
  limits: PointLimits;
  /** Wrong `login.user` passwords per login (the throttle). */
  loginThrottle: LoginThrottle;
  sessions: SessionRegistry;
  now: () => number;
}

/** One Call API method: its answer to already-parsed params. Anything it throws becomes internal_error. */
export type RpcMethod = (ctx: RpcContext, id: JsonRpcId, params: Record<string, unknown>) => JsonRpcResponse;
