import { createHash } from 'node:crypto';

/** How `login.user` failures are throttled (documented in docs/server.md and docs/errors.md). */
export interface LoginThrottleLimits {
  /** Wrong passwords per login within `windowMs` before further attempts are refused. */
  failures: number;
  windowMs: number;
  /** Logins tracked at most; past it the one failed longest ago is forgotten. */
  maxTracked: number;
}

export const LOGIN_THROTTLE: LoginThrottleLimits = { failures: 5, windowMs: 60_000, maxTracked: 10_000 };

/**
 * Failed `login.user` attempts per login: after `failures` of them within `windowMs`, every attempt for
 * that login (the right password too) is refused until the oldest of those failures is `windowMs` old.
 * A success forgets the login's failures. Logins are kept as SHA-256 digests (a long login costs no
 * more than a short one) and at most `maxTracked` of them, so the table is bounded whatever is sent.
 * @example
 * const throttle = new LoginThrottle(() => Date.now());
 * for (let i = 0; i < 5; i++) throttle.fail('demo');
 * throttle.blocked('demo') // true for the next minute
 */
export class LoginThrottle {
  private readonly failuresByLogin = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    readonly limits: LoginThrottleLimits = LOGIN_THROTTLE,
  ) {}

  blocked(login: string): boolean {
    return this.recent(keyOf(login)).length >= this.limits.failures;
  }

  fail(login: string): void {
    const key = keyOf(login);
    const times = [...this.recent(key), this.now()];
    this.failuresByLogin.delete(key);
    this.failuresByLogin.set(key, times.slice(-this.limits.failures));
    for (const oldest of this.failuresByLogin.keys()) {
      if (this.failuresByLogin.size <= this.limits.maxTracked) break;
      this.failuresByLogin.delete(oldest);
    }
  }

  succeed(login: string): void {
    this.failuresByLogin.delete(keyOf(login));
  }

  clear(): void {
    this.failuresByLogin.clear();
  }

  get tracked(): number {
    return this.failuresByLogin.size;
  }

  /** The login's failures within the window (the table entry goes when none is left). */
  private recent(key: string): number[] {
    const cutoff = this.now() - this.limits.windowMs;
    const times = (this.failuresByLogin.get(key) ?? []).filter((t) => t > cutoff);
    if (times.length === 0) this.failuresByLogin.delete(key);
    return times;
  }
}

function keyOf(login: string): string {
  return createHash('sha256').update(login).digest('base64url');
}
