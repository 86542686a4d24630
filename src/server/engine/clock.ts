/**
 * The time the engine's one scheduler runs on: real milliseconds by default, a clock moved by hand in
 * tests (`manualDriver`). One wake-up is armed at a time, for the earliest due event of the server.
 */
export interface SchedulerClock {
  /** Milliseconds on this clock. */
  now(): number;
  /** Calls `wake` once `at` has come; arming again replaces the earlier wake-up. */
  wakeAt(at: number, wake: () => void): void;
  /** Forgets the armed wake-up (nothing is due any more). */
  disarm(): void;
  /** Simulated ms per clock ms; absent → the server's `--speed`. A manual clock counts simulated ms (1). */
  readonly speed?: number;
  /**
   * The longest the scheduler releases events in one go (real ms) before it lets requests in and goes on
   * at the next turn; absent → everything due at once (a manual clock: tests step deterministically).
   */
  readonly sliceMs?: number;
}

/** What a driver can ask of the engine it paces. */
export interface EngineHandle {
  /** Releases every event whose time has come, in due order. */
  releaseDue(): void;
  /** The clock time of the last event still to be released, or null when none is pending. */
  lastDue(): number | null;
  /** How many calls are live. */
  liveCalls(): number;
}

/** Gives the engine its clock; `createMockServer({ driver })` takes one (default: real time). */
export type SessionDriver = (engine: EngineHandle) => SchedulerClock;

/** Node's longest timer; a longer wait is taken in several (each re-checks what is due). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Releasing due events holds the event loop at most this long at a time (p99 of requests under load). */
export const RELEASE_SLICE_MS = 5;

/**
 * The wall clock (`performance.now()`) with one `setTimeout` for the earliest due event.
 * @example const clock = realClock(); clock.wakeAt(clock.now() + 1000, () => console.log('a second later'));
 */
export function realClock(): SchedulerClock {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const now = () => performance.now();
  return {
    now,
    sliceMs: RELEASE_SLICE_MS,
    wakeAt(at, wake) {
      clearTimeout(timer);
      timer = setTimeout(wake, Math.min(Math.max(0, at - now()), MAX_TIMER_MS));
    },
    disarm() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/**
 * The default driver: real time at the server's speed.
 * @example createMockServer({ driver: realTimeDriver })
 */
export const realTimeDriver: SessionDriver = () => realClock();
