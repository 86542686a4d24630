import type { Outcome, SimEvent } from '../../sim/types.js';

/** JSON with every object's keys sorted, so that key order does not matter. @example canonical({ b: 1, a: 2 }) // '{"a":2,"b":1}' */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

const SHOWN = 3;

/**
 * The first differences between the events (and outcome) a relation predicts and those a run gave.
 * @example differences({ events: [a], outcome }, { events: [b], outcome }) // ['events[0]: expected {…}, got {…}']
 */
export function differences(
  expected: { events: readonly SimEvent[]; outcome?: Outcome | null },
  actual: { events: readonly SimEvent[]; outcome?: Outcome | null },
): string[] {
  const problems: string[] = [];
  const length = Math.max(expected.events.length, actual.events.length);
  for (let i = 0; i < length && problems.length < SHOWN; i++) {
    const [want, got] = [expected.events[i], actual.events[i]];
    if (!same(want, got)) problems.push(`events[${i}]: expected ${show(want)}, got ${show(got)}`);
  }
  if (expected.outcome !== undefined && !same(expected.outcome, actual.outcome))
    problems.push(`outcome: expected ${show(expected.outcome)}, got ${show(actual.outcome)}`);
  return problems;
}

/** Equal as data: the same JSON (the usual case, cheap), else the same JSON with keys sorted. */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b) || canonical(a) === canonical(b);

const show = (value: unknown) => (value === undefined ? 'nothing' : canonical(value));
