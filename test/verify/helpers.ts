import { AXES } from '../../src/verify/exhaustive/axes.js';
import { evaluate, type Evaluation } from '../../src/verify/exhaustive/evaluate.js';
import { indexOf, spaceOf } from '../../src/verify/exhaustive/space.js';

export const space = spaceOf(AXES);

/** The index of the combination with these values (by label), every other axis at its first value. */
export function indexWith(values: Record<string, string>): number {
  const combination = space.axes.map((axis) => {
    const label = values[axis.name];
    if (label === undefined) return 0;
    const i = axis.values.findIndex((v) => v.label === label);
    if (i < 0) throw new Error(`no value "${label}" on axis ${axis.name}`);
    return i;
  });
  return indexOf(space, combination);
}

/** That combination run (its ending placed), with no relation checked. */
export function evaluated(values: Record<string, string>): Evaluation {
  const evaluation = evaluate(space, indexWith(values), []);
  if (!evaluation) throw new Error(`not applicable: ${JSON.stringify(values)}`);
  return evaluation;
}
