import { checkScenario, paramsOf, seedScenario, withParams } from '../src/inspector/case.js';
import { diffRuns } from '../src/inspector/diff.js';
import { runScenario } from '../src/inspector/run.js';
import { Scenario } from '../src/scenario/schema.js';
import { simulate } from '../src/sim/simulate.js';
import { timePerRun } from './simulate.js';

/**
 * What the analysts' page pays on every change of a parameter: `simulate()` of the seed example, and the
 * page's whole re-run (schema check, stepping run keeping a snapshot per instant, lanes), alone and for
 * a comparison (two runs and their diff). The page must stay well under 100 ms per change.
 */
export async function run(runs = 1000): Promise<string[]> {
  const doc = seedScenario();
  const seed = Scenario.parse(doc);
  const docB = withParams(doc, { ...paramsOf(doc), switch_at_once: false });
  const perSimulate = timePerRun(runs, () => simulate(seed));
  const rerun = (d: typeof doc) => {
    const checked = checkScenario(d);
    if (!checked.ok) throw new Error('the seed scenario does not check');
    return runScenario(checked.scenario);
  };
  const perPage = timePerRun(runs, () => rerun(doc));
  const perCompare = timePerRun(Math.ceil(runs / 2), () => {
    const [a, b] = [rerun(doc), rerun(docB)];
    diffRuns(a.result.events, a.lanes, b.result.events, b.lanes);
  });
  return [
    `simulate(seed example), ${runs} runs: ${perSimulate.toFixed(3)} ms/run`,
    `inspector re-run of the seed example (check + stepping run with snapshots + lanes): ${perPage.toFixed(3)} ms/run`,
    `inspector compare re-run (two runs + diff): ${perCompare.toFixed(3)} ms/run`,
  ];
}
