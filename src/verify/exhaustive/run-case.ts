import type { Validation } from '../../protocol/handle.js';
import { Scenario } from '../../scenario/schema.js';
import { checkScenarioRequest, createSimulation } from '../../sim/simulate.js';
import type { Simulation, SimulationResult } from '../../sim/types.js';
import type { Case } from './types.js';

/**
 * The request checks' answers by request text (every case runs against the built-in demo account): a
 * group's twenty endings and most neighbours send the same request, so each is checked once (bounded:
 * cleared when full).
 */
const checked = new Map<string, Validation>();
const MAX_REMEMBERED = 10_000;

/** `createSimulation`, with the request checks' answer remembered. */
function simulationOf(scenario: Scenario): Simulation {
  if (scenario.account !== 'demo' || !scenario.request) return createSimulation(scenario);
  const body = JSON.stringify(scenario.request);
  let validation = checked.get(body);
  if (!validation) {
    if (checked.size >= MAX_REMEMBERED) checked.clear();
    checked.set(body, (validation = checkScenarioRequest(scenario)));
  }
  return createSimulation(scenario, {}, validation);
}

/**
 * Runs a case through the public simulation API: to `releaseAt`, release.call, then to the end.
 * @example runCase({ scenario, releaseAt: 9500 }).outcome?.finish_reason // 'success_finish'
 */
export function runCase({ scenario, releaseAt }: Case): SimulationResult {
  const sim = simulationOf(Scenario.parse(scenario));
  if (releaseAt !== null) {
    sim.advanceTo(releaseAt);
    sim.release();
  }
  return sim.runToEnd();
}
