import { createHash } from 'node:crypto';

/** How `login.user` failures are throttled (documented in docs/server.md and docs/errors.md). */
export interface LoginThrottleLimits {
  /** Wrong passwords per login within `windowMs` before further attempts are refused. */
  failures: number;
  windowMs: number;
  /** Logins the account does not have, tracked at most; past it the one failed longest ago is forgotten. */
  maxTracked: number;
}

export const LOGIN_THROTTLE: LoginThrottleLimits = { failures: 5, windowMs: 60_000, maxTracked: 10_000 };

type FailureTable = Map<string, number[]>;

/**
 * Failed `login.user` attempts per login: after `failures` of them within `windowMs`, every attempt for
 * that login (the right password too) is refused until the oldest of those failures is `windowMs` old.
 * A success forgets the login's failures. Logins are kept as SHA-256 digests (a long login costs no
 * more than a short one). The account's own logins are never forgotten early (one entry per user at
 * most), so failures for other names cannot push them out; other logins are kept at most `maxTracked`,
 * and forgetting one lets no password through, as none works for a login the account does not have.
 * @example
 * const throttle = new LoginThrottle(() => Date.now(), ['demo']);
 * for (let i = 0; i < 5; i++) throttle.fail('demo');
 * throttle.blocked('demo') // true for the next minute
 */
export class LoginThrottle {
  private readonly accountKeys: Set<string>;
  private readonly accountFailures: FailureTable = new Map();
  private readonly otherFailures: FailureTable = new Map();

  constructor(
    private readonly now: () => number,
    accountLogins: Iterable<string>,
    readonly limits: LoginThrottleLimits = LOGIN_THROTTLE,
  ) {
    this.accountKeys = new Set([...accountLogins].map(keyOf));
  }

  blocked(login: string): boolean {
    const key = keyOf(login);
    return this.recent(this.tableOf(key), key).length >= this.limits.failures;
  }

  fail(login: string): void {
    const key = keyOf(login);
    const table = this.tableOf(key);
    const times = [...this.recent(table, key), this.now()];
    table.delete(key);
    table.set(key, times.slice(-this.limits.failures));
    for (const oldest of this.otherFailures.keys()) {
      if (this.otherFailures.size <= this.limits.maxTracked) break;
      this.otherFailures.delete(oldest);
    }
  }

  succeed(login: string): void {
    const key = keyOf(login);
    this.tableOf(key).delete(key);
  }

  clear(): void {
    this.accountFailures.clear();
    this.otherFailures.clear();
  }

  get tracked(): number {
    return this.accountFailures.size + this.otherFailures.size;
  }

  private tableOf(key: string): FailureTable {
    return this.accountKeys.has(key) ? this.accountFailures : this.otherFailures;
  }

  /** The login's failures within the window (the table entry goes when none is left). */
  private recent(table: FailureTable, key: string): number[] {
    const cutoff = this.now() - this.limits.windowMs;
    const times = (table.get(key) ?? []).filter((t) => t > cutoff);
    if (times.length === 0) table.delete(key);
    return times;
  }
}

function keyOf(login: string): string {
  return createHash('sha256').update(login).digest('base64url');
}
