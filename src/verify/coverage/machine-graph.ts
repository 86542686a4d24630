import { StateMachine, type AnyStateMachine, type AnyStateNode, type AnyTransitionDefinition } from 'xstate';
import { describeTransition, statePath } from './describe.js';

/** One state of a machine definition (every state node but the root and history pseudo-states). */
export interface StateItem {
  id: string;
  node: AnyStateNode;
}

/** One transition of a machine definition: each `on`/`after`/`always` alternative is its own. */
export interface TransitionItem {
  id: string;
  definition: AnyTransitionDefinition;
}

export interface MachineGraph {
  machine: AnyStateMachine;
  states: StateItem[];
  transitions: TransitionItem[];
}

/**
 * Every state and transition of a machine definition, walked from `machine.root`: the `on` map (which
 * XState also fills with the `after` delays and `onDone`/`onError`), then `always`; guarded alternatives
 * count one each, targetless ones too. Ids are readable and stable while the definition does not change.
 * @example machineGraph(legMachine).states.map((s) => s.id) // ['idle', 'dialing', 'answered', …]
 */
export function machineGraph(machine: AnyStateMachine): MachineGraph {
  const states: StateItem[] = [];
  const transitions: TransitionItem[] = [];
  const seen = new Map<string, number>();
  const visit = (node: AnyStateNode) => {
    if (node.type === 'history') return;
    if (node.parent) states.push({ id: statePath(node), node });
    const own = [...node.transitions.values()].flat().concat(node.always ?? []);
    for (const definition of own) {
      const text = describeTransition(definition);
      const count = (seen.get(text) ?? 0) + 1;
      seen.set(text, count);
      transitions.push({ id: count === 1 ? text : `${text} #${count}`, definition });
    }
    for (const child of Object.values(node.states) as AnyStateNode[]) visit(child);
  };
  visit(machine.root);
  return { machine, states, transitions };
}

/**
 * The machine and every machine it can invoke or spawn (its `setup({ actors })`), each once, parents first.
 * @example machinesOf(employeeCallMachine).map((m) => m.id) // ['employeeCall'] (the call is one machine)
 */
export function machinesOf(root: AnyStateMachine): AnyStateMachine[] {
  const found: AnyStateMachine[] = [];
  const visit = (machine: AnyStateMachine) => {
    if (found.includes(machine)) return;
    found.push(machine);
    for (const logic of Object.values(machine.implementations.actors ?? {}))
      if (logic instanceof StateMachine) visit(logic as AnyStateMachine);
  };
  visit(root);
  return found;
}
