import { randomUUID } from 'node:crypto';

export interface NotifierOptions {
  /** Attempts per notification, the first included (default 5). */
  attempts?: number;
  /** Wait before the second attempt; doubles after each failure (default 1000 ms ÷ speed). */
  baseDelayMs?: number;
  /** Time allowed for one attempt (default 5000 ms). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  log?: (line: string) => void;
}

export interface NotifierStats {
  queued: number;
  delivered: number;
  failed: number;
  attempts: number;
}

/**
 * Delivers notifications (webhooks) without ever blocking a call: each is a POST with a JSON body and a
 * unique id (`X-Notification-Id`, also sent as `Idempotency-Key`), retried on a network error, a
 * timeout or a non-2xx answer with exponential back-off, at most `attempts` times, and never again
 * after a 2xx. The notifications of one call to one URL go out in order.
 * @example
 * const notifier = new Notifier({ baseDelayMs: 50 });
 * notifier.send('http://127.0.0.1:9000/hook', { notification_name: 'call_finished' }, 'call-1');
 * await notifier.drain(5000);
 */
export class Notifier {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly pending = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  readonly stats: NotifierStats = { queued: 0, delivered: 0, failed: 0, attempts: 0 };
  private readonly attempts: number;
  private readonly baseDelayMs: number;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;
  private readonly log: (line: string) => void;

  constructor(options: NotifierOptions = {}) {
    this.attempts = options.attempts ?? 5;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.log = options.log ?? (() => {});
  }

  /** Queues one notification; `orderKey` groups those that must go out one after another. */
  send(url: string, body: unknown, orderKey: string): string {
    const id = randomUUID();
    const key = `${url} ${orderKey}`;
    const previous = this.chains.get(key) ?? Promise.resolve();
    const delivery = previous.then(() => this.deliver(id, url, JSON.stringify(body)));
    this.stats.queued++;
    this.chains.set(key, delivery);
    this.pending.add(delivery);
    void delivery.finally(() => {
      this.pending.delete(delivery);
      if (this.chains.get(key) === delivery) this.chains.delete(key);
    });
    return id;
  }

  get inFlight(): number {
    return this.pending.size;
  }

  private async deliver(id: string, url: string, body: string): Promise<void> {
    for (let attempt = 1; attempt <= this.attempts && !this.abort.signal.aborted; attempt++) {
      if (attempt > 1 && !(await this.wait(this.baseDelayMs * 2 ** (attempt - 2)))) break;
      this.stats.attempts++;
      const problem = await this.post(id, url, body, attempt);
      if (problem === null) {
        this.stats.delivered++;
        return;
      }
      this.log(`notification ${id} to ${url}: attempt ${attempt} failed (${problem})`);
    }
    this.stats.failed++;
  }

  /** One attempt: null on a 2xx answer, else what went wrong. Never throws. */
  private async post(id: string, url: string, body: string, attempt: number): Promise<string | null> {
    try {
      const signal = AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.abort.signal]);
      const headers = {
        'content-type': 'application/json; charset=UTF-8',
        'x-notification-id': id,
        'idempotency-key': id,
        'x-notification-attempt': String(attempt),
      };
      const response = await this.fetch(url, { method: 'POST', headers, body, signal });
      await response.arrayBuffer().catch(() => undefined);
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      return (error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).message;
    }
  }

  /** Resolves true after `ms`, or false at once when the notifier is stopped. */
  private wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.abort.signal.aborted) return resolve(false);
      const onAbort = () => {
        clearTimeout(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        this.abort.signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      this.abort.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Waits for every queued notification, at most `deadlineMs`; then gives up on the rest. */
  async drain(deadlineMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs)));
    while (this.pending.size > 0) {
      const settled = await Promise.race([Promise.allSettled([...this.pending]).then(() => true), deadline.then(() => false)]);
      if (!settled) break;
    }
    clearTimeout(timer);
    this.abort.abort();
    await Promise.allSettled([...this.pending]);
  }
}
