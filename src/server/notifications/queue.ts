import { LazyFifo } from './lazy-fifo.js';

/** A notification waiting to be delivered (or being delivered). */
export interface PendingNotification {
  id: string;
  url: string;
  body: string;
  bytes: number;
  /** Notifications of one lane (one call to one URL) go out one after another. */
  lane: string;
  /** For log lines: e.g. `call_finished of call 295781040`. */
  label: string;
  attemptsMade: number;
  /** While an attempt is in flight: aborting it ends the attempt. */
  controller: AbortController | null;
  /** While waiting to be retried. */
  retryTimer: NodeJS.Timeout | null;
  /** Delivered, given up on, or dropped. */
  gone: boolean;
}

/**
 * The notifications not yet delivered, oldest first, in lanes (one per call and URL), bounded in count
 * and in bytes of body: the caller drops what {@link NotificationQueue.overLimit} names.
 * @example
 * const queue = new NotificationQueue({ count: 10_000, bytes: 16 << 20 });
 * if (queue.add(pending)) startDelivering(pending); // the head of its lane
 */
export class NotificationQueue {
  private readonly byAge = new LazyFifo<PendingNotification>();
  private readonly lanes = new Map<string, PendingNotification[]>();
  private bytes = 0;

  constructor(private readonly limits: { count: number; bytes: number }) {}

  get size(): number {
    return this.byAge.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** Queues one; true when it is the head of its lane (to be delivered now). */
  add(pending: PendingNotification): boolean {
    this.byAge.add(pending);
    this.bytes += pending.bytes;
    const lane = this.lanes.get(pending.lane);
    if (lane) lane.push(pending);
    else this.lanes.set(pending.lane, [pending]);
    return !lane;
  }

  /** The oldest notification while the queue is over its count or bytes (never the only one left). */
  overLimit(): PendingNotification | null {
    if (this.byAge.size <= 1 || (this.byAge.size <= this.limits.count && this.bytes <= this.limits.bytes)) return null;
    return this.byAge.first() ?? null;
  }

  /** Takes one out; returns the next of its lane when that one is now the head. */
  remove(pending: PendingNotification): PendingNotification | null {
    if (!this.byAge.delete(pending)) return null;
    this.bytes -= pending.bytes;
    const lane = this.lanes.get(pending.lane)!;
    const index = lane.indexOf(pending);
    lane.splice(index, 1);
    if (lane.length === 0) this.lanes.delete(pending.lane);
    return index === 0 && lane.length > 0 ? lane[0]! : null;
  }

  values(): PendingNotification[] {
    return this.byAge.values();
  }
}
