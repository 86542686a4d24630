import { describe, expect, it } from 'vitest';
import { createSimulation, simulate } from '../../src/sim/simulate.js';
import { seedScenario } from '../helpers/seed.js';

describe('the stepping handle (createSimulation)', () => {
  it('steps from one instant to the next, with the machines in the states that produced the events', () => {
    const sim = createSimulation(seedScenario());
    expect(sim.snapshot().states.session).toBe('employeeFirst.dialingEmployee');
    expect(sim.snapshot().legs.employee).toEqual({ status: 'dialing', number: '79260000001' });

    const atAnswer = sim.step();
    expect(sim.now()).toBe(3000);
    expect(atAnswer.map((e) => e.type)).toEqual(['leg.answered', 'audio.started']);
    expect(sim.snapshot()).toMatchObject({
      states: { session: 'employeeFirst.employeeMessage', employeePlayback: 'message', contactLeg: 'idle' },
      hearing: { employee: { kind: 'message', value: '2561' }, contact: null },
    });

    sim.advanceTo(9000);
    expect(sim.snapshot()).toMatchObject({
      t: 9000,
      states: { session: 'employeeFirst.dialingContact', contactLeg: 'dialing' },
      hearing: { employee: { kind: 'hold_music', media_file_id: 2701 } },
    });
  });

  it('reports partial hears up to now while the session goes on, and the same result as simulate() at the end', () => {
    const sim = createSimulation(seedScenario());
    sim.advanceTo(10_000);
    const partial = sim.result();
    expect(partial.outcome).toBeNull();
    expect(partial.hears.employee.at(-1)).toMatchObject({ kind: 'hold_music', from: 8000, to: 10_000 });
    expect(JSON.stringify(sim.runToEnd())).toBe(JSON.stringify(simulate(seedScenario())));
    expect(sim.done()).toBe(true);
    expect(sim.nextTime()).toBeNull();
    expect(sim.step()).toEqual([]);
  });

  it('gives subscribers every event as it happens', () => {
    const sim = createSimulation(seedScenario());
    const seen: string[] = [];
    const unsubscribe = sim.subscribe((e) => seen.push(`${e.t}:${e.type}`));
    sim.advanceTo(3000);
    unsubscribe();
    sim.runToEnd();
    expect(seen).toEqual(['3000:leg.answered', '3000:audio.started']);
  });

  it('a rejected request is done at once, with the error, no events and no outcome (SPEC §5)', () => {
    const sim = createSimulation(seedScenario({ first_call: 'nobody' }));
    expect(sim.done()).toBe(true);
    expect(sim.runToEnd()).toMatchObject({
      response: { error: { code: -32602, data: { mnemonic: 'invalid_parameter_value', field: 'first_call' } } },
      events: [],
      hears: { employee: [], contact: [] },
      outcome: null,
    });
  });
});

describe('world commands and release (mock server, inspector)', () => {
  const manual = { world: { employee: { outcome: 'manual' as const }, contact: { outcome: 'manual' as const } } };

  it('a manual party rings until a command answers it', () => {
    const sim = createSimulation(seedScenario({}, manual));
    sim.advanceTo(10_000);
    expect(sim.snapshot().legs.employee.status).toBe('dialing');
    sim.command({ type: 'answer', leg: 'employee' });
    expect(sim.result().events.at(-2)).toMatchObject({ t: 10_000, type: 'leg.answered', leg: 'employee' });
  });

  it('a manual party not answered within the dial timeout fails with no_answer (D3)', () => {
    const result = createSimulation(seedScenario({}, manual)).runToEnd();
    expect(result.events.find((e) => e.type === 'leg.failed')).toMatchObject({ t: 30_000, reason: 'no_answer' });
    expect(result.outcome).toMatchObject({ finish_reason: 'operator_not_responsible', is_lost: true });
  });

  it('fail, early media and hang-up commands reach the leg they name', () => {
    const sim = createSimulation(seedScenario({}, manual));
    sim.command({ type: 'answer', leg: 'employee' });
    sim.advanceTo(6000); // the employee's 5 s message has ended: the contact is being dialled
    sim.command({ type: 'early_media', leg: 'contact', kind: 'voicemail' });
    sim.command({ type: 'fail', leg: 'contact', reason: 'busy' });
    const result = sim.runToEnd();
    expect(result.events.filter((e) => e.t === 6000).map((e) => e.type)).toEqual([
      'leg.early_media',
      'leg.failed',
      'audio.stopped',
      'leg.released',
      'session.ended',
    ]);
    expect(result.outcome?.finish_reason).toBe('subscriber_busy');
  });

  it('release() ends the session at once: every live leg released, success_finish', () => {
    const sim = createSimulation(seedScenario());
    sim.advanceTo(20_000);
    sim.release();
    const result = sim.result();
    expect(result.events.filter((e) => e.type === 'leg.released').map((e) => e.type === 'leg.released' && e.leg)).toEqual([
      'employee',
      'contact',
    ]);
    expect(result.outcome).toEqual({ finish_reason: 'success_finish', is_lost: false, talk_duration_ms: 8550, total_duration_ms: 20_000 });
    sim.command({ type: 'hangup', leg: 'contact' });
    expect(sim.result().events).toHaveLength(result.events.length);
  });
});
