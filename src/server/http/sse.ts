import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventHub } from '../event-hub.js';
import type { SimEvent } from '../deps.js';

/** What `GET /control/events` sends, one SSE `data:` line each. */
export interface SessionEventMessage {
  call_session_id: number;
  event: SimEvent;
}

/** A client that lets this much pile up unread is dropped, so one slow reader cannot hold the server's memory. */
const MAX_BUFFERED = 4 * 1024 * 1024;

/**
 * Streams every session's timeline events as Server-Sent Events: an initial comment, then
 * `data: {"call_session_id":N,"event":{…}}` per event, and a keep-alive comment every `keepAliveMs`.
 * Returns a function that ends the stream (used at shutdown).
 * @example streamEvents(req, res, hub, 15_000)
 */
export function streamEvents(req: IncomingMessage, res: ServerResponse, hub: EventHub<SessionEventMessage>, keepAliveMs: number): () => void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(': employee-call-sim events: {"call_session_id":N,"event":{...}} per message\n\n');
  const write = (chunk: string) => {
    if (res.writableLength > MAX_BUFFERED) return end();
    res.write(chunk);
  };
  const unsubscribe = hub.subscribe((message) => write(`data: ${JSON.stringify(message)}\n\n`));
  const keepAlive = setInterval(() => write(': keep-alive\n\n'), keepAliveMs);
  keepAlive.unref();
  let ended = false;
  function end(): void {
    if (ended) return;
    ended = true;
    clearInterval(keepAlive);
    unsubscribe();
    res.end();
  }
  req.once('close', end);
  res.once('error', end);
  return end;
}
