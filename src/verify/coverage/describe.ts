import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { describeGuard } from '../../diagram/describe.js';

/**
 * Readable, stable names for the parts of a machine definition: a state is its dotted path from the
 * machine's root.
 * @example statePath(machine.root.states.flow.states.talk) // 'flow.talk'
 */
export function statePath(node: AnyStateNode): string {
  return node.path.length === 0 ? '(root)' : node.path.join('.');
}

/**
 * A transition as `source --EVENT [guard]--> target`.
 * @example describeTransition(t) // 'contactLeg.dialing --FAIL [isCurrentAttempt(contact) ∧ hasNextNumber(contact)]--> contactLeg.dialing (reenter)'
 */
export function describeTransition(transition: AnyTransitionDefinition & { delay?: unknown }): string {
  const guard = transition.guard === undefined ? '' : ` [${describeGuard(transition.guard)}]`;
  const targets = transition.target?.map(statePath).join(', ') ?? '(no target)';
  const reenter = transition.reenter && transition.target ? ' (reenter)' : '';
  return `${statePath(transition.source)} --${describeEvent(transition)}${guard}--> ${targets}${reenter}`;
}

function describeEvent(transition: AnyTransitionDefinition & { delay?: unknown }): string {
  if (transition.eventType === '') return 'always';
  if (transition.delay !== undefined) return `after(${String(transition.delay)})`;
  return String(transition.eventType);
}
