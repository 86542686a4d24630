import { randomBytes } from 'node:crypto';
import type { Account } from './deps.js';

/** How long a `login.user` token lives (the platform's documented hour). */
export const LOGIN_TOKEN_TTL_S = 3600;

/**
 * Tokens handed out by `login.user`. They are checked exactly like the account's permanent keys: the
 * account seen by the checks ({@link LoginTokens.accountView}) lists them with their expiry.
 * @example
 * const tokens = new LoginTokens(() => Date.now());
 * const { access_token, expire_at } = tokens.issue();
 * tokens.accountView(account, access_token).access_tokens.some((t) => t.token === access_token) // true
 */
export class LoginTokens {
  private readonly expiry = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  issue(): { access_token: string; expire_at: number } {
    const access_token = randomBytes(32).toString('hex');
    const expire_at = Math.floor(this.now() / 1000) + LOGIN_TOKEN_TTL_S;
    this.expiry.set(access_token, expire_at);
    return { access_token, expire_at };
  }

  /** Ends a token (`logout.user`); a permanent key or an unknown token is left alone. */
  revoke(token: string): void {
    this.expiry.delete(token);
  }

  /**
   * The account as the checks of a request presenting `token` see it: with that token added when
   * `login.user` issued it (an expired one too, so it answers "expired"), else the account unchanged.
   */
  accountView(account: Account, token: unknown): Account {
    const expireAt = typeof token === 'string' ? this.expiry.get(token) : undefined;
    if (expireAt === undefined) return account;
    const issued = { token: token as string, expires_at: new Date(expireAt * 1000).toISOString(), blocked: false };
    return { ...account, access_tokens: [...account.access_tokens, issued] };
  }
}
