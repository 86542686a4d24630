import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const DURATION_TEXT = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/;

/**
 * Parses a duration as written in scenario and account files (D1): a number of milliseconds, or a
 * string with a unit. Returns integer milliseconds, or null when the text is not a duration.
 * @example parseDuration('1.5s') // 1500
 */
export function parseDuration(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
  const match = DURATION_TEXT.exec(value.trim());
  if (!match) return null;
  return Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
}

/** A duration field: accepts `4000`, `"4s"`, `"250ms"`, `"1.5s"`, `"2m"`; yields integer ms. */
export const Duration = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const ms = parseDuration(value);
  if (ms === null) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a duration: a number of ms or a string like "4s", "250ms", "1.5s", "2m" (got ${JSON.stringify(value)})`,
    });
    return z.NEVER;
  }
  return ms;
});

/** Formats ms for people: `4.5s`, `2m 3s`. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${ms / 1000}s`;
  const minutes = Math.floor(ms / 60_000);
  const rest = ms - minutes * 60_000;
  return rest ? `${minutes}m ${rest / 1000}s` : `${minutes}m`;
}

/**
 * A time or duration for reading (the page, the Mermaid ladder): `250 ms`, `11.45 s`, `1 m 11.45 s`.
 * @example readableTime(71450) // '1 m 11.45 s'
 */
export function readableTime(ms: number): string {
  if (Math.abs(ms) < 1000 && ms !== 0) return `${ms} ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(3)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} m ${+((ms - minutes * 60_000) / 1000).toFixed(3)} s`;
}
