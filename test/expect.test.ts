import { describe, expect, it } from 'vitest';
import { checkExpectations, formatMismatch, partialMatch } from '../src/sim/expect.js';
import type { Expect } from '../src/scenario/schema.js';
import type { SimulationResult } from '../src/sim/types.js';

const HOLD = { kind: 'hold_music', media_file_id: 1 } as const;
const TALK = { kind: 'talk' } as const;

/** A small hand-made result: employee first, no messages, contact hangs up after 10 s of talk. */
const result: SimulationResult = {
  response: { jsonrpc: '2.0', id: 'req1', result: { data: { call_session_id: 1 } } },
  events: [
    { t: 0, type: 'leg.dialing', leg: 'employee', number: '79260000001', caller_id: '74993720692' },
    { t: 3000, type: 'leg.answered', leg: 'employee', number: '79260000001' },
    { t: 3000, type: 'leg.dialing', leg: 'contact', number: '79260000000', caller_id: '74993720692' },
    { t: 6000, type: 'leg.answered', leg: 'contact', number: '79260000000' },
    { t: 6000, type: 'talk.started' },
    { t: 16_000, type: 'leg.hung_up', leg: 'contact' },
    { t: 16_000, type: 'session.ended', finish_reason: 'subscriber_disconnects', is_lost: false, talk_duration_ms: 10_000, total_duration_ms: 16_000 },
  ],
  hears: {
    employee: [{ from: 3000, to: 6000, ...HOLD }, { from: 6000, to: 16_000, ...TALK }],
    contact: [{ from: 6000, to: 16_000, ...TALK }],
  },
  outcome: { finish_reason: 'subscriber_disconnects', is_lost: false, talk_duration_ms: 10_000, total_duration_ms: 16_000 },
};

const paths = (expectation: Expect) => checkExpectations(result, expectation).map((m) => m.path);

describe('checkExpectations (SPEC §6)', () => {
  it.each<[string, Expect]>([
    ['nothing expected', {}],
    ['a partial response', { response: { id: 'req1', result: { data: {} } } }],
    ['the full hears, segments partial', { hears: { employee: [{ kind: 'hold_music' }, { from: 6000, kind: 'talk' }], contact: [{ to: 16_000 }] } }],
    ['one leg only', { hears: { contact: [{ kind: 'talk' }] } }],
    ['an in-order subsequence of events', { events: [{ type: 'leg.answered', leg: 'employee' }, { type: 'talk.started', t: 6000 }, { type: 'session.ended' }] }],
    ['the same event type twice in order', { events: [{ type: 'leg.answered', t: 3000 }, { type: 'leg.answered', t: 6000 }] }],
    ['a partial outcome', { outcome: { finish_reason: 'subscriber_disconnects' } }],
  ])('passes %s', (_, expectation) => {
    expect(checkExpectations(result, expectation)).toEqual([]);
  });

  it.each<[string, Expect, string[]]>([
    ['a wrong response field', { response: { id: 'req2' } }, ['response.id']],
    ['an error where there is a result', { response: { error: { code: -32602 } } }, ['response.error']],
    ['a wrong segment field', { hears: { employee: [{ kind: 'hold_music', to: 5000 }, { kind: 'talk' }] } }, ['hears.employee[0].to']],
    ['a missing segment', { hears: { employee: [{ kind: 'talk' }] } }, ['hears.employee.length', 'hears.employee[0].kind', 'hears.employee[1]']],
    ['a segment too many', { hears: { contact: [{ kind: 'talk' }, { kind: 'talk' }] } }, ['hears.contact.length', 'hears.contact[1]']],
    ['an event that did not happen', { events: [{ type: 'leg.failed' }] }, ['events[0] (leg.failed)']],
    ['events out of order, naming the first not found', { events: [{ type: 'talk.started' }, { type: 'leg.answered', leg: 'contact' }, { type: 'leg.hung_up' }] }, ['events[1] (leg.answered)']],
    ['an event with a wrong field', { events: [{ type: 'leg.dialing', leg: 'contact', caller_id: '79260000000' }] }, ['events[0] (leg.dialing)']],
    ['a wrong outcome field', { outcome: { is_lost: true, talk_duration_ms: 10_000 } }, ['outcome.is_lost']],
    ['no outcome expected but one came', { outcome: null }, ['outcome']],
  ])('fails on %s', (_, expectation, expected) => {
    expect(paths(expectation)).toEqual(expected);
  });

  it('expects an outcome where none came (a rejected request)', () => {
    const rejected = { ...result, outcome: null };
    expect(checkExpectations(rejected, { outcome: null })).toEqual([]);
    expect(checkExpectations(rejected, { outcome: { is_lost: true } })).toEqual([{ path: 'outcome', expected: { is_lost: true }, actual: null }]);
  });

  it('reports where the search for a missing event started and what of its type came after', () => {
    const [mismatch] = checkExpectations(result, { events: [{ type: 'talk.started' }, { type: 'leg.answered' }] });
    expect(mismatch).toEqual({
      path: 'events[1] (leg.answered)',
      expected: { type: 'leg.answered' },
      actual: { not_found: 'after events[4] (t=6000 talk.started)' },
    });
    expect(formatMismatch(mismatch!)).toBe(
      'events[1] (leg.answered): expected {"type":"leg.answered"}, got {"not_found":"after events[4] (t=6000 talk.started)"}',
    );
  });
});

describe('partialMatch', () => {
  it.each<[string, unknown, unknown, string[]]>([
    ['extra keys in the actual object are fine', { a: 1 }, { a: 1, b: 2 }, []],
    ['nested objects match partially', { a: { b: 1 } }, { a: { b: 1, c: 2 } }, []],
    ['a key missing in the actual object', { a: 1 }, { b: 1 }, ['x.a']],
    ['null only equals null', { a: null }, { a: 0 }, ['x.a']],
    ['arrays need the same length', { a: [1] }, { a: [1, 2] }, ['x.a.length', 'x.a[1]']],
    ['array elements match in place', { a: [1, 2] }, { a: [2, 1] }, ['x.a[0]', 'x.a[1]']],
    ['objects in arrays match partially', [{ a: 1 }], [{ a: 1, b: 2 }], []],
    ['a number is not its string', { a: 1 }, { a: '1' }, ['x.a']],
    ['an object is not an array', { a: {} }, { a: [] }, ['x.a']],
  ])('%s', (_, expected, actual, mismatches) => {
    expect(partialMatch('x', expected, actual).map((m) => m.path)).toEqual(mismatches);
  });
});
