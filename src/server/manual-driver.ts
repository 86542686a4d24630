import type { EngineHandle, SchedulerClock } from './engine/clock.js';

/** A driver whose clock moves only when told: tests step every live call without sleeping. */
export interface ManualDriver {
  /** Pass as `createMockServer({ driver: manual.start })`: the server's scheduler runs on this clock. */
  start(engine: EngineHandle): SchedulerClock;
  /** Moves simulated time `ms` forward for every live call, releasing what falls due on the way, in order. */
  advance(ms: number): void;
  /** Moves time on until every live call has ended. */
  runAll(): void;
  /** How many calls are live. */
  readonly running: number;
}

/**
 * A manual clock for the server's one scheduler, counting simulated milliseconds (whatever `--speed`):
 * nothing moves unless the test moves it.
 * @example
 * const manual = manualDriver();
 * const server = createMockServer({ driver: manual.start });
 * server.handleRpc(seedRequest); manual.advance(3_000); // the employee has answered
 */
export function manualDriver(): ManualDriver {
  let time = 0;
  let engine: EngineHandle | null = null;
  return {
    start(handle) {
      engine = handle;
      return { now: () => time, wakeAt: () => undefined, disarm: () => undefined, speed: 1 };
    },
    advance(ms) {
      time += ms;
      engine?.releaseDue();
    },
    runAll() {
      for (let last = engine?.lastDue() ?? null; last !== null; last = engine?.lastDue() ?? null) {
        time = Math.max(time, last);
        engine!.releaseDue();
      }
    },
    get running() {
      return engine?.liveCalls() ?? 0;
    },
  };
}
