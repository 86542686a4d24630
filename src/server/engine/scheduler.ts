import type { SchedulerClock } from './clock.js';
import { DueHeap } from './due-heap.js';

/** How many keys are released between two looks at the time spent. */
const CHECK_EVERY = 16;

/**
 * The server's one scheduler: a heap with each live call's next due time and one wake-up armed on the
 * clock for the earliest. `releaseDue` hands every key whose time has come to `onDue`, in due order
 * (ties in the order they were scheduled); `onDue` releases that key's instant and answers when its
 * next one is due (or null). Nothing per key stays armed: no timers, no actors.
 * @example
 * const scheduler = new Scheduler(realClock(), (call) => releaseNextInstant(call));
 * scheduler.schedule(call, clock.now()); scheduler.releaseDue();
 */
export class Scheduler<K> {
  private readonly heap = new DueHeap<K>();
  private armedFor: number | null = null;
  private readonly wake = () => {
    this.armedFor = null;
    this.releaseDue();
  };

  /** `wallNow`: the real time a release slice is measured in (injectable for tests). */
  constructor(
    private readonly clock: SchedulerClock,
    private readonly onDue: (key: K) => number | null,
    private readonly wallNow: () => number = () => performance.now(),
  ) {}

  /** How many keys have something pending. */
  get size(): number {
    return this.heap.size;
  }

  /** `key`'s next release is at `due` (clock ms), replacing what it had. Call `releaseDue` after. */
  schedule(key: K, due: number): void {
    this.heap.set(key, due);
  }

  cancel(key: K): void {
    this.heap.delete(key);
  }

  /**
   * Releases everything due by now, then arms the clock for the next due time. With a clock that gives
   * a slice, it stops once the slice is spent and goes on at the next turn of the event loop, so that
   * thousands of due events never keep requests waiting long.
   */
  releaseDue(): void {
    const now = this.clock.now();
    const slice = this.clock.sliceMs;
    const until = slice === undefined ? Infinity : this.wallNow() + slice;
    let released = 0;
    for (let top = this.heap.peek(); top && top.due <= now; top = this.heap.peek()) {
      this.heap.pop();
      const next = this.onDue(top.key);
      if (next !== null) this.heap.set(top.key, next);
      if (++released % CHECK_EVERY === 0 && this.wallNow() >= until) break;
    }
    this.arm();
  }

  /** The latest pending due time, or null. */
  lastDue(): number | null {
    return this.heap.latest();
  }

  clear(): void {
    this.heap.clear();
    this.arm();
  }

  private arm(): void {
    const top = this.heap.peek();
    if (!top) {
      if (this.armedFor !== null) this.clock.disarm();
      this.armedFor = null;
      return;
    }
    if (this.armedFor === top.due) return;
    this.armedFor = top.due;
    this.clock.wakeAt(top.due, this.wake);
  }
}
