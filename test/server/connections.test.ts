import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN, listening, testServer } from './helpers.js';
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
    expect(server.connections!.stats).toEqual({ refused: 0, idleClosed: 1 });
    const closed = idle[0]!;
    if (!closed.closed) await new Promise((resolve) => closed.once('close', resolve)); // the oldest idle one
    expect(idle.map((s) => s.closed)).toEqual([true, false, false]);
  });
});
