import type { RealTimeRun, Simulation, WorldCommand } from './deps.js';

/** A driver whose clock moves only when told: tests step every live session without sleeping. */
export interface ManualDriver {
  /** Pass as `createMockServer({ driver: manual.start })`. */
  start(sim: Simulation): RealTimeRun;
  /** Moves every running session `ms` of simulated time forward, firing what falls due on the way. */
  advance(ms: number): void;
  /** Runs every running session to its end. */
  runAll(): void;
  readonly running: number;
}

/**
 * A manual session driver: the same `RealTimeRun` contract as `runInRealTime`, with simulated time moved
 * by the caller.
 * @example
 * const manual = manualDriver();
 * const server = createMockServer({ driver: manual.start });
 * server.handleRpc(seedRequest); manual.advance(3_000); // the employee has answered
 */
export function manualDriver(): ManualDriver {
  const runs = new Set<{ sim: Simulation; settle: () => void }>();
  const settleIfDone = (run: { sim: Simulation; settle: () => void }) => {
    if (!run.sim.done()) return;
    runs.delete(run);
    run.settle();
  };
  return {
    start(sim) {
      let settle!: () => void;
      const finished = new Promise<void>((resolve) => (settle = resolve));
      const run = { sim, settle };
      runs.add(run);
      const act = (fn: () => void) => {
        fn();
        settleIfDone(run);
      };
      return {
        simNow: () => sim.now(),
        command: (command: WorldCommand) => act(() => sim.command(command)),
        release: () => act(() => sim.release()),
        stop: () => {
          runs.delete(run);
          settle();
        },
        finished,
      };
    },
    advance(ms) {
      for (const run of [...runs]) {
        run.sim.advanceTo(run.sim.now() + ms);
        settleIfDone(run);
      }
    },
    runAll() {
      for (const run of [...runs]) {
        run.sim.runToEnd();
        settleIfDone(run);
      }
    },
    get running() {
      return runs.size;
    },
  };
}
