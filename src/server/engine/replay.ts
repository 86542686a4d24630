import { startCall, type CallInput, type SimEvent, type Simulation, type WorldCommand } from '../deps.js';
import { StatesTrail, type StateChanges } from './machine-states.js';

/** A hand-driven change to a live call: a world command, or `release.call`. */
export type CallCommand = WorldCommand | { type: 'release' };

/** A command with the simulated time it arrived at. */
export interface TimedCommand {
  t: number;
  command: CallCommand;
}

/**
 * Runs a call's simulation from the start with every command at its own time — to the end (no `until`),
 * or up to `until` to ask the machines where they are. Deterministic: the same input and commands give
 * the same timeline, so a re-run reproduces every event already released. `observe` sees the machines
 * after the start, after each instant (everything due at one simulated time) and after each command.
 * @example replay(input, [{ t: 4000, command: { type: 'release' } }]).result().outcome?.finish_reason // 'success_finish'
 */
export function replay(input: CallInput, commands: readonly TimedCommand[], until?: number, observe?: (sim: Simulation) => void): Simulation {
  const sim = startCall(input);
  observe?.(sim);
  const through = (t: number) => {
    for (let next = sim.nextTime(); next !== null && next <= t; next = sim.nextTime()) {
      sim.step();
      observe?.(sim);
    }
  };
  for (const { t, command } of commands) {
    if (until !== undefined && t > until) break;
    through(t);
    sim.advanceTo(t);
    if (command.type === 'release') sim.release();
    else sim.command(command);
    observe?.(sim);
  }
  through(until ?? Infinity);
  if (until === undefined) sim.runToEnd();
  else sim.advanceTo(until);
  return sim;
}

/** A call run to its end, as the server keeps it: the timeline, and where the machines were along it. */
export interface RecordedRun {
  events: SimEvent[];
  stateChanges: StateChanges;
}

/**
 * `replay` to the end, noting the machines' states on the way (see `statesAt`).
 * @example recordedRun(input, []).stateChanges.slice(0, 2) // [0, { session: 'employeeFirst.dialingEmployee', … }]
 */
export function recordedRun(input: CallInput, commands: readonly TimedCommand[]): RecordedRun {
  const trail = new StatesTrail();
  const events = replay(input, commands, undefined, (sim) => trail.note(sim)).result().events;
  return { events, stateChanges: trail.changes() };
}
