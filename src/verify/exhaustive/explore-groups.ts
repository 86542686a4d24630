import type { SimulationResult } from '../../sim/types.js';
import { checkCase, type Finding } from './check.js';
import { caseAt } from './evaluate.js';
import { RELATIONS, type Relation } from './relations/index.js';
import { runCase } from './run-case.js';
import type { Space } from './space.js';

/** A finding of one combination. */
export interface Violation extends Finding {
  index: number;
}

/** What a stretch of the space gave: counts, and the first violations of each check. */
export interface Tally {
  checked: number;
  /** Combinations whose ending's phase does not occur in their run (not calls, not counted as checked). */
  notApplicable: number;
  /** How many combinations each relation applied to. */
  relations: Record<string, number>;
  finishReasons: Record<string, number>;
  /** Combinations with at least one finding. */
  violations: number;
  /** The first violations of each check, in index order, at most {@link KEPT} per check. */
  kept: Violation[];
}

export const KEPT = 5;

export const emptyTally = (): Tally => ({ checked: 0, notApplicable: 0, relations: {}, finishReasons: {}, violations: 0, kept: [] });

const add = (counts: Record<string, number>, key: string, n = 1) => void (counts[key] = (counts[key] ?? 0) + n);

/**
 * Adds `part` to `into` (parts must come in index order for `kept` to stay the first ones).
 * @example parts.reduce(mergeTally, emptyTally())
 */
export function mergeTally(into: Tally, part: Tally): Tally {
  into.checked += part.checked;
  into.notApplicable += part.notApplicable;
  into.violations += part.violations;
  for (const [key, n] of Object.entries(part.relations)) add(into.relations, key, n);
  for (const [key, n] of Object.entries(part.finishReasons)) add(into.finishReasons, key, n);
  for (const violation of part.kept) keep(into, violation);
  return into;
}

function keep(tally: Tally, violation: Violation): void {
  if (tally.kept.filter((v) => v.check === violation.check).length < KEPT) tally.kept.push(violation);
}

/** The relations with these names, or all of them. @example relationsNamed(['labels']).length // 1 */
export const relationsNamed = (names?: string[]) => (names ? RELATIONS.filter((r) => names.includes(r.name)) : RELATIONS);

/**
 * Runs and checks every combination of the given groups. A group's first combination (nobody ends the
 * call) runs first; its run places the ending of each other combination of the group.
 * @example exploreGroups(space, [0, 1]).checked // about 2 × 10
 */
export function exploreGroups(space: Space, groups: number[], relations: Relation[] = RELATIONS): Tally {
  const tally = emptyTally();
  for (const group of groups) {
    let nobodyRun: SimulationResult | undefined;
    for (let index = group * space.groupSize; index < (group + 1) * space.groupSize; index++) {
      const c = caseAt(space, index, nobodyRun ?? null);
      if (!c) {
        tally.notApplicable++;
        continue;
      }
      const run = runCase(c);
      nobodyRun ??= run;
      tally.checked++;
      add(tally.finishReasons, run.outcome?.finish_reason ?? 'rejected');
      const findings = checkCase(c, run, relations, (name) => add(tally.relations, name));
      if (findings.length > 0) tally.violations++;
      for (const finding of findings) keep(tally, { index, ...finding });
    }
  }
  return tally;
}
