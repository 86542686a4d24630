import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/server/deps.js';
import type { MockServerOptions } from '../../src/server/index.js';
import { testServer } from './helpers.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The mock server's listener on an http.Server of the test's own: it sees the server side of every socket. */
async function serveWith(options: MockServerOptions) {
  const t = testServer(options);
  const http: Server = createServer(t.server.listener);
  const serverSockets: Socket[] = [];
  http.on('connection', (socket) => serverSockets.push(socket));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = `127.0.0.1:${(http.address() as AddressInfo).port}`;
  cleanups.push(async () => {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
    await t.server.close();
  });
  /** Resolves once the server has taken the next request (the stream is open by then). */
  const nextRequest = () => new Promise<void>((resolve) => http.once('request', () => resolve()));
  /** A client that asks for the stream and never reads a byte of it; resolves with its server-side socket. */
  const silentSubscriber = async () => {
    const arrived = nextRequest();
    const client = connect((http.address() as AddressInfo).port, '127.0.0.1');
    client.on('error', () => undefined);
    client.pause();
    client.write(`GET /control/events HTTP/1.1\r\nhost: ${address}\r\n\r\n`);
    cleanups.push(() => void client.destroy());
    await arrived;
    return serverSockets.at(-1)!;
  };
  const readingSubscriber = async () => {
    const controller = new AbortController();
    cleanups.push(() => controller.abort());
    const response = await fetch(`http://${address}/control/events`, { signal: controller.signal });
    return { response, reader: response.body!.pipeThrough(new TextDecoderStream()).getReader() };
  };
  return { ...t, address, silentSubscriber, readingSubscriber };
}

const PAD = 'x'.repeat(16 * 1024);
const bigEvent = (n: number) => ({ call_session_id: n, event: { t: n, type: 'session.started', pad: PAD } as unknown as SimEvent });
/** One event-loop turn: the stream writes what the turn gathered. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Publishes 16 KiB events, a turn apart, until `done()` (at most 4000: 64 MiB, far more than any socket buffers). */
async function publishUntil(server: ReturnType<typeof testServer>['server'], done: () => boolean, check: () => void = () => {}) {
  for (let n = 0; n < 4000 && !done(); n++) {
    server.events.publish(bigEvent(n));
    await turn();
    check();
  }
}

describe('the event stream is bounded in memory', () => {
  it('a subscriber that never reads is destroyed once it leaves its budget unread; a reading one keeps receiving', async () => {
    const budget = 256 * 1024;
    const { server, silentSubscriber, readingSubscriber } = await serveWith({ eventStream: { maxSubscriberBytes: budget } });
    const reading = await readingSubscriber();
    const slow = await silentSubscriber();
    let mostBuffered = 0;
    let received = '';
    void (async () => {
      for (let chunk = await reading.reader.read(); !chunk.done; chunk = await reading.reader.read()) received += chunk.value;
    })().catch(() => undefined);
    await publishUntil(server, () => server.eventStream.dropped > 0, () => (mostBuffered = Math.max(mostBuffered, slow.writableLength)));
    expect(server.eventStream.dropped).toBe(1);
    expect(slow.destroyed).toBe(true); // destroy(), not end(): its buffers are freed at once
    expect(mostBuffered).toBeLessThanOrEqual(budget);
    expect(server.eventStream.size).toBe(1);
    server.events.publish({ call_session_id: 424242, event: { t: 0, type: 'session.started' } as unknown as SimEvent });
    while (!received.includes('424242')) await turn();
  });

  it('all subscribers together: past the total budget the one furthest behind goes first', async () => {
    const { server, silentSubscriber } = await serveWith({ eventStream: { maxSubscriberBytes: 64 * 1024 * 1024, maxTotalBytes: 512 * 1024 } });
    const first = await silentSubscriber();
    await publishUntil(server, () => first.writableLength > 128 * 1024);
    const second = await silentSubscriber();
    let mostBuffered = 0;
    await publishUntil(server, () => server.eventStream.dropped > 0, () => (mostBuffered = Math.max(mostBuffered, server.eventStream.bufferedBytes())));
    expect([first.destroyed, second.destroyed]).toEqual([true, false]);
    expect(mostBuffered).toBeLessThanOrEqual(512 * 1024);
  });

  it('past the subscriber cap the next one gets HTTP 503 with a JSON answer; a freed place is taken again', async () => {
    const { server, readingSubscriber, address } = await serveWith({ eventStream: { maxSubscribers: 2 } });
    const one = await readingSubscriber();
    await readingSubscriber();
    const refused = await fetch(`http://${address}/control/events`);
    expect([refused.status, refused.headers.get('content-type'), refused.headers.get('retry-after')]).toEqual([503, 'application/json; charset=utf-8', '5']);
    expect((await refused.json()).error).toContain('too many event-stream subscribers: 2');
    await one.reader.cancel();
    while (server.eventStream.size > 1) await turn(); // the server sees the stream close
    const again = await fetch(`http://${address}/control/events`);
    expect(again.status).toBe(200);
    await again.body!.cancel();
  });

  it('each event is serialised once for all subscribers: one listener on the hub, however many streams', async () => {
    const { server, readingSubscriber } = await serveWith({});
    expect(server.events.size).toBe(0);
    const streams = [await readingSubscriber(), await readingSubscriber(), await readingSubscriber()];
    expect(server.eventStream.size).toBe(3);
    expect(server.events.size).toBe(1);
    server.events.publish(bigEvent(7));
    for (const { reader } of streams) {
      let text = '';
      while (!text.includes('"call_session_id":7')) text += (await reader.read()).value ?? '';
    }
  });
});
