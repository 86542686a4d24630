import type { SimulationResult } from '../../../sim/types.js';
import { differences } from '../compare.js';
import { runCase } from '../run-case.js';
import type { Case } from '../types.js';
import type { LabelRelation, Relation } from './relation.js';

/**
 * Several label relations checked in one neighbour run (each changes a different label, so their
 * changes add up): the neighbour has every change, the expectation every relabelling. When it fails,
 * each relation is run on its own to name the one that broke.
 * @example together('labels', [directionIsALabel, holdMusicIsALabel])
 */
export function together(name: string, parts: LabelRelation[]): Relation {
  const relabelled = (run: SimulationResult, base: Case) => ({
    events: run.events.map((event) => parts.reduce((e, part) => part.relabel(e, run, base), event)),
    outcome: run.outcome && parts.reduce((o, part) => part.relabelOutcome(o, run, base), run.outcome),
  });
  return {
    name,
    rules: [...new Set(parts.flatMap((part) => part.rules))],
    statement: parts.map((part) => part.name).join(' + '),
    neighbour: (base, run) => {
      const changed = parts.reduce((c, part) => part.neighbour(c, run) ?? c, base);
      return changed === base ? null : changed;
    },
    compare: (baseRun, neighbourRun, base) => {
      const problems = differences(relabelled(baseRun, base), neighbourRun);
      if (problems.length === 0) return [];
      const named = parts.flatMap((part) => {
        const neighbour = part.neighbour(base, baseRun);
        if (!neighbour) return [];
        return part.compare(baseRun, runCase(neighbour), base).map((p) => `${part.name} (${part.rules.join(', ')}): ${p}`);
      });
      return named.length > 0 ? named : problems;
    },
  };
}
