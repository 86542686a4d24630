import { checkInvariants } from '../../sim/invariants.js';
import type { SimulationResult } from '../../sim/types.js';
import type { Relation } from './relations/index.js';
import { runCase } from './run-case.js';
import type { Case } from './types.js';

/** What broke for one combination: the invariants of its run, or a relation with its neighbour. */
export interface Finding {
  /** `invariants`, or the relation's name. */
  check: string;
  rules: string[];
  problems: string[];
}

/**
 * Checks a case's run against the invariants and against every relation that applies to it (running its
 * neighbour, whose own invariants are checked too). `onRelation` counts the relations that applied.
 * @example checkCase(c, runCase(c), RELATIONS) // []
 */
export function checkCase(c: Case, run: SimulationResult, relations: Relation[], onRelation?: (name: string) => void): Finding[] {
  const findings: Finding[] = [];
  const broken = checkInvariants(run);
  if (broken.length > 0) findings.push({ check: 'invariants', rules: [], problems: broken });
  for (const relation of relations) {
    const neighbour = relation.neighbour(c, run);
    if (!neighbour) continue;
    onRelation?.(relation.name);
    const neighbourRun = runCase(neighbour);
    const problems = [
      ...checkInvariants(neighbourRun).map((p) => `the neighbour breaks an invariant: ${p}`),
      ...relation.compare(run, neighbourRun, c),
    ];
    if (problems.length > 0) findings.push({ check: relation.name, rules: relation.rules, problems });
  }
  return findings;
}
