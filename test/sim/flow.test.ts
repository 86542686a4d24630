import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/simulate.js';
import { seedScenario } from '../helpers/seed.js';

describe('finer points of the flow not covered by a scenario file', () => {
  it('R8: when both messages end at the same instant, nobody hears hold music and the talk starts then', () => {
    // contact answers at 3 s and hears 2562 (8 s) to 11 s; the employee, dialled at 3 s, answers at 6 s
    // and hears 2561 (5 s) to 11 s.
    const { hears, events } = simulate(
      seedScenario({ first_call: 'contact', switch_at_once: false, contact_message: { type: 'media', value: '2562' } }),
    );
    expect(hears.contact.map((s) => s.kind)).toEqual(['message', 'talk']);
    expect(hears.employee.map((s) => s.kind)).toEqual(['message', 'talk']);
    expect(events.find((e) => e.type === 'talk.started')?.t).toBe(11_000);
  });

  it('R8: a side done first waits on hold music from that instant', () => {
    const { hears } = simulate(
      seedScenario({ first_call: 'contact', switch_at_once: false, contact_message: { type: 'tts', value: 'Добрый день' } }),
    );
    expect(hears.contact.map(({ from, to, kind }) => ({ from, to, kind }))).toEqual([
      { from: 3000, to: 3825, kind: 'message' },
      { from: 3825, to: 11_000, kind: 'hold_music' },
      { from: 11_000, to: 71_000, kind: 'talk' },
    ]);
  });
});
