import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventHub } from '../event-hub.js';
import type { SimEvent } from '../deps.js';
import { controlError, type Reply } from './reply.js';

/** What `GET /control/events` sends, one SSE `data:` line each. */
export interface SessionEventMessage {
  call_session_id: number;
  event: SimEvent;
}

/** The event stream's budgets (documented in docs/server.md, "The event stream"). */
export interface EventStreamLimits {
  /** Subscribers at once; the next one gets HTTP 503 (default 64). */
  maxSubscribers: number;
  /** Bytes one subscriber may leave unread before it is disconnected (default 1 MiB). */
  maxSubscriberBytes: number;
  /** Bytes all subscribers together may leave unread; past it the one furthest behind goes (default 32 MiB). */
  maxTotalBytes: number;
  /** Interval of the `: keep-alive` comment (default 15 s). */
  keepAliveMs: number;
}

export const EVENT_STREAM_DEFAULTS: EventStreamLimits = {
  maxSubscribers: 64,
  maxSubscriberBytes: 1024 * 1024,
  maxTotalBytes: 32 * 1024 * 1024,
  keepAliveMs: 15_000,
};

/** Events gathered in one turn of the event loop are written together; a burst this large is written at once. */
const FLUSH_AT_BYTES = 64 * 1024;
const HELLO = ': employee-call-sim events: {"call_session_id":N,"event":{...}} per message\n\n';

/**
 * `GET /control/events` for every subscriber at once. Each event is serialised once, gathered with the
 * others of the same event-loop turn into one buffer, and that buffer is written to every subscriber.
 * What a subscriber leaves unread is `res.writableLength` (Node's buffers, the socket's included) plus
 * the gathered batch: past `maxSubscriberBytes` it is disconnected with `destroy()` (which frees the
 * buffers; `end()` would keep them until a reader that never reads reads). Past `maxTotalBytes` for all
 * together, the one furthest behind goes first. Past `maxSubscribers`, a new one gets HTTP 503.
 * @example
 * const stream = new EventStream(hub, EVENT_STREAM_DEFAULTS, console.error);
 * const refused = stream.open(req, res); if (refused) writeReply(res, refused);
 */
export class EventStream {
  private readonly subscribers = new Set<ServerResponse>();
  private batch: string[] = [];
  private batchBytes = 0;
  private flushing: NodeJS.Immediate | null = null;
  private unsubscribe: (() => void) | null = null;
  private keepAlive: NodeJS.Timeout | null = null;
  /** Subscribers disconnected for reading too slowly. */
  dropped = 0;

  constructor(
    private readonly hub: EventHub<SessionEventMessage>,
    private readonly limits: EventStreamLimits,
    private readonly log: (line: string) => void = () => {},
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  /** Bytes written to subscribers and not yet read by them, plus the batch about to be written. */
  bufferedBytes(): number {
    let sum = 0;
    for (const res of this.subscribers) sum += res.writableLength + this.batchBytes;
    return sum;
  }

  /** Takes the response over as a stream; or, when the subscribers are at their cap, the 503 to answer. */
  open(req: IncomingMessage, res: ServerResponse, headers: Record<string, string> = {}): Reply | null {
    if (this.subscribers.size >= this.limits.maxSubscribers) {
      const message = `too many event-stream subscribers: ${this.limits.maxSubscribers} are connected, the limit (MockServerOptions.eventStream.maxSubscribers); close one and retry`;
      return controlError(503, message, { ...headers, 'retry-after': '5' });
    }
    res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(HELLO);
    this.subscribers.add(res);
    if (this.subscribers.size === 1) this.start();
    const leave = () => this.leave(res);
    req.once('close', leave);
    res.once('close', leave);
    res.once('error', leave);
    return null;
  }

  /** Shutdown: every stream ends after what it already has. */
  endAll(): void {
    this.flush();
    for (const res of [...this.subscribers]) {
      this.leave(res);
      res.end();
    }
  }

  private start(): void {
    this.unsubscribe = this.hub.subscribe((message) => this.enqueue(`data: ${JSON.stringify(message)}\n\n`));
    this.keepAlive = setInterval(() => this.enqueue(': keep-alive\n\n'), this.limits.keepAliveMs);
    this.keepAlive.unref();
  }

  private leave(res: ServerResponse): void {
    if (!this.subscribers.delete(res) || this.subscribers.size > 0) return;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.keepAlive) clearInterval(this.keepAlive);
    this.keepAlive = null;
  }

  private enqueue(chunk: string): void {
    this.batch.push(chunk);
    this.batchBytes += Buffer.byteLength(chunk);
    if (this.batchBytes >= FLUSH_AT_BYTES) return this.flush();
    this.flushing ??= setImmediate(() => this.flush());
  }

  private flush(): void {
    if (this.flushing) clearImmediate(this.flushing);
    this.flushing = null;
    if (this.batch.length === 0) return;
    const chunk = Buffer.from(this.batch.join(''));
    this.batch = [];
    this.batchBytes = 0;
    for (const res of this.subscribers) {
      if (res.writableLength + chunk.byteLength > this.limits.maxSubscriberBytes) this.drop(res, 'its own');
      else res.write(chunk);
    }
    let total = this.bufferedBytes();
    while (total > this.limits.maxTotalBytes && this.subscribers.size > 0) {
      const furthestBehind = [...this.subscribers].reduce((a, b) => (b.writableLength > a.writableLength ? b : a));
      total -= furthestBehind.writableLength;
      this.drop(furthestBehind, 'the all-subscribers');
    }
  }

  private drop(res: ServerResponse, budget: string): void {
    const unread = res.writableLength;
    const peer = `${res.socket?.remoteAddress ?? '?'}:${res.socket?.remotePort ?? '?'}`;
    this.leave(res);
    this.dropped++;
    res.destroy();
    this.log(`event stream: disconnected ${peer}, a subscriber that left ${unread} bytes unread (over ${budget} budget)`);
  }
}
