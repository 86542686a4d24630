import { Scenario } from '../src/scenario/schema.js';
import { SEED_REQUEST } from '../src/seed-example.js';
import { createSimulation, simulate } from '../src/sim/simulate.js';
import { runBareSystem } from './bare-system.js';

/** Times `fn` over `runs` runs after a warm-up; returns ms per run. */
export function timePerRun(runs: number, fn: () => void): number {
  for (let i = 0; i < Math.min(50, runs); i++) fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - start) / runs;
}

/**
 * Two functions timed in turn, round after round, so that a machine whose speed drifts (other work,
 * frequency scaling) slows both alike: the median of the per-round ratios, and each one's best round.
 */
export function sideBySide(rounds: number, runsPerRound: number, a: () => void, b: () => void) {
  const ratios: number[] = [];
  let bestA = Infinity;
  let bestB = Infinity;
  timePerRun(200, a);
  timePerRun(200, b);
  for (let round = 0; round < rounds; round++) {
    const timeA = timePerRun(runsPerRound, a);
    const timeB = timePerRun(runsPerRound, b);
    ratios.push(timeA / timeB);
    bestA = Math.min(bestA, timeA);
    bestB = Math.min(bestB, timeB);
  }
  ratios.sort((x, y) => x - y);
  return { ratio: ratios[Math.floor(ratios.length / 2)]!, bestA, bestB };
}

const withParams = (name: string, params: Record<string, unknown>, world: Record<string, unknown> = {}) =>
  Scenario.parse({ name, request: { ...SEED_REQUEST, params: { ...SEED_REQUEST.params, ...params } }, world });

/** How fast the simulator turns a request into its timeline, against the XState floor for the same call. */
export async function run(): Promise<string[]> {
  const seed = Scenario.parse({ name: 'seed', request: SEED_REQUEST });
  const sequential = withParams(
    'three numbers, contact first, both messages',
    { first_call: 'contact', switch_at_once: false, employee: { id: 25 }, contact_message: { type: 'media', value: '2562' } },
    { employee: { '79260000001': { outcome: 'busy' }, '79260000002': { outcome: 'no_answer' } } },
  );
  // The longest dtmf_string the checks accept (1024 characters), in its costliest shape: 512 bursts.
  const longestDtmf = withParams('longest DTMF', { dtmf_string: '.1'.repeat(512) }, { contact: { hangup_after: '1h' } });
  const floor = sideBySide(15, 200, () => simulate(seed), runBareSystem);
  const perLong = timePerRun(1000, () => simulate(sequential));
  const perDtmf = timePerRun(20, () => simulate(longestDtmf));
  const perStep = timePerRun(500, () => {
    const sim = createSimulation(seed);
    while (sim.nextTime() !== null) sim.step();
  });
  const target = 1.5;
  return [
    `simulate(seed example): ${floor.bestA.toFixed(3)} ms/run (${Math.round(1000 / floor.bestA)} runs/s)`,
    `bare 3-actor XState system, same timers and 22 events (bench/bare-system.ts): ${floor.bestB.toFixed(3)} ms/run`,
    `simulate ÷ bare, median of ${15} interleaved rounds: ${floor.ratio.toFixed(2)}× (target ≤ ${target}×: ${floor.ratio <= target ? 'met' : 'missed'})`,
    `simulate(contact first, 3 numbers dialled): ${perLong.toFixed(3)} ms/run`,
    `simulate(longest dtmf_string accepted, 512 bursts): ${perDtmf.toFixed(2)} ms/run`,
    `step-by-step run of the seed example: ${perStep.toFixed(3)} ms/run`,
  ];
}
