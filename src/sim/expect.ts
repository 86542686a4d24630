import type { SimEvent, SimulationResult } from './types.js';
import type { Expect } from '../scenario/schema.js';

/** One way a result differs from a scenario's `expect`: where, what was expected, what came out. */
export interface Mismatch {
  /** `hears.employee[2].to`, `events[3] (leg.answered)`, `outcome.finish_reason`. */
  path: string;
  expected: unknown;
  actual: unknown;
}

/**
 * Compares a simulation with a scenario's `expect` (SPEC §6). `response` and `outcome` match partially
 * (`outcome: null` expects none); `hears.<leg>` is the full list of segments, each matched partially;
 * `events` is an in-order subsequence, each matched partially, and only the first expected event that
 * cannot be found after the previous match is reported. Empty = everything expected was there.
 * @example checkExpectations(result, { outcome: { is_lost: false } }) // [] or [{ path: 'outcome.is_lost', … }]
 */
export function checkExpectations(result: SimulationResult, expect: Expect): Mismatch[] {
  const mismatches: Mismatch[] = [];
  if (expect.response !== undefined) mismatches.push(...partialMatch('response', expect.response, result.response));
  for (const leg of ['employee', 'contact'] as const) {
    const segments = expect.hears?.[leg];
    if (segments !== undefined) mismatches.push(...partialMatch(`hears.${leg}`, segments, result.hears[leg]));
  }
  if (expect.events !== undefined) mismatches.push(...checkEvents(expect.events, result.events));
  if (expect.outcome !== undefined) mismatches.push(...partialMatch('outcome', expect.outcome, result.outcome));
  return mismatches;
}

/**
 * Every key given in `expected` must deep-equal the same key of `actual`: objects recursively partial,
 * arrays of the exact length with each element matched the same way, anything else strictly equal.
 */
export function partialMatch(path: string, expected: unknown, actual: unknown): Mismatch[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [{ path, expected, actual }];
    const elements = expected.flatMap((item, i) => partialMatch(`${path}[${i}]`, item, actual[i]));
    if (expected.length === actual.length) return elements;
    const extra = actual.slice(expected.length).map((item, i) => ({ path: `${path}[${expected.length + i}]`, expected: undefined, actual: item }));
    return [{ path: `${path}.length`, expected: expected.length, actual: actual.length }, ...elements, ...extra];
  }
  if (isRecord(expected)) {
    if (!isRecord(actual)) return [{ path, expected, actual }];
    return Object.entries(expected).flatMap(([key, value]) =>
      partialMatch(`${path}.${key}`, value, Object.hasOwn(actual, key) ? actual[key] : undefined),
    );
  }
  return Object.is(expected, actual) ? [] : [{ path, expected, actual }];
}

function checkEvents(expected: Record<string, unknown>[], events: SimEvent[]): Mismatch[] {
  let from = 0;
  for (const [i, want] of expected.entries()) {
    const found = events.findIndex((event, index) => index >= from && partialMatch('', want, event).length === 0);
    if (found >= 0) {
      from = found + 1;
      continue;
    }
    const after = from > 0 ? `after events[${from - 1}] (t=${events[from - 1]?.t} ${events[from - 1]?.type})` : 'anywhere';
    const sameType = events.slice(from).filter((event) => event.type === want['type']);
    return [
      {
        path: `events[${i}] (${String(want['type'] ?? 'any type')})`,
        expected: want,
        actual: sameType.length > 0 ? { not_found: after, same_type: sameType } : { not_found: after },
      },
    ];
  }
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One line per mismatch, for people: `hears.employee[2].to: expected 11450, got 11000`. */
export function formatMismatch(mismatch: Mismatch): string {
  return `${mismatch.path}: expected ${show(mismatch.expected)}, got ${show(mismatch.actual)}`;
}

function show(value: unknown): string {
  return value === undefined ? '(nothing)' : JSON.stringify(value);
}
