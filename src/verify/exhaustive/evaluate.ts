import type { SimulationResult } from '../../sim/types.js';
import { caseOf, draftOf } from './case.js';
import { checkCase, type Finding } from './check.js';
import type { Relation } from './relations/index.js';
import { runCase } from './run-case.js';
import { combinationAt, type Space } from './space.js';
import type { Case } from './types.js';

export interface Evaluation {
  case: Case;
  run: SimulationResult;
  findings: Finding[];
}

/**
 * Combination `index` as a call: its ending placed by its group's nobody-hangs-up run (null: it is that
 * run). Null when its ending's phase does not occur in that run.
 */
export function caseAt(space: Space, index: number, nobodyRun: SimulationResult | null): Case | null {
  const draft = draftOf(space, combinationAt(space, index));
  return nobodyRun ? caseOf(draft, nobodyRun) : { scenario: draft.scenario, releaseAt: null };
}

/**
 * One combination on its own: its group's nobody-hangs-up run places its ending; then it is run and
 * checked. Null when its ending's phase does not occur. (The explorer does the same a group at a time.)
 * @example evaluate(space, 12345, RELATIONS)?.findings // []
 */
export function evaluate(space: Space, index: number, relations: Relation[]): Evaluation | null {
  const first = index - (index % space.groupSize);
  const nobodyRun = first === index ? null : runCase({ scenario: draftOf(space, combinationAt(space, first)).scenario, releaseAt: null });
  const c = caseAt(space, index, nobodyRun);
  if (!c) return null;
  const run = runCase(c);
  return { case: c, run, findings: checkCase(c, run, relations) };
}
