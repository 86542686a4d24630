import { Scenario } from '../../scenario/schema.js';
import { createSimulation } from '../../sim/simulate.js';
import type { SimulationResult } from '../../sim/types.js';
import type { Case } from './types.js';

/**
 * Runs a case through the public simulation API: to `releaseAt`, release.call, then to the end.
 * @example runCase({ scenario, releaseAt: 9500 }).outcome?.finish_reason // 'success_finish'
 */
export function runCase({ scenario, releaseAt }: Case): SimulationResult {
  const sim = createSimulation(Scenario.parse(scenario));
  if (releaseAt !== null) {
    sim.advanceTo(releaseAt);
    sim.release();
  }
  return sim.runToEnd();
}
