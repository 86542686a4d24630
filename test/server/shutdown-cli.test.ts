import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServeArgs, serve } from '../../src/cli/serve.js';
import { UsageError } from '../../src/cli/io.js';
import { SEED_BODY } from '../../src/server/deps.js';
import { manualDriver, SEED_REQUEST } from '../../src/server/index.js';
import { accountWith, listening, testServer, webhookReceiver } from './helpers.js';
import { postHead, rawExchange } from './raw-http.js';

describe('graceful shutdown', () => {
  it('close(): stops accepting, releases live calls, delivers their notifications first', async () => {
    const receiver = await webhookReceiver();
    const { server, start } = testServer({ account: accountWith({ notifications: [{ url: receiver.url, events: ['call_finished'] }] }) });
    const url = await listening(server);
    start();
    expect(server.sessions.live.size).toBe(1);
    await server.close();
    expect(server.sessions.live.size).toBe(0);
    expect(server.sessions.reports[0]).toMatchObject({ call_session_id: 1000, is_lost: true });
    expect(receiver.accepted.map((r) => r.body.notification_name)).toEqual(['call_finished']);
    await expect(fetch(`${url}/v4.0`, { method: 'POST', body: '{}' })).rejects.toThrow();
    await receiver.close();
  });

  it('a receiver that never answers does not hold shutdown past its deadline', async () => {
    const hanging = createServer(() => undefined);
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    const hook = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`;
    const { server, start } = testServer({ account: accountWith({ notifications: [{ url: hook }] }), shutdownDeadlineMs: 100 });
    await listening(server);
    start();
    const began = performance.now();
    await server.close();
    expect(performance.now() - began).toBeLessThan(3000);
    expect(server.notifier.pending).toBe(0);
    hanging.closeAllConnections();
    await new Promise((r) => hanging.close(r));
  });

  it('a request arriving during shutdown → HTTP 503, Retry-After and a JSON-RPC internal_error with its id', async () => {
    const { server } = testServer();
    const http = createServer(server.listener);
    const arrived = new Promise<void>((resolve) => http.once('request', () => resolve()));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const body = JSON.stringify(SEED_REQUEST);
    const exchange = rawExchange(url, [postHead('/v4.0', { 'content-length': Buffer.byteLength(body), connection: 'close' }), body.slice(0, 10)]);
    await arrived; // the request is in, its body still coming
    const closed = server.close();
    exchange.socket.write(body.slice(10));
    const answer = await exchange.response;
    expect(answer.status).toBe(503);
    expect(answer.head.toLowerCase()).toContain('retry-after: 5');
    expect(JSON.parse(answer.body)).toMatchObject({ jsonrpc: '2.0', id: 'req1', error: { code: -32603, message: 'Internal error, contact the support service', data: { mnemonic: 'internal_error' } } });
    expect(server.sessions.live.size).toBe(0);
    await closed;
    await new Promise((r) => http.close(r));
  });
});

/** A CliIo that records; `printed(text)` resolves once the output holds `text`. */
function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const waiters: { text: string; resolve: () => void }[] = [];
  const write = (t: string) => {
    out.push(t);
    for (const w of waiters) if (out.join('').includes(w.text)) w.resolve();
  };
  const printed = (text: string) => new Promise<void>((resolve) => (out.join('').includes(text) ? resolve() : waiters.push({ text, resolve })));
  return { io: { readStdin: async () => Buffer.alloc(0), out: write, err: (t: string) => void err.push(t) }, out, err, printed };
}

describe('employee-call-sim serve', () => {
  it('prints the endpoint, the analysts\u2019 page and a curl line with the seed request; the abort signal stops it with exit 0', async () => {
    const { io, out, printed } = capture();
    const controller = new AbortController();
    const running = serve(['--port', '0', '--speed', '20'], io, controller.signal);
    await printed('curl');
    const text = out.join('');
    const endpoint = /endpoint:\s+(\S+)/.exec(text)![1]!;
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v4\.0$/);
    expect(text).toMatch(/analysts' page:\s+http:\/\/127\.0\.0\.1:\d+\/inspector\//);
    const body = /--data-binary '(.*)'$/m.exec(text)![1]!;
    expect(JSON.parse(body)).toEqual(JSON.parse(SEED_BODY)); // the seed page's example (test/seed-example.test.ts)
    const answer = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json; charset=UTF-8' }, body });
    expect(await answer.json()).toMatchObject({ id: 'req1', result: { data: { call_session_id: expect.any(Number) } } });
    controller.abort();
    expect(await running).toBe(0);
  });

  it('--world FILE is the default world', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'world-'));
    writeFileSync(join(dir, 'busy.yaml'), 'contact:\n  outcome: busy\n');
    const manual = manualDriver();
    const { io, out, printed } = capture();
    const controller = new AbortController();
    const running = serve(['--port', '0', '--world', join(dir, 'busy.yaml')], io, controller.signal, { driver: manual.start });
    await printed('curl');
    const endpoint = /endpoint:\s+(\S+)/.exec(out.join(''))![1]!;
    await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(SEED_REQUEST) });
    manual.runAll();
    const reports = await (await fetch(endpoint.replace('/v4.0', '/control/reports'))).json();
    expect(reports.items[0].finish_reason).toBe('subscriber_busy');
    controller.abort();
    await running;
  });

  it('a bad --world file → exit 2 naming the file, the path and what was expected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'world-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'contact:\n  outcome: bussy\nemployee: {}\n');
    const { io, err } = capture();
    expect(await serve(['--port', '0', '--world', file], io, new AbortController().signal)).toBe(2);
    expect(err.join('')).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, at contact\\.outcome: .*busy`));
  });

  it('a missing --world file → exit 2', async () => {
    const { io, err } = capture();
    expect(await serve(['--world', '/nonexistent/world.yaml'], io, new AbortController().signal)).toBe(2);
    expect(err.join('')).toContain('/nonexistent/world.yaml');
  });

  it('arguments: port from --port, else $PORT, else 8080; bad values are usage errors', () => {
    expect(parseServeArgs([], {})).toEqual({ port: 8080, host: '127.0.0.1', speed: 1, account: 'demo', world: null, allowOrigins: [], allowHosts: [], maxConnections: 512 });
    expect(parseServeArgs([], { PORT: '9000' }).port).toBe(9000);
    expect(parseServeArgs(['--port', '7000', '--host', '0.0.0.0', '--speed', '20'], { PORT: '9000' })).toMatchObject({ port: 7000, host: '0.0.0.0', speed: 20 });
    expect(() => parseServeArgs(['--port', 'http'], {})).toThrow(UsageError);
    expect(() => parseServeArgs(['--speed', '0'], {})).toThrow(UsageError);
    expect(() => parseServeArgs(['--colour'], {})).toThrow(UsageError);
  });

  it('--allow-origin URL and --allow-host NAME repeat; --max-connections N', () => {
    const args = ['--allow-origin', 'http://localhost:5173/app/', '--allow-origin', 'https://crm.example', '--allow-host', 'ci-runner', '--allow-host', 'mock.lan:9000', '--max-connections', '64'];
    expect(parseServeArgs(args, {})).toMatchObject({ allowOrigins: ['http://localhost:5173', 'https://crm.example'], allowHosts: ['ci-runner', 'mock.lan:9000'], maxConnections: 64 });
    expect(() => parseServeArgs(['--allow-origin', 'crm.example'], {})).toThrow(/--allow-origin: expected an origin/);
    expect(() => parseServeArgs(['--max-connections', '0'], {})).toThrow(UsageError);
  });
});
