import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';

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

type GuardLike = string | { type: string; params?: unknown } | ((...args: never[]) => unknown);

/**
 * `and`/`or`/`not` (XState's higher-order guards) as ∧ ∨ ¬; parameterised guards with their values.
 * @example describeGuard(and([{ type: 'isFor', params: { leg: 'contact' } }, not('switchInForce')])) // 'isFor(contact) ∧ ¬switchInForce'
 */
export function describeGuard(guard: unknown): string {
  const g = guard as GuardLike;
  if (typeof g === 'string') return g;
  if (typeof g === 'function') {
    const inner = (g as { guards?: unknown[] }).guards;
    if (Array.isArray(inner)) {
      const parts = inner.map(describeGuard);
      if (g.name === 'not') return `¬${wrap(parts[0] ?? '?')}`;
      return parts.map(wrap).join(g.name === 'or' ? ' ∨ ' : ' ∧ ');
    }
    return g.name || 'inline guard';
  }
  return `${g.type}${describeParams(g.params)}`;
}

function wrap(text: string): string {
  return /[ ∧∨]/.test(text) ? `(${text})` : text;
}

function describeParams(params: unknown): string {
  if (params === undefined) return '';
  if (typeof params === 'function') return '(…)';
  if (params !== null && typeof params === 'object') return `(${Object.values(params).map(String).join(', ')})`;
  return `(${String(params)})`;
}
