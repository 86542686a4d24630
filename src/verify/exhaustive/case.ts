import type { ScenarioInput } from '../../scenario/schema.js';
import { SEED_REQUEST } from '../../seed-example.js';
import type { SimulationResult } from '../../sim/types.js';
import { answeredAt, hangupWindow, quietMoment, releaseWindow } from './phases.js';
import { describeCombination, indexOf, type Space } from './space.js';
import type { Behaviour, Case, Ending } from './types.js';

/** What every combination shares: the seed page's request without the parameters the axes set. */
const { first_call: _f, switch_at_once: _s, early_switching: _e, dtmf_string: _d, employee: _em, contact_message: _c, employee_message: _m, ...BASE } =
  SEED_REQUEST.params;
export const BASE_PARAMS: Record<string, unknown> = BASE;

/** A combination as a scenario without its ending, and the ending still to be placed. */
export interface Draft {
  scenario: ScenarioInput;
  ending: Ending;
}

/**
 * @example draftOf(space, combinationAt(space, 0)).scenario.request.params.first_call // 'employee'
 */
export function draftOf(space: Space, combination: number[]): Draft {
  const params: Record<string, unknown> = { ...BASE_PARAMS };
  const employee: Record<string, Behaviour> = {};
  let contact: Behaviour = {};
  let ending: Ending = { kind: 'nobody' };
  space.axes.forEach((axis, i) => {
    const value = axis.values[combination[i]!]!;
    Object.assign(params, value.params);
    Object.assign(employee, value.employee);
    if (value.contact) contact = value.contact;
    if (value.ending) ending = value.ending;
  });
  for (const [key, value] of Object.entries(params)) if (value === null) delete params[key];
  return {
    scenario: {
      name: `exhaustive #${indexOf(space, combination)}: ${describeCombination(space, combination)}`,
      request: { ...SEED_REQUEST, params },
      world: { employee: structuredClone(employee), contact: structuredClone(contact) },
    },
    ending,
  };
}

/**
 * The draft with its ending placed in the middle of its phase (at an instant where nothing else
 * happens), as found in `nobodyRun` (the draft's run with nobody hanging up); null when that run has no
 * such phase.
 * @example caseOf(draft, nobodyRun)?.releaseAt // 41450 for release.call during the talk
 */
export function caseOf(draft: Draft, nobodyRun: SimulationResult): Case | null {
  const { ending } = draft;
  if (ending.kind === 'nobody') return { scenario: draft.scenario, releaseAt: null };
  const window = ending.kind === 'release' ? releaseWindow(nobodyRun, ending.phase) : hangupWindow(nobodyRun, ending.who, ending.phase);
  const at = window && quietMoment(window, nobodyRun);
  if (at === null) return null;
  if (ending.kind === 'release') return { scenario: draft.scenario, releaseAt: at };
  const answered = answeredAt(nobodyRun, ending.who);
  const scenario = structuredClone(draft.scenario);
  const world = scenarioWorld(scenario);
  const behaviour = ending.who === 'contact' ? world.contact : answered && world.employee[answered.number];
  if (!answered || !behaviour) return null;
  behaviour.hangup_after = at - answered.t;
  return { scenario, releaseAt: null };
}

/** The world of a scenario built by {@link draftOf}, for changing in place. @example scenarioWorld(s).contact.hangup_after = 1500 */
export function scenarioWorld(scenario: ScenarioInput): { employee: Record<string, Behaviour>; contact: Behaviour } {
  return scenario.world as { employee: Record<string, Behaviour>; contact: Behaviour };
}

/** The request params of a scenario built by {@link draftOf}, for changing in place. @example scenarioParams(s).direction = 'out' */
export function scenarioParams(scenario: ScenarioInput): Record<string, unknown> {
  return (scenario.request as { params: Record<string, unknown> }).params;
}
