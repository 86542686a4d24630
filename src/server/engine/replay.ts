import { startCall, type CallInput, type Simulation, type WorldCommand } from '../deps.js';

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
 * the same timeline, so a re-run reproduces every event already released.
 * @example replay(input, [{ t: 4000, command: { type: 'release' } }]).result().outcome?.finish_reason // 'success_finish'
 */
export function replay(input: CallInput, commands: readonly TimedCommand[], until?: number): Simulation {
  const sim = startCall(input);
  for (const { t, command } of commands) {
    if (until !== undefined && t > until) break;
    sim.advanceTo(t);
    if (command.type === 'release') sim.release();
    else sim.command(command);
  }
  if (until === undefined) sim.runToEnd();
  else sim.advanceTo(until);
  return sim;
}
