import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../src/sim/invariants.js';
import { simulate } from '../../src/sim/simulate.js';
import type { SimEvent } from '../../src/sim/types.js';
import { seedScenario } from '../helpers/seed.js';

/**
 * Generated worlds: any parameter set the method accepts (and some it rejects), against any behaviour
 * of the people on the line. Every run must keep the invariants of SPEC §5 and the D-rules below.
 */
const seconds = (max: number) => fc.integer({ min: 0, max: max * 10 }).map((tenths) => `${tenths / 10}s`);
const message = fc.option(
  fc.oneof(
    fc.constant({ type: 'media', value: '2562' }),
    fc.constant({ type: 'media', value: '2561' }),
    fc.string({ minLength: 1, maxLength: 40 }).map((value) => ({ type: 'tts', value })),
  ),
  { nil: undefined },
);
const answers = fc.record(
  {
    answer_after: seconds(25),
    hangup_after: seconds(120),
    early_media: fc.array(fc.record({ at: seconds(20), kind: fc.constantFrom('ringback', 'voicemail', 'announcement') }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const fails = fc.record({ outcome: fc.constantFrom('busy', 'unavailable', 'rejected'), after: seconds(35) }, { requiredKeys: ['outcome'] });
const behaviour = fc.oneof({ weight: 6, arbitrary: answers }, fails, fc.constant({ outcome: 'no_answer' }));
const params = fc.record(
  {
    first_call: fc.constantFrom('employee', 'contact'),
    switch_at_once: fc.boolean(),
    early_switching: fc.boolean(),
    show_virtual_phone_number: fc.boolean(),
    virtual_phone_usage_rule: fc.constantFrom('fixed', 'random', 'fixed_for_numa', 'regional_random', 'regional_fixed_for_numa'),
    dtmf_string: fc.option(fc.stringMatching(/^[0-9*#.]{0,8}$/), { nil: undefined }),
    contact: fc.constantFrom('79260000000', '78121234567', '0167027'),
    employee: fc.constantFrom({ id: 25 }, { id: 25, phone_number: '79260000002' }, { id: 27 }),
    contact_message: message,
    employee_message: message,
  },
  { requiredKeys: ['first_call'] },
);
const world = fc.record({
  employee: fc.oneof(behaviour, fc.record({ '79260000001': behaviour, '79260000002': behaviour, '0167025': behaviour })),
  contact: behaviour,
});
const scenario = fc
  .record({ params, world, dial_timeout: fc.integer({ min: 10, max: 40 }), seed: fc.integer({ min: 0, max: 1000 }) })
  .map(({ params, world, dial_timeout, seed }) =>
    seedScenario(
      { dtmf_string: undefined, contact_message: undefined, employee_message: undefined, switch_at_once: undefined, ...params },
      { world, seed, platform: { dial_timeout: `${dial_timeout}s` } },
    ),
  );

const dialled = (events: SimEvent[], leg: string) => events.filter((e) => e.type === 'leg.dialing' && e.leg === leg);

describe('generated worlds (properties over any parameters and any behaviour)', () => {
  it('every simulation keeps the SPEC §5 invariants and is deterministic', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = simulate(s);
        expect(checkInvariants(result)).toEqual([]);
        expect(JSON.stringify(simulate(s))).toBe(JSON.stringify(result));
      }),
      { numRuns: 400 },
    );
  });

  it('D8: when the first-called leg fails, the other leg is never dialled', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { events, outcome } = simulate(s);
        if (!outcome) return;
        const first = events.find((e) => e.type === 'session.started');
        const firstLeg = first?.type === 'session.started' ? first.first_call : 'employee';
        const failedFirst = events.some((e) => e.type === 'leg.failed' && e.leg === firstLeg) &&
          !events.some((e) => e.type === 'leg.answered' && e.leg === firstLeg);
        if (failedFirst) expect(dialled(events, firstLeg === 'employee' ? 'contact' : 'employee')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('D12: every session ends within 4 hours, and a talk nobody ends lasts exactly 60 s', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { outcome } = simulate(s);
        if (!outcome) return;
        expect(outcome.total_duration_ms).toBeLessThanOrEqual(4 * 3600_000);
        const hangups = [s.world.contact.hangup_after, s.world.employee.shared.hangup_after, ...Object.values(s.world.employee.byNumber).map((b) => b.hangup_after)];
        if (!outcome.is_lost && hangups.every((h) => h === undefined)) {
          expect(outcome).toMatchObject({ finish_reason: 'subscriber_disconnects', talk_duration_ms: 60_000 });
        }
      }),
      { numRuns: 300 },
    );
  });
});
