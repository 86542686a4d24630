import type { SessionSnapshot, Simulation } from '../deps.js';

/** Where each machine of a call is, as a snapshot names it (`{ session: 'talk.connected', … }`). */
export type MachineStates = Readonly<SessionSnapshot['states']>;

/**
 * Where the machines were along one run: from each noted simulated time on (until the next one) they
 * were in the states noted with it. Every call keeps one, so it is flat — `[t0, states0, t1, states1, …]`
 * — rather than an object per change.
 */
export type StateChanges = readonly (number | MachineStates)[];

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

function sameStates(a: MachineStates, b: MachineStates): boolean {
  for (const key in a) if (a[key as keyof MachineStates] !== b[key as keyof MachineStates]) return false;
  return true;
}

/**
 * The machines' states along one run, noted while the run happens (`replay`'s `observe`), so that where
 * they were at any simulated time is read later without running them again.
 * @example
 * const trail = new StatesTrail();
 * replay(input, commands, undefined, (sim) => trail.note(sim));
 * statesAt(trail.changes(), 4000).session // as replay(input, commands, 4000).snapshot().states.session
 */
export class StatesTrail {
  private readonly noted: (number | MachineStates)[] = [];

  note(sim: Simulation): void {
    const { t, states } = sim.snapshot();
    const noted = this.noted;
    // Several notes at one time (an instant, then a command, then what it set off at once): the
    // machines are where the last one found them.
    if (noted.at(-2) === t) noted.length -= 2;
    const last = noted.at(-1) as MachineStates | undefined;
    if (!last || !sameStates(last, states)) noted.push(t, shared(states));
  }

  /** What was noted, frozen, in an array of its exact size. */
  changes(): StateChanges {
    return Object.freeze(this.noted.slice());
  }
}

/**
 * The machines' states at simulated time `t`: what a run up to `t` would show (`snapshot().states`).
 * @example statesAt(session.stateChanges, registry.simNow(session)).session // e.g. 'employeeFirst.dialingEmployee'
 */
export function statesAt(changes: StateChanges, t: number): MachineStates {
  for (let i = changes.length - 2; i >= 0; i -= 2) if ((changes[i] as number) <= t) return changes[i + 1] as MachineStates;
  throw new Error('no states noted before this time: the run was not observed');
}
