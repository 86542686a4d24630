import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN, listening, testServer } from './helpers.js';
import { capConnections, MAX_PIPELINED } from '../../src/server/http/connection-cap.js';
import { postHead, rawExchange } from './raw-http.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function up(maxConnections: number) {
  const t = testServer({ maxConnections });
  const url = await listening(t.server);
  cleanups.push(() => t.server.close());
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  /** Resolves once the server counts `n` open connections. */
  const openCount = async (n: number) => {
    while (t.server.connections!.open !== n) await turn();
  };
  const keep = (socket: Socket) => cleanups.push(() => void socket.destroy());
  return { ...t, url, openCount, keep };
}

const LIST = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'list.calls', params: { access_token: TOKEN } });

describe('a cap on open connections (--max-connections)', () => {
  it('past the cap, with every connection busy, a new one gets an immediate HTTP 503 with a JSON body and is closed', async () => {
    const { url, openCount, keep, server } = await up(3);
    for (let i = 0; i < 3; i++) keep(rawExchange(url, [postHead('/v4.0', { 'content-length': 100 }), '{"jsonrpc"']).socket); // bodies still coming
    await openCount(3);
    const refused = await rawExchange(url, [postHead('/v4.0', { 'content-length': Buffer.byteLength(LIST) }), LIST]).response; // resolves when the server closes it
    expect(refused.status).toBe(503);
    expect(refused.head.toLowerCase()).toContain('retry-after: 1');
    expect(refused.head.toLowerCase()).toContain('x-error-detail: too many connections: 3 are open');
    expect(JSON.parse(refused.body)).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32603, data: { mnemonic: 'internal_error' } } });
    expect(server.connections!.stats.refused).toBe(1);
    expect(server.journal.entries()).toHaveLength(0);
  });

  it('idle keep-alive connections are closed first, to make room for a new one', async () => {
    const { url, openCount, keep, server } = await up(3);
    const idle = await Promise.all(
      [1, 2, 3].map(async () => {
        const exchange = rawExchange(url, [postHead('/v4.0', { 'content-length': Buffer.byteLength(LIST) }), LIST], { untilText: 'minute_reset' });
        keep(exchange.socket);
        expect((await exchange.response).status).toBe(200);
        return exchange.socket;
      }),
    );
    await openCount(3);
    const fresh = rawExchange(url, [postHead('/v4.0', { 'content-length': Buffer.byteLength(LIST), connection: 'close' }), LIST]);
    expect((await fresh.response).status).toBe(200);
    expect(server.connections!.stats).toEqual({ refused: 0, idleClosed: 1, slowClosed: 0, pipelineClosed: 0 });
    const closed = idle[0]!;
    if (!closed.closed) await new Promise((resolve) => closed.once('close', resolve)); // the oldest idle one
    expect(idle.map((s) => s.closed)).toEqual([true, false, false]);
  });
});

describe('one client cannot hold what others need', () => {
  it('a connection that sends request after request without reading the answers is closed at the fifth', async () => {
    const { url, server } = await up(10);
    const get = 'GET /control/magic-numbers HTTP/1.1\r\nhost: {host}\r\n\r\n';
    const flood = await rawExchange(url, [get.repeat(50)]).response; // one chunk: 50 requests parsed at once
    const answered = flood.raw.split('HTTP/1.1 200').length - 1;
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThanOrEqual(MAX_PIPELINED);
    expect(server.connections!.stats.pipelineClosed).toBe(1);
    // A client that waits for each answer is served as long as it likes on one connection.
    const polite = rawExchange(url, [get], { untilText: '"contact"' });
    expect((await polite.response).status).toBe(200);
    for (let i = 0; i < 2 * MAX_PIPELINED; i++) {
      const next = new Promise<string>((resolve) => polite.socket.once('data', (d) => resolve(String(d))));
      polite.socket.write(get.replace('{host}', new URL(url).host));
      expect(await next).toMatch(/^HTTP\/1\.1 200/);
    }
    polite.socket.destroy();
    expect(server.connections!.stats.pipelineClosed).toBe(1);
  });

  it('at the cap, a connection that has not completed a request within a second of opening makes room', async () => {
    let clock = 0;
    const http = createServer((_req, res) => res.end('ok'));
    const cap = capConnections(http, 2, () => undefined, () => clock);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => (http.closeAllConnections(), http.close(() => resolve()))));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const trickling = [0, 1].map(() => rawExchange(url, ['GET / HTTP/1.1\r\nhost: x\r\n'])); // headers never end
    while (cap.open !== 2) await new Promise((resolve) => setImmediate(resolve));
    // Within the second: the slots are theirs, a newcomer is refused.
    expect((await rawExchange(url, ['GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n']).response).status).toBe(503);
    clock = 1000;
    const served = await rawExchange(url, ['GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n']).response;
    expect([served.status, served.body]).toEqual([200, 'ok']);
    expect(cap.stats).toMatchObject({ refused: 1, slowClosed: 1 });
    await trickling[0]!.response; // the oldest was closed
    expect(trickling.map((t) => t.socket.destroyed || t.socket.readableEnded)).toEqual([true, false]);
  });
});

describe('requests Node would answer without a JSON-RPC body', () => {
  it.each([
    ['CONNECT', 405, 'CONNECT 127.0.0.1:1 HTTP/1.1\r\nhost: 127.0.0.1:1\r\n\r\n'],
    ['an Expect other than 100-continue', 417, 'POST /v4.0 HTTP/1.1\r\nhost: {host}\r\nexpect: 200-ok\r\ncontent-length: 2\r\n\r\n{}'],
  ])('%s → HTTP %s with a JSON-RPC invalid_request', async (_, status, request) => {
    const { url } = await up(10);
    const answer = await rawExchange(url, [request]).response;
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.body)).toMatchObject({ jsonrpc: '2.0', id: null, error: { data: { mnemonic: 'invalid_request' } } });
  });

  it('no Host header (HTTP/1.0 style) → answered by the route', async () => {
    const { url } = await up(10);
    const body = LIST;
    const answer = await rawExchange(url, [`POST /v4.0 HTTP/1.1\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`]).response;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ jsonrpc: '2.0', id: 1, result: { data: [] } });
  });
});
