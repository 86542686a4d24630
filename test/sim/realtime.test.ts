import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runInRealTime } from '../../src/sim/realtime.js';
import { createSimulation, simulate } from '../../src/sim/simulate.js';
import { seedScenario } from '../helpers/seed.js';

describe('runInRealTime (the mock server\'s pacing)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const wallNow = () => Date.now();

  it('paces the very same timeline as a stepped simulation, speed × faster than life', async () => {
    const sim = createSimulation(seedScenario());
    const run = runInRealTime(sim, { speed: 10, wallNow });
    await vi.advanceTimersByTimeAsync(299);
    expect(sim.result().events.some((e) => e.type === 'leg.answered')).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(sim.now()).toBe(3000);
    await vi.advanceTimersByTimeAsync(7145);
    await run.finished;
    expect(JSON.stringify(sim.result())).toBe(JSON.stringify(simulate(seedScenario())));
  });

  it('applies a command at the current simulated time', async () => {
    const sim = createSimulation(seedScenario());
    const run = runInRealTime(sim, { speed: 2, wallNow });
    await vi.advanceTimersByTimeAsync(1250); // 2.5 s simulated: the employee still rings
    run.command({ type: 'fail', leg: 'employee', reason: 'rejected' });
    await run.finished;
    expect(sim.result().outcome).toEqual({
      finish_reason: 'no_success_operator_call',
      is_lost: true,
      talk_duration_ms: 0,
      total_duration_ms: 2500,
    });
  });

  it('release ends a live call; stop leaves it where it is', async () => {
    const sim = createSimulation(seedScenario());
    const run = runInRealTime(sim, { speed: 1, wallNow });
    await vi.advanceTimersByTimeAsync(15_000);
    run.release();
    await run.finished;
    expect(sim.result().outcome).toMatchObject({ finish_reason: 'success_finish', total_duration_ms: 15_000 });

    const other = createSimulation(seedScenario());
    const stopped = runInRealTime(other, { speed: 1, wallNow });
    stopped.stop();
    await stopped.finished;
    await vi.advanceTimersByTimeAsync(100_000);
    expect(other.now()).toBe(0);
  });
});
