import { moscowDay, secondsToMoscowMidnight, secondsToNextMinute } from './time.js';

/** `result.metadata.limits` / `error.data.metadata.limits`, as the platform sends them. */
export interface LimitsMetadata {
  day_limit: number;
  day_remaining: number;
  day_reset: number;
  minute_limit: number;
  minute_remaining: number;
  minute_reset: number;
}

/**
 * Points charged per successful request. The platform publishes no per-method price for the Call API:
 * the mock charges one point for every method, so `minute_limit` is the number of successful requests
 * per minute.
 */
export const POINTS: Readonly<Record<string, number>> = {
  'start.employee_call': 1,
  'release.call': 1,
  'list.calls': 1,
  'login.user': 1,
  'logout.user': 1,
};

/**
 * The account's point counters: a calendar minute and a Moscow calendar day (fixed windows, reset at
 * the start of the next one).
 * @example
 * const limits = new PointLimits({ minute_limit: 2, day_limit: 10 }, () => Date.now());
 * limits.charge(1); limits.exceeded() // null; once 2 points are spent: 'minute'
 */
export class PointLimits {
  private minute = { key: Number.NaN, used: 0 };
  private day = { key: Number.NaN, used: 0 };

  constructor(
    private readonly limits: { minute_limit: number; day_limit: number },
    private readonly now: () => number,
  ) {}

  private roll(): void {
    const now = this.now();
    const minuteKey = Math.floor(now / 60_000);
    if (this.minute.key !== minuteKey) this.minute = { key: minuteKey, used: 0 };
    const dayKey = moscowDay(now);
    if (this.day.key !== dayKey) this.day = { key: dayKey, used: 0 };
  }

  /** Which limit is used up (the day's first), or null when a request may go through. */
  exceeded(): 'day' | 'minute' | null {
    this.roll();
    if (this.day.used >= this.limits.day_limit) return 'day';
    if (this.minute.used >= this.limits.minute_limit) return 'minute';
    return null;
  }

  limitOf(type: 'day' | 'minute'): number {
    return type === 'day' ? this.limits.day_limit : this.limits.minute_limit;
  }

  charge(points: number): void {
    this.roll();
    this.minute.used += points;
    this.day.used += points;
  }

  metadata(): LimitsMetadata {
    this.roll();
    const now = this.now();
    return {
      day_limit: this.limits.day_limit,
      day_remaining: Math.max(0, this.limits.day_limit - this.day.used),
      day_reset: secondsToMoscowMidnight(now),
      minute_limit: this.limits.minute_limit,
      minute_remaining: Math.max(0, this.limits.minute_limit - this.minute.used),
      minute_reset: secondsToNextMinute(now),
    };
  }

  reset(): void {
    this.minute = { key: Number.NaN, used: 0 };
    this.day = { key: Number.NaN, used: 0 };
  }
}
