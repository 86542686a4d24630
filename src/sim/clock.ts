/**
 * A discrete-event clock: a priority queue of timers over simulated milliseconds. XState's actors take it
 * as their `clock`; `advanceTo(t)` fires each due timer at its own deadline (ties in the order they
 * were set), so timers set by a firing timer are anchored at that timer's deadline — unlike
 * `SimulatedClock.increment`, which fires everything at the end of the step.
 * @example
 * const clock = new DiscreteClock();
 * clock.setTimeout(() => console.log(clock.now()), 1500);
 * clock.advanceTo(2000); // logs 1500
 */
export class DiscreteClock {
  private time = 0;
  private nextId = 1;
  private readonly heap: Timer[] = [];
  private readonly live = new Map<number, Timer>();

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): number {
    const timer: Timer = { id: this.nextId++, deadline: this.time + Math.max(0, Math.round(ms)), fn };
    this.live.set(timer.id, timer);
    pushHeap(this.heap, timer);
    return timer.id;
  }

  clearTimeout(id: unknown): void {
    this.live.delete(id as number);
  }

  /** The deadline of the earliest pending timer, or null. */
  nextTime(): number | null {
    this.dropCancelled();
    return this.heap[0]?.deadline ?? null;
  }

  /** Fires the earliest pending timer; false when there is none. */
  fireNext(): boolean {
    this.dropCancelled();
    const timer = popHeap(this.heap);
    if (!timer) return false;
    this.live.delete(timer.id);
    this.time = timer.deadline;
    timer.fn();
    return true;
  }

  /** Fires every timer due up to `t` in deadline order, then stands at `t`. */
  advanceTo(t: number): void {
    for (let next = this.nextTime(); next !== null && next <= t; next = this.nextTime()) this.fireNext();
    this.time = Math.max(this.time, t);
  }

  private dropCancelled(): void {
    while (this.heap[0] && !this.live.has(this.heap[0].id)) popHeap(this.heap);
  }
}

interface Timer {
  id: number;
  deadline: number;
  fn: () => void;
}

const earlier = (a: Timer, b: Timer) => a.deadline < b.deadline || (a.deadline === b.deadline && a.id < b.id);

function pushHeap(heap: Timer[], timer: Timer): void {
  heap.push(timer);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!earlier(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function popHeap(heap: Timer[]): Timer | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length === 0 || !last) return top;
  heap[0] = last;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let least = i;
    if (left < heap.length && earlier(heap[left]!, heap[least]!)) least = left;
    if (right < heap.length && earlier(heap[right]!, heap[least]!)) least = right;
    if (least === i) return top;
    [heap[i], heap[least]] = [heap[least]!, heap[i]!];
    i = least;
  }
}
