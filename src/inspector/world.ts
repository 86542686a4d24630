import type { LegName } from '../sim/types.js';
import { isObject } from './case.js';

/** One party's behaviour as a scenario file writes it (durations as typed: `2s`, `1500`). */
export interface BehaviourDoc {
  outcome?: string;
  answer_after?: string | number;
  after?: string | number;
  hangup_after?: string | number;
  early_media?: { at: string | number; kind: string }[];
}
export type WorldDoc = { employee?: Record<string, unknown>; contact?: Record<string, unknown> };

export const BEHAVIOUR_FIELDS = ['outcome', 'answer_after', 'after', 'hangup_after', 'early_media'] as const;

/** Only the behaviour fields of an object (the employee side mixes them with per-number entries). */
function behaviourPart(raw: Record<string, unknown>): BehaviourDoc {
  const out: Record<string, unknown> = {};
  for (const key of BEHAVIOUR_FIELDS) if (raw[key] !== undefined) out[key] = raw[key];
  return out as BehaviourDoc;
}

/**
 * The behaviour of a leg — the contact's, the employee's shared one (`number` null), or one employee
 * number's own; null when that number has none of its own.
 */
export function behaviourOf(world: WorldDoc, leg: LegName, number: string | null = null): BehaviourDoc | null {
  const side = isObject(world[leg]) ? world[leg] : {};
  if (number === null) return behaviourPart(side);
  const own = side[number];
  return isObject(own) ? behaviourPart(own) : null;
}

/** Empty strings and empty lists are dropped, so the scenario stays as short as a hand-written one. */
function compact(behaviour: BehaviourDoc): BehaviourDoc {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(behaviour)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (key === 'outcome' && value === 'answer') continue;
    out[key] = value;
  }
  return out as BehaviourDoc;
}

/** A copy of the world with one behaviour replaced (null removes a number's own behaviour). */
export function withBehaviour(world: WorldDoc, leg: LegName, number: string | null, behaviour: BehaviourDoc | null): WorldDoc {
  const side: Record<string, unknown> = { ...(isObject(world[leg]) ? world[leg] : {}) };
  if (number === null) {
    for (const key of BEHAVIOUR_FIELDS) delete side[key];
    Object.assign(side, compact(behaviour ?? {}));
  } else if (behaviour === null) delete side[number];
  else side[number] = compact(behaviour);
  const next: WorldDoc = { ...world, [leg]: side };
  if (Object.keys(side).length === 0) delete next[leg];
  return next;
}

/** Numbers that have a behaviour of their own on the employee side. */
export function employeeNumbersWithBehaviour(world: WorldDoc): string[] {
  const side = isObject(world.employee) ? world.employee : {};
  return Object.keys(side).filter((key) => !(BEHAVIOUR_FIELDS as readonly string[]).includes(key));
}
