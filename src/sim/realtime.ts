import type { Simulation, WorldCommand } from './types.js';

export interface RealTimeRun {
  /** Simulated ms since the call started, as the wall clock tells (× speed). */
  simNow(): number;
  /** A world command at the current simulated time. */
  command(command: WorldCommand): void;
  /** `release.call` at the current simulated time. */
  release(): void;
  /** Stops driving the simulation (it stays where it is). */
  stop(): void;
  /** Settles when the session has ended (or `stop()` was called). */
  readonly finished: Promise<void>;
}

/** Node's and browsers' longest timer; a longer wait is taken in several (each re-checks the deadline). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface RealTimeOptions {
  /** How many simulated ms pass per real ms: 1 is life, 20 is twenty times faster. */
  speed: number;
  /** Reads the wall clock in ms; injectable for tests. */
  wallNow?: () => number;
}

/**
 * Drives a simulation on real timers: one timer at a time, set for the next simulated deadline, so the
 * machines and their timeline are exactly those of a stepped simulation — only paced by the wall clock.
 * @example
 * const run = runInRealTime(startCall(input), { speed: 10 });
 * run.command({ type: 'hangup', leg: 'contact' });
 * await run.finished;
 */
export function runInRealTime(sim: Simulation, options: RealTimeOptions): RealTimeRun {
  const wallNow = options.wallNow ?? (() => performance.now());
  const speed = options.speed > 0 ? options.speed : 1;
  const startedAt = wallNow();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let settle!: () => void;
  const finished = new Promise<void>((resolve) => (settle = resolve));

  const simNow = () => Math.max(sim.now(), Math.floor((wallNow() - startedAt) * speed));
  const catchUp = () => sim.advanceTo(simNow());
  const schedule = () => {
    clearTimeout(timer);
    if (stopped) return;
    const next = sim.nextTime();
    if (sim.done() || next === null) {
      if (sim.done()) settle();
      return;
    }
    const wait = Math.max(0, (next - simNow()) / speed);
    timer = setTimeout(() => {
      // A full wait reaches the deadline even if the wall clock reads a hair short of it.
      sim.advanceTo(wait > MAX_TIMER_MS ? simNow() : Math.max(next, simNow()));
      schedule();
    }, Math.min(wait, MAX_TIMER_MS));
  };
  const act = (change: () => void) => {
    if (stopped) return;
    catchUp();
    change();
    schedule();
  };

  schedule();
  return {
    simNow,
    command: (command) => act(() => sim.command(command)),
    release: () => act(() => sim.release()),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      settle();
    },
    finished,
  };
}
