import { exploreExhaustive } from '../src/verify/exhaustive/exhaustive.js';
import { parseShard } from '../src/verify/exhaustive/space.js';
import { timePerRun } from './simulate.js';
import { simulate } from '../src/sim/simulate.js';
import { Scenario } from '../src/scenario/schema.js';
import { SEED_REQUEST } from '../src/seed-example.js';

/**
 * `explore --exhaustive` over the whole space (or `EXPLORE_SHARD=i/n`), with 1 and with 2 worker
 * threads side by side, and simulate() of the seed example measured just before: the machine is shared,
 * so the ratio of the two says more than either alone.
 * @example EXPLORE_SHARD=1/10 node dist/bench/run.js
 */
export async function run(): Promise<string[]> {
  const shard = parseShard(process.env.EXPLORE_SHARD ?? '1/1') ?? { index: 1, count: 1 };
  const seed = Scenario.parse({ name: 'seed', request: SEED_REQUEST });
  const perSeed = timePerRun(1000, () => simulate(seed));
  const lines = [`simulate(seed example) just before: ${perSeed.toFixed(3)} ms/run`];
  for (const workers of [1, 2]) {
    const started = performance.now();
    const report = await exploreExhaustive({ shard, workers });
    const seconds = (performance.now() - started) / 1000;
    lines.push(
      `explore --exhaustive --shard ${shard.index}/${shard.count} --workers ${workers}: ${report.checked} combinations (${report.notApplicable} not applicable), ` +
        `${report.violations} violations in ${seconds.toFixed(1)} s = ${Math.round(report.checked / seconds)} combinations/s`,
    );
  }
  return lines;
}
