import { createSimulation, type SimulationOptions } from '../sim/simulate.js';
import type { Scenario } from '../scenario/schema.js';
import type { SessionSnapshot, SimEvent, SimulationResult } from '../sim/types.js';
import { lanesFromEvents, type Lanes } from './lanes.js';
import { machineTrace, type ActorFrame } from './machine-trace.js';

/** The machines' state after everything due at `t` fired: events `[first, end)` happened at `t`. */
export interface Frame {
  t: number;
  first: number;
  end: number;
  snapshot: SessionSnapshot | null;
  /** Every actor's machine, state and the transitions it took to get here from the previous frame. */
  actors: ActorFrame[];
}

/** One simulation as the page shows it: the result, the lanes, and a frame per simulated instant. */
export interface Run {
  result: SimulationResult;
  lanes: Lanes;
  frames: Frame[];
  /** Wall-clock time the run took (ms). */
  ms: number;
}

/** createSimulation's options, e.g. `inspect` (the Stately Inspector's observer) for the session's actors. */
export type RunOptions = SimulationOptions;

/** More steps than any call can take (the 4 h cut ends every session): a guard against a runaway loop. */
const MAX_STEPS = 100_000;

function snapshotOf(sim: ReturnType<typeof createSimulation>): SessionSnapshot | null {
  try {
    return sim.snapshot();
  } catch {
    return null;
  }
}

/**
 * Runs a scenario through the stepping handle, keeping the machines' snapshot after each instant, so the
 * page can step back and forth without re-running. `options` go to createSimulation (e.g. `inspect`).
 * @example runScenario(scenario).frames.at(-1)?.snapshot?.done // true
 */
export function runScenario(scenario: Scenario, options?: RunOptions): Run {
  const started = performance.now();
  const trace = machineTrace(options?.inspect);
  const sim = createSimulation(scenario, { ...options, inspect: trace.inspect });
  let count = sim.result().events.length;
  const frames: Frame[] = [{ t: sim.now(), first: 0, end: count, snapshot: snapshotOf(sim), actors: trace.take() }];
  for (let steps = 0; !sim.done() && sim.nextTime() !== null && steps < MAX_STEPS; steps++) {
    const events = sim.step();
    frames.push({ t: sim.now(), first: count, end: count + events.length, snapshot: snapshotOf(sim), actors: trace.take() });
    count += events.length;
  }
  const result = sim.result();
  return { result, lanes: lanesFromEvents(result.events), frames, ms: performance.now() - started };
}

/** The last frame at or before `t` (the state the machines are in at that instant). */
export function frameAt(run: Run, t: number): Frame {
  let found = run.frames[0]!;
  for (const frame of run.frames) {
    if (frame.t > t) break;
    found = frame;
  }
  return found;
}

/** Index of the last event at or before `t`, or -1 before the first. */
export function eventIndexAt(events: readonly SimEvent[], t: number): number {
  let index = -1;
  for (let i = 0; i < events.length && events[i]!.t <= t; i++) index = i;
  return index;
}
