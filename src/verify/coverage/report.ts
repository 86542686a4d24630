import type { AnyStateMachine } from 'xstate';
import { machineGraph, type MachineGraph } from './machine-graph.js';
import type { CoverageRecorder } from './recorder.js';

/** What a report counts as one "machine": a machine definition, or one top-level region of it. */
export interface CoverageGroup {
  name: string;
  states: { id: string; reached: boolean }[];
  transitions: { id: string; reached: boolean }[];
}

type Part = Pick<MachineGraph, 'states' | 'transitions'>;

/**
 * One group per machine definition; a machine whose root is parallel gives one group per top-level
 * region (the states inside it and the transitions leaving them), plus the root's own transitions under
 * the machine's name when it has any.
 * @example groupsOf(machineGraph(legMachine)).map((g) => g.name) // ['leg']
 */
export function groupsOf(graph: MachineGraph): (Part & { name: string })[] {
  const { machine } = graph;
  if (machine.root.type !== 'parallel') return [{ name: machine.id, ...graph }];
  const regionOf = (path: string[]) => path[0];
  const regions = Object.keys(machine.root.states).map((key) => ({
    name: `${machine.id}.${key}`,
    // The region itself is active whenever the machine is, like the root: only what is inside counts.
    states: graph.states.filter((s) => regionOf(s.node.path) === key && s.node.path.length > 1),
    transitions: graph.transitions.filter((t) => regionOf(t.definition.source.path) === key),
  }));
  const own = graph.transitions.filter((t) => t.definition.source.path.length === 0);
  return own.length > 0 ? [{ name: machine.id, states: [], transitions: own }, ...regions] : regions;
}

/**
 * @example coverageOf(machinesOf(employeeCallMachine), recorder) // [{ name: 'employeeCall', states: [...], transitions: [...] }, …]
 */
export function coverageOf(machines: AnyStateMachine[], recorder: CoverageRecorder, grouping = groupsOf): CoverageGroup[] {
  return machines.flatMap((machine) =>
    grouping(machineGraph(machine)).map(({ name, states, transitions }) => ({
      name,
      states: states.map((s) => ({ id: s.id, reached: recorder.reachedState(s.node) })),
      transitions: transitions.map((t) => ({ id: t.id, reached: recorder.tookTransition(t.definition) })),
    })),
  );
}

const count = (items: { reached: boolean }[]) => `${items.filter((i) => i.reached).length}/${items.length}`;

/**
 * A table per group of what was not reached, then the last line `coverage: states X/Y, transitions X/Y`.
 * @example formatCoverage(groups).at(-1) // 'coverage: states 30/30, transitions 61/64'
 */
export function formatCoverage(groups: CoverageGroup[]): string[] {
  const lines: string[] = [];
  for (const group of groups) {
    const missing = [
      ...group.states.filter((s) => !s.reached).map((s) => ['state', s.id]),
      ...group.transitions.filter((t) => !t.reached).map((t) => ['transition', t.id]),
    ];
    lines.push(`${group.name}: states ${count(group.states)}, transitions ${count(group.transitions)}${missing.length ? ', not reached:' : ''}`);
    for (const [kind, id] of missing) lines.push(`  ${kind!.padEnd(10)}  ${id}`);
  }
  const all = <K extends 'states' | 'transitions'>(key: K) => groups.flatMap((g) => g[key]);
  lines.push(`coverage: states ${count(all('states'))}, transitions ${count(all('transitions'))}`);
  return lines;
}
