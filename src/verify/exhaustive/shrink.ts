import { evaluate, type Evaluation } from './evaluate.js';
import type { Relation } from './relations/index.js';
import { combinationAt, indexOf, type Space } from './space.js';

/**
 * Moves a violating combination axis by axis toward each axis's first (simplest) value, keeping each
 * move after which the same check still fails, until no move keeps it failing: the smallest combination
 * that shows the violation.
 * @example shrink(space, 81234, 'tts-disables-switch', RELATIONS).index // 1234
 */
export function shrink(space: Space, index: number, check: string, relations: Relation[]): { index: number; evaluation: Evaluation } {
  const only = relations.filter((r) => r.name === check);
  const fails = (i: number) => {
    const evaluation = evaluate(space, i, only);
    return evaluation?.findings.some((f) => f.check === check) ? evaluation : null;
  };
  let current = combinationAt(space, index);
  let evaluation = fails(index);
  if (!evaluation) throw new Error(`combination ${index} does not fail ${check}`);
  for (let moved = true; moved; ) {
    moved = false;
    for (let axis = 0; axis < current.length && !moved; axis++) {
      for (let value = 0; value < current[axis]! && !moved; value++) {
        const candidate = current.map((v, i) => (i === axis ? value : v));
        const smaller = fails(indexOf(space, candidate));
        if (smaller) [current, evaluation, moved] = [candidate, smaller, true];
      }
    }
  }
  return { index: indexOf(space, current), evaluation };
}
