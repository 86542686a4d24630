/**
 * The servers the server benchmark measures, each in its own process so that the numbers are the
 * server's own: `floor` (node:http that parses the JSON body and answers fixed JSON), `mock` (the mock
 * server, measuring each event's lag from due to delivered), `memory` (10 000 long-lived calls in
 * process: RSS per live call, and what list.calls and the control API cost with thousands live).
 * Talks to the parent over IPC: `{ port }` when listening, then answers `{ type: 'stats' }`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BUILTIN_ACCOUNTS, World, type Account } from '../src/index.js';
import { createMockServer, SEED_REQUEST } from '../src/server/index.js';

const ONE_MIB = 1024 * 1024;
import { variedBodies } from './bodies.js';

const mode = process.argv[2];
const speed = Number(process.argv[3] ?? 10);
/** `uncached`: every call's timeline computed by its own simulation (the server's timeline cache off). */
const timelineCache = process.argv[4] !== 'uncached';
const account: Account = { ...BUILTIN_ACCOUNTS.demo!, limits: { minute_limit: 1e9, day_limit: 1e9 } };
const send = (message: unknown) => process.send!(message);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

function floor(): void {
  const answer = JSON.stringify({ jsonrpc: '2.0', id: 1, result: { data: { call_session_id: 1 } } });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
  server.listen(0, '127.0.0.1', () => send({ port: (server.address() as AddressInfo).port }));
  process.on('message', () => send({}));
}

async function mock(): Promise<void> {
  const server = createMockServer({ account, speed, timelineCache });
  const startedAt = new Map<number, number>();
  const lags: number[] = [];
  // One subscriber, serialising each event as an SSE stream would: per-event work that a listener costs.
  server.events.subscribe((message) => {
    JSON.stringify(message);
    const now = performance.now();
    const { call_session_id: id, event } = message;
    if (event.type === 'session.started') startedAt.set(id, now);
    else if (startedAt.has(id) && lags.length < 5_000_000) lags.push(now - (startedAt.get(id)! + event.t / speed));
    if (event.type === 'session.ended') startedAt.delete(id);
  });
  const { port } = await server.listen(0, '127.0.0.1');
  send({ port });
  process.on('message', () => {
    const sorted = lags.sort((a, b) => a - b);
    send({ events: sorted.length, lagP50: percentile(sorted, 50), lagP99: percentile(sorted, 99), live: server.sessions.live.size, rss: process.memoryUsage().rss });
  });
}

/** The best of a few timings (the first warms the code up): what one request costs, not the JIT's first pass. */
function bestOf(fn: () => unknown, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    fn();
    best = Math.min(best, performance.now() - began);
  }
  return best;
}

function memory(calls: number): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const longWorld = World.parse({ employee: { answer_after: '3s' }, contact: { answer_after: '3s', hangup_after: '3600s' } });
  // The journal is a buffer of its own (default: the last 10 000 requests), not a cost of live calls: kept
  // small here, so that what is measured per call is the call.
  const server = createMockServer({ account, world: longWorld, speed: 1, timelineCache, journal: { entries: 100, bytes: ONE_MIB } });
  const bodies = variedBodies(64).filter((body) => !body.includes('"contact":"7900000'));
  const listCalls = JSON.stringify({ jsonrpc: '2.0', id: 'l', method: 'list.calls', params: { access_token: SEED_REQUEST.params.access_token } });
  for (let i = 0; i < 300; i++) server.handleRpc(bodies[i % bodies.length]!); // warm-up, then forgotten
  server.handle({ method: 'POST', url: '/control/reset', headers: { 'content-type': 'application/json' } });
  gc();
  const before = process.memoryUsage();
  const costs: Record<string, number> = {};
  const at: Record<number, NodeJS.MemoryUsage> = {};
  for (let i = 1; i <= calls; i++) {
    server.handleRpc(bodies[i % bodies.length]!);
    if (i === calls / 2 || i === calls) {
      costs[`listCalls${i}`] = bestOf(() => server.handle({ method: 'POST', url: '/v4.0', headers: { 'content-type': 'application/json' }, body: listCalls }));
      costs[`sessions${i}`] = bestOf(() => server.handle({ method: 'GET', url: '/control/sessions?live=true' }));
      costs[`detail${i}`] = bestOf(() => server.handle({ method: 'GET', url: `/control/sessions/${[...server.sessions.live.keys()][0]}` }));
      gc();
      at[i] = process.memoryUsage();
    }
  }
  const half = at[calls / 2]!;
  const after = at[calls]!;
  send({
    live: server.sessions.live.size,
    rssBefore: before.rss,
    rssAfter: after.rss,
    heapBefore: before.heapUsed,
    heapAfter: after.heapUsed,
    // What the second half of the calls added: the cost of one more live call, without the heap's fixed growth.
    rssPerCall: (after.rss - half.rss) / (calls - calls / 2),
    heapPerCall: (after.heapUsed - half.heapUsed) / (calls - calls / 2),
    heapTotalPerCall: (after.heapTotal - half.heapTotal) / (calls - calls / 2),
    externalPerCall: (after.external - half.external) / (calls - calls / 2),
    ...costs,
  });
  process.on('message', () => undefined);
}

if (mode === 'floor') floor();
else if (mode === 'mock') await mock();
else if (mode === 'memory') memory(Number(process.argv[3] ?? 10_000)); // argv[3]: the number of calls
else throw new Error(`unknown mode ${mode}`);
