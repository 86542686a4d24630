import { randomBytes } from 'node:crypto';
import type { Account } from './deps.js';

/** How long a `login.user` token lives (the platform's documented hour). */
export const LOGIN_TOKEN_TTL_S = 3600;
/** How long an expired token still answers `access_token_expired`; after it, `access_token_invalid`. */
export const EXPIRED_TOKEN_KEPT_S = 3600;
/**
 * Tokens remembered at most, live or expired. The demo account's 1000 points a minute issue at most
 * 60 000 in a token's hour; past the cap the oldest is forgotten (about 11 MiB at most).
 */
export const MAX_LOGIN_TOKENS = 100_000;

/**
 * Tokens handed out by `login.user`. They are checked exactly like the account's permanent keys: the
 * account seen by the checks ({@link LoginTokens.accountView}) lists them with their expiry. A token is
 * remembered until an hour after it expired, and at most `maxTokens` of them (the oldest forgotten
 * first); a forgotten token answers `access_token_invalid`, as after `logout.user`.
 * @example
 * const tokens = new LoginTokens(() => Date.now());
 * const { access_token, expire_at } = tokens.issue();
 * tokens.accountView(account, access_token).access_tokens.some((t) => t.token === access_token) // true
 */
export class LoginTokens {
  /** Expiry (unix seconds) by token, in the order issued: with one lifetime for all, the soonest to expire first. */
  private readonly expiry = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly maxTokens = MAX_LOGIN_TOKENS,
  ) {}

  issue(): { access_token: string; expire_at: number } {
    this.forgetExpired();
    const access_token = randomBytes(32).toString('hex');
    const expire_at = Math.floor(this.now() / 1000) + LOGIN_TOKEN_TTL_S;
    this.expiry.set(access_token, expire_at);
    if (this.expiry.size > this.maxTokens) this.expiry.delete(this.expiry.keys().next().value!);
    return { access_token, expire_at };
  }

  /** Ends a token (`logout.user`); a permanent key or an unknown token is left alone. */
  revoke(token: string): void {
    this.expiry.delete(token);
  }

  /** Tokens remembered (live, or expired within the last hour). */
  get size(): number {
    return this.expiry.size;
  }

  /**
   * The account as the checks of a request presenting `token` see it: with that token added when
   * `login.user` issued it and it is still remembered (an expired one too, so it answers "expired"),
   * else the account unchanged.
   */
  accountView(account: Account, token: unknown): Account {
    const expireAt = typeof token === 'string' ? this.expiry.get(token) : undefined;
    if (expireAt === undefined || this.forgotten(expireAt)) return account;
    const issued = { token: token as string, expires_at: new Date(expireAt * 1000).toISOString(), blocked: false };
    return { ...account, access_tokens: [...account.access_tokens, issued] };
  }

  private forgotten(expireAt: number): boolean {
    return this.now() >= (expireAt + EXPIRED_TOKEN_KEPT_S) * 1000;
  }

  /** Drops the oldest tokens while they are past remembering: each token once, so O(1) amortised per issue. */
  private forgetExpired(): void {
    for (const [token, expireAt] of this.expiry) {
      if (!this.forgotten(expireAt)) break;
      this.expiry.delete(token);
    }
  }
}
