import { and, not, or, stateIn } from 'xstate';

/**
 * Guards and actions of an XState definition in words, as the charts label them: `isFrom(contact)`,
 * `isFrom(contact) ∧ ¬switchInForce`, `in(contactLeg.answered)`, `dial(employee)`. Inline functions have no
 * name to show.
 */

type Named = { type?: unknown; params?: unknown };
type Composite = ((...args: never[]) => unknown) & { guards?: unknown[]; check?: unknown; stateValue?: unknown };

/** XState's higher-order guards, told apart by their check function (names do not survive bundling). */
const CHECKS = {
  and: (and([]) as Composite).check,
  or: (or([]) as Composite).check,
  not: (not('x') as Composite).check,
  stateIn: (stateIn('x') as Composite).check,
};

function paramsText(params: unknown): string {
  if (params === undefined) return '';
  if (typeof params === 'function') return '(…)';
  if (typeof params !== 'object' || params === null) return `(${String(params)})`;
  const values = Object.values(params as Record<string, unknown>).map((value) =>
    typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value),
  );
  return `(${values.join(', ')})`;
}

/**
 * A guard in words; null when there is none.
 * @example describeGuard(and([{ type: 'isFrom', params: { leg: 'contact' } }, not('switchInForce')])) // 'isFrom(contact) ∧ ¬switchInForce'
 */
export function describeGuard(guard: unknown): string | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const composite = guard as Composite;
    const parts = (composite.guards ?? []).map((g) => describeGuard(g) ?? '?');
    if (composite.check === CHECKS.not && parts.length === 1) return `¬${wrap(parts[0]!)}`;
    if (composite.check === CHECKS.and) return parts.map(wrap).join(' ∧ ');
    if (composite.check === CHECKS.or) return parts.map(wrap).join(' ∨ ');
    if (composite.check === CHECKS.stateIn) return `in(${stateText(composite.stateValue)})`;
    return 'inline guard';
  }
  const named = guard as Named;
  return typeof named.type === 'string' ? `${named.type}${paramsText(named.params)}` : 'guard';
}

/** `#employeeCall.contactLeg.answered` → `contactLeg.answered` (the machine's own id adds nothing). */
function stateText(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  return value.replace(/^#[^.]+\./, '');
}

/** A compound guard inside another is bracketed. */
function wrap(text: string): string {
  return /[∧∨]/.test(text) ? `(${text})` : text;
}

/**
 * An action in words, or null for the timers XState adds by itself for `after` transitions.
 * @example describeAction({ type: 'dial', params: { leg: 'employee' } }) // 'dial(employee)'
 */
export function describeAction(action: unknown): string | null {
  if (typeof action === 'string') return action;
  if (typeof action === 'function') {
    const builtin = action as { type?: unknown; id?: unknown; sendId?: unknown };
    const timerId = typeof builtin.id === 'string' ? builtin.id : typeof builtin.sendId === 'string' ? builtin.sendId : '';
    if (timerId.startsWith('xstate.after')) return null;
    return typeof builtin.type === 'string' ? builtin.type.replace(/^xstate\./, '') : 'inline action';
  }
  if (typeof action === 'object' && action !== null) {
    const named = action as Named;
    if (typeof named.type === 'string') return `${named.type}${paramsText(named.params)}`;
  }
  return 'action';
}
