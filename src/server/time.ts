/**
 * Wall-clock formatting in the platform's terms. The platform reports times in the account's time
 * zone; the mock uses Moscow time (UTC+3, no daylight saving since 2014) for every account.
 */
const MSK_OFFSET_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * `YYYY-MM-DD hh:mm:ss` in Moscow time, as `list.calls` and the call report write times.
 * @example formatPlatformTime(Date.UTC(2024, 0, 31, 21, 5, 9)) // '2024-02-01 00:05:09'
 */
export function formatPlatformTime(ms: number): string {
  const d = new Date(ms + MSK_OFFSET_MS);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * `YYYY-MM-DD hh:mm:ss.mmm` in Moscow time: a notification's `notification_time`.
 * @example formatNotificationTime(Date.UTC(2024, 0, 1, 9, 0, 0, 42)) // '2024-01-01 12:00:00.042'
 */
export function formatNotificationTime(ms: number): string {
  return `${formatPlatformTime(ms)}.${pad(((ms % 1000) + 1000) % 1000, 3)}`;
}

/**
 * The key of the Moscow calendar day holding `ms` (days since the epoch, Moscow time).
 * @example moscowDay(Date.UTC(2024, 0, 1, 21)) === moscowDay(Date.UTC(2024, 0, 2, 20)) // true: both on 2 January in Moscow
 */
export function moscowDay(ms: number): number {
  return Math.floor((ms + MSK_OFFSET_MS) / DAY_MS);
}

/**
 * Whole seconds (rounded up) until the next Moscow midnight.
 * @example secondsToMoscowMidnight(Date.UTC(2024, 0, 1, 20, 59, 0)) // 60
 */
export function secondsToMoscowMidnight(ms: number): number {
  const next = (moscowDay(ms) + 1) * DAY_MS - MSK_OFFSET_MS;
  return Math.ceil((next - ms) / 1000);
}

/**
 * Whole seconds (rounded up) until the next minute starts.
 * @example secondsToNextMinute(Date.UTC(2024, 0, 1, 12, 0, 45)) // 15
 */
export function secondsToNextMinute(ms: number): number {
  return Math.ceil((60_000 - (((ms % 60_000) + 60_000) % 60_000)) / 1000);
}

/**
 * Simulated milliseconds → whole seconds, as the platform's call report counts durations.
 * @example toSeconds(71_450) // 71
 */
export function toSeconds(ms: number): number {
  return Math.round(ms / 1000);
}
