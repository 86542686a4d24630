import type { Outcome, SimEvent, SimulationResult } from '../../../sim/types.js';
import { differences } from '../compare.js';
import type { Case } from '../types.js';

/**
 * A metamorphic relation: how the run of a neighbouring combination must relate to this one's, by a
 * rule of the SPEC. Each combination it applies to is run a second time, as its neighbour.
 */
export interface Relation {
  /** Short, kebab-case: printed with each violation. */
  name: string;
  /** The SPEC rules it follows from (R…, D…). */
  rules: string[];
  statement: string;
  /** The neighbouring case, or null when the relation does not apply to this one. */
  neighbour(base: Case, baseRun: SimulationResult): Case | null;
  /** What is wrong with the neighbour's run, given this one's; empty when the relation holds. */
  compare(baseRun: SimulationResult, neighbourRun: SimulationResult, base: Case): string[];
}

/** A case with its scenario copied, to change in place. @example const next = copyCase(base) */
export function copyCase(c: Case): Case {
  return { scenario: structuredClone(c.scenario), releaseAt: c.releaseAt };
}

/** A relation whose neighbour's run is this run with every event (and the outcome) mapped by `relabel`. */
export interface LabelRelation extends Relation {
  relabel: (event: SimEvent, baseRun: SimulationResult, base: Case) => SimEvent;
  relabelOutcome: (outcome: Outcome, baseRun: SimulationResult, base: Case) => Outcome;
}

/**
 * A relation whose neighbour's run is this run relabelled: what changes is a label, never a time or
 * the order of what happens.
 * @example relabelling({ name, rules, statement, neighbour, relabel: (e) => (e.type === 'session.started' ? { ...e, direction: 'out' } : e) })
 */
export function relabelling(spec: Omit<LabelRelation, 'compare' | 'relabelOutcome'> & Partial<Pick<LabelRelation, 'relabelOutcome'>>): LabelRelation {
  const relabelOutcome = spec.relabelOutcome ?? ((outcome: Outcome) => outcome);
  return {
    ...spec,
    relabelOutcome,
    compare: (baseRun, neighbourRun, base) =>
      differences(
        {
          events: baseRun.events.map((event) => spec.relabel(event, baseRun, base)),
          outcome: baseRun.outcome && relabelOutcome(baseRun.outcome, baseRun, base),
        },
        neighbourRun,
      ),
  };
}
