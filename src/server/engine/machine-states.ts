import type { SessionSnapshot, Simulation } from '../deps.js';

/** Where each machine of a call is, as a snapshot names it (`{ session: 'talk.connected', … }`). */
export type MachineStates = Readonly<SessionSnapshot['states']>;

/** From simulated time `t` on (until the next change), the machines are in `states`. */
export interface StatesChange {
  readonly t: number;
  readonly states: MachineStates;
}

/**
 * One frozen object per distinct set of states, shared by every call: a call keeps a few references, not
 * a few copies. The machines have a fixed, small set of states, so this stays small whatever is asked.
 */
const SHARED = new Map<string, MachineStates>();

function shared(states: SessionSnapshot['states']): MachineStates {
  const key = JSON.stringify(states);
  let kept = SHARED.get(key);
  if (!kept) SHARED.set(key, (kept = Object.freeze(states)));
  return kept;
}

/**
 * The machines' states along one run, noted while the run happens (`replay`'s `observe`), so that where
 * they were at any simulated time is read later without running them again.
 * @example
 * const trail = new StatesTrail();
 * replay(input, commands, undefined, (sim) => trail.note(sim));
 * statesAt(trail.changes, 4000).session // as replay(input, commands, 4000).snapshot().states.session
 */
export class StatesTrail {
  readonly changes: StatesChange[] = [];

  note(sim: Simulation): void {
    const { t, states } = sim.snapshot();
    // Several notes at one time (an instant, then a command, then what it set off at once): the
    // machines are where the last one found them.
    if (this.changes.at(-1)?.t === t) this.changes.pop();
    const last = this.changes.at(-1);
    if (!last || !sameStates(last.states, states)) this.changes.push({ t, states: shared(states) });
  }
}

function sameStates(a: MachineStates, b: MachineStates): boolean {
  for (const key in a) if (a[key as keyof MachineStates] !== b[key as keyof MachineStates]) return false;
  return true;
}

/**
 * The machines' states at simulated time `t`: what a run up to `t` would show (`snapshot().states`).
 * @example statesAt(session.stateChanges, registry.simNow(session)).session // e.g. 'employeeFirst.dialingEmployee'
 */
export function statesAt(changes: readonly StatesChange[], t: number): MachineStates {
  for (let i = changes.length - 1; i >= 0; i--) if (changes[i]!.t <= t) return changes[i]!.states;
  throw new Error('no states noted before this time: the run was not observed');
}
