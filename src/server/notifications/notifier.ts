import { randomUUID } from 'node:crypto';
import { attemptDelivery } from './attempt.js';
import { LazyFifo } from './lazy-fifo.js';
import { NotificationQueue, type PendingNotification } from './queue.js';

export interface NotifierOptions {
  /** Attempts per notification, the first included (default 5). */
  attempts?: number;
  /** Wall-clock wait before the second attempt, doubling after each failure: 1 s, 2 s, 4 s, 8 s (default 1000 ms, whatever `--speed`). */
  baseDelayMs?: number;
  /** Time allowed for one attempt (default 5000 ms). */
  timeoutMs?: number;
  /** Attempts in flight at once, all receivers together (default 32). */
  concurrency?: number;
  /** Notifications waiting at most (default 10 000); past it the oldest is dropped, with a log line. */
  maxQueued?: number;
  /** Bytes of body waiting at most (default 16 MiB); past it the oldest is dropped, with a log line. */
  maxQueuedBytes?: number;
  fetch?: typeof fetch;
  log?: (line: string) => void;
}

export interface NotifierStats {
  queued: number;
  delivered: number;
  /** Given up after every attempt failed. */
  failed: number;
  /** Pushed out of a full queue, or still undelivered when shutdown's window closed. */
  dropped: number;
  attempts: number;
}

/**
 * Delivers notifications (webhooks) without ever blocking a call: each is a POST with a JSON body and a
 * unique id (`X-Notification-Id`, also `Idempotency-Key`), retried on a network error, a timeout or a
 * non-2xx answer after 1 s, 2 s, 4 s, 8 s of wall-clock time (5 attempts), never again after a 2xx.
 * The notifications of one call to one URL go out in order. The queue is bounded in count and bytes
 * (the oldest goes first, logged by id); at shutdown ({@link Notifier.drain}) waiting retries go at
 * once and whatever is not delivered within the window is logged by id as dropped.
 * @example
 * const notifier = new Notifier({ log: console.error });
 * notifier.send('http://127.0.0.1:9000/hook', { notification_name: 'call_finished' }, 'call-1');
 * await notifier.drain(5000);
 */
export class Notifier {
  readonly stats: NotifierStats = { queued: 0, delivered: 0, failed: 0, dropped: 0, attempts: 0 };
  private readonly queue: NotificationQueue;
  /** Heads of lanes due for an attempt, in the order they became due. */
  private readonly ready = new LazyFifo<PendingNotification>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly idleWaiters: (() => void)[] = [];
  private draining = false;
  private stopped = false;
  private readonly options: Required<Omit<NotifierOptions, 'maxQueued' | 'maxQueuedBytes'>>;

  constructor(options: NotifierOptions = {}) {
    this.options = {
      attempts: options.attempts ?? 5,
      baseDelayMs: options.baseDelayMs ?? 1000,
      timeoutMs: options.timeoutMs ?? 5000,
      concurrency: options.concurrency ?? 32,
      fetch: options.fetch ?? globalThis.fetch,
      log: options.log ?? (() => {}),
    };
    this.queue = new NotificationQueue({ count: options.maxQueued ?? 10_000, bytes: options.maxQueuedBytes ?? 16 * 1024 * 1024 });
  }

  /** Queues one notification; `orderKey` groups those that go out one after another. Returns its id. */
  send(url: string, body: unknown, orderKey: string, label = orderKey): string {
    const id = randomUUID();
    this.stats.queued++;
    if (this.stopped) {
      this.stats.dropped++;
      this.options.log(`notification ${id} (${label}) to ${url} dropped: the server has shut down`);
      return id;
    }
    const text = JSON.stringify(body);
    const pending: PendingNotification = { id, url, body: text, bytes: Buffer.byteLength(text), lane: `${url} ${orderKey}`, label, attemptsMade: 0, controller: null, retryTimer: null, gone: false };
    if (this.queue.add(pending)) this.ready.add(pending);
    for (let oldest = this.queue.overLimit(); oldest; oldest = this.queue.overLimit()) {
      this.drop(oldest, `the queue is full (${this.queue.size} notifications, ${this.queue.totalBytes} bytes waiting); the oldest goes first`);
    }
    this.pump();
    return id;
  }

  /** Notifications not yet delivered, given up on or dropped. */
  get pending(): number {
    return this.queue.size;
  }

  /** Resolves once nothing is pending. */
  idle(): Promise<void> {
    return this.queue.size === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Shutdown: waiting retries go at once; what is not delivered within `deadlineMs` is dropped, each logged by id. */
  async drain(deadlineMs: number): Promise<void> {
    this.draining = true;
    for (const pending of this.queue.values()) {
      if (!pending.retryTimer) continue;
      clearTimeout(pending.retryTimer);
      pending.retryTimer = null;
      this.ready.add(pending);
    }
    this.pump();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.idle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs)))]);
    clearTimeout(timer);
    this.stopped = true;
    for (const pending of this.queue.values()) this.drop(pending, `not delivered within the shutdown window (${deadlineMs} ms)`);
    await Promise.allSettled([...this.inFlight]);
  }

  private pump(): void {
    while (!this.stopped && this.inFlight.size < this.options.concurrency && this.ready.size > 0) {
      const pending = this.ready.shift()!;
      const attempt = this.attempt(pending);
      this.inFlight.add(attempt);
      void attempt.finally(() => {
        this.inFlight.delete(attempt);
        this.pump();
      });
    }
    if (this.queue.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async attempt(pending: PendingNotification): Promise<void> {
    const { id, url, body } = pending;
    pending.attemptsMade++;
    this.stats.attempts++;
    pending.controller = new AbortController();
    const { timeoutMs, fetch, log } = this.options;
    const problem = await attemptDelivery({ id, url, body, attempt: pending.attemptsMade, timeoutMs, controller: pending.controller, fetch });
    pending.controller = null;
    if (pending.gone) return;
    if (problem !== null) log(`notification ${id} (${pending.label}) to ${url}: attempt ${pending.attemptsMade} failed (${problem})`);
    this.settle(pending, problem);
  }

  /** After an attempt: delivered, given up on, or waiting for its retry. */
  private settle(pending: PendingNotification, problem: string | null): void {
    if (problem === null) {
      this.stats.delivered++;
      return this.finish(pending);
    }
    if (pending.attemptsMade >= this.options.attempts) {
      this.stats.failed++;
      this.options.log(`notification ${pending.id} (${pending.label}) to ${pending.url} dropped after ${pending.attemptsMade} failed attempts`);
      return this.finish(pending);
    }
    if (this.draining) return void this.ready.add(pending);
    const delay = this.options.baseDelayMs * 2 ** (pending.attemptsMade - 1);
    pending.retryTimer = setTimeout(() => {
      pending.retryTimer = null;
      this.ready.add(pending);
      this.pump();
    }, delay);
  }

  private finish(pending: PendingNotification): void {
    pending.gone = true;
    this.ready.delete(pending);
    const next = this.queue.remove(pending);
    if (next) this.ready.add(next);
  }

  private drop(pending: PendingNotification, why: string): void {
    this.stats.dropped++;
    if (pending.retryTimer) clearTimeout(pending.retryTimer);
    pending.retryTimer = null;
    pending.controller?.abort('dropped');
    this.options.log(`notification ${pending.id} (${pending.label}) to ${pending.url} dropped: ${why}`);
    this.finish(pending);
  }
}
