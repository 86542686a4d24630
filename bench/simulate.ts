import { simulate } from '../src/sim/simulate.js';
import { createSimulation } from '../src/sim/simulate.js';
import { Scenario } from '../src/scenario/schema.js';
import { SEED_REQUEST } from '../src/seed-example.js';

/** Times `fn` over `runs` runs after a warm-up; returns ms per run. */
export function timePerRun(runs: number, fn: () => void): number {
  for (let i = 0; i < Math.min(50, runs); i++) fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - start) / runs;
}

/** How fast the simulator turns the seed example (and a longer call) into its timeline. */
export async function run(): Promise<string[]> {
  const seed = Scenario.parse({ name: 'seed', request: SEED_REQUEST });
  const sequential = Scenario.parse({
    name: 'three numbers, contact first, both messages',
    request: {
      ...SEED_REQUEST,
      params: {
        ...SEED_REQUEST.params,
        first_call: 'contact',
        switch_at_once: false,
        employee: { id: 25 },
        contact_message: { type: 'media', value: '2562' },
      },
    },
    world: { employee: { '79260000001': { outcome: 'busy' }, '79260000002': { outcome: 'no_answer' } } },
  });
  const perSeed = timePerRun(2000, () => simulate(seed));
  const perLong = timePerRun(1000, () => simulate(sequential));
  const perStep = timePerRun(500, () => {
    const sim = createSimulation(seed);
    while (sim.nextTime() !== null) sim.step();
  });
  return [
    `simulate(seed example): ${perSeed.toFixed(3)} ms/run (${Math.round(1000 / perSeed)} runs/s)`,
    `simulate(contact first, 3 numbers dialled): ${perLong.toFixed(3)} ms/run`,
    `step-by-step run of the seed example: ${perStep.toFixed(3)} ms/run`,
  ];
}
