/**
 * Benchmark of the mock server (not a test): in one run, side by side under the same load generator
 * (autocannon, 64 connections, the same duration), a `node:http` floor that parses the JSON body and
 * answers fixed JSON, and the mock server starting a live call per request (64 varied valid bodies);
 * then 10 000 long-lived calls in a fresh server for RSS per live call and the cost of list.calls and
 * the control API with thousands live. Each server runs in its own child process (`server-child.ts`).
 * `npm run bench` runs it; `run()` is its entry. Targets are printed beside the measurements.
 */
import { fork, type ChildProcess } from 'node:child_process';
import autocannon, { type Result } from 'autocannon';
import { variedBodies } from './bodies.js';

const CONNECTIONS = 64;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const SPEED = 10;
const LIVE_CALLS = 10_000;

async function child(args: string[], execArgv: string[] = []): Promise<{ process: ChildProcess; first: Record<string, number> }> {
  const proc = fork(new URL('./server-child.js', import.meta.url), args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const first = await new Promise<Record<string, number>>((resolve, reject) => {
    proc.once('message', (message) => resolve(message as Record<string, number>));
    proc.once('exit', (code) => reject(new Error(`bench child ${args[0]} exited with ${code}`)));
  });
  return { process: proc, first };
}

function ask(proc: ChildProcess): Promise<Record<string, number>> {
  return new Promise((resolve) => {
    proc.once('message', (message) => resolve(message as Record<string, number>));
    proc.send({ type: 'stats' });
  });
}

function load(port: number, bodies: string[]): Promise<Result> {
  const headers = { 'content-type': 'application/json; charset=UTF-8' };
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: bodies.map((body) => ({ method: 'POST', path: '/v4.0', headers, body })),
  });
}

async function measureLoad(mode: 'floor' | 'mock', bodies: string[], cache: 'cached' | 'uncached' = 'cached') {
  const server = await child([mode, String(SPEED), cache]);
  await load(server.first.port!, bodies.slice(0, 8)).catch(() => undefined); // warm-up is not measured
  const result = await load(server.first.port!, bodies);
  const stats = await ask(server.process);
  server.process.kill();
  return { result, stats };
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const row = (what: string, target: string, measured: string, ok: boolean | null) => `| ${what} | ${target} | ${measured} | ${ok === null ? '' : ok ? 'ok' : 'MISSED'} |`;

/** `npm run bench`'s entry: the table to print. */
export async function run(): Promise<string[]> {
  const bodies = variedBodies(64);
  const floor = await measureLoad('floor', bodies);
  const mock = await measureLoad('mock', bodies);
  const uncached = await measureLoad('mock', bodies, 'uncached');
  const memoryOf = async (cache: 'cached' | 'uncached') => {
    const memory = await child(['memory', String(LIVE_CALLS), cache], ['--expose-gc']);
    memory.process.kill();
    return memory.first;
  };
  const m = await memoryOf('cached');
  const mu = await memoryOf('uncached');
  const floorRps = floor.result.requests.average;
  const mockRps = mock.result.requests.average;
  const ratio = mockRps / floorRps;
  const uncachedRps = uncached.result.requests.average;
  const perCall = (m: Record<string, number>) => m.rssPerCall!;
  const failures = mock.result.non2xx + mock.result.errors + mock.result.timeouts;
  return [
    `${CONNECTIONS} connections, ${DURATION_S} s each, ${bodies.length} varied valid start.employee_call bodies; the mock at ×${SPEED} with one event subscriber`,
    'cached: the server default, calls with the same parameters share one computed timeline; uncached: every call simulated',
    '',
    '| what | target | measured | |',
    '|---|---|---|---|',
    row('floor: node:http, parse body + fixed JSON', '—', `${Math.round(floorRps)} req/s, p50 ${ms(floor.result.latency.p50)}, p99 ${ms(floor.result.latency.p99)}`, null),
    row('mock: a live call per request (cached)', '≥ 0.06 × floor', `${Math.round(mockRps)} req/s = ${ratio.toFixed(3)} × floor`, ratio >= 0.06),
    row('mock: a live call per request (uncached)', '≥ 0.06 × floor', `${Math.round(uncachedRps)} req/s = ${(uncachedRps / floorRps).toFixed(3)} × floor, p99 ${ms(uncached.result.latency.p99)}`, uncachedRps / floorRps >= 0.06),
    row('mock: latency (cached)', 'p99 ≤ 25 ms', `p50 ${ms(mock.result.latency.p50)}, p99 ${ms(mock.result.latency.p99)}`, mock.result.latency.p99 <= 25),
    row('mock: failed requests (non-2xx, errors, timeouts)', '0', String(failures), failures === 0),
    row('mock: event lag, due → delivered', 'p99 ≤ 20 ms', `p50 ${ms(mock.stats.lagP50!)}, p99 ${ms(mock.stats.lagP99!)} over ${mock.stats.events} events (${mock.stats.live} calls live at the end)`, mock.stats.lagP99! <= 20),
    row(`RSS per live call (5 000 → ${m.live} calls of an hour, cached)`, '≤ 10 KB', `${(perCall(m) / 1024).toFixed(1)} KB (heap ${(m.heapPerCall! / 1024).toFixed(1)} KB)`, perCall(m) <= 10 * 1024),
    row(`RSS per live call (5 000 → ${mu.live} calls of an hour, uncached)`, '≤ 10 KB', `${(perCall(mu) / 1024).toFixed(1)} KB (heap ${(mu.heapPerCall! / 1024).toFixed(1)} KB), ${(mu.rssAfter! / 2 ** 20).toFixed(0)} MB in all`, perCall(mu) <= 10 * 1024),
    row(`RSS with ${m.live} live calls (cached / uncached)`, '< 200 MB', `${(m.rssAfter! / 2 ** 20).toFixed(0)} MB / ${(mu.rssAfter! / 2 ** 20).toFixed(0)} MB`, Math.max(m.rssAfter!, mu.rssAfter!) < 200 * 2 ** 20),
    row('list.calls with 5 000 / 10 000 live', '≤ 50 ms', `${ms(m.listCalls5000!)} / ${ms(m[`listCalls${LIVE_CALLS}`]!)}`, m[`listCalls${LIVE_CALLS}`]! <= 50),
    row('GET /control/sessions?live=true (newest 20) with 5 000 / 10 000 live', '≤ 50 ms', `${ms(m.sessions5000!)} / ${ms(m[`sessions${LIVE_CALLS}`]!)}`, m[`sessions${LIVE_CALLS}`]! <= 50),
    row('GET /control/sessions/:id (a re-run) with 10 000 live', '≤ 50 ms', ms(m[`detail${LIVE_CALLS}`]!), m[`detail${LIVE_CALLS}`]! <= 50),
  ];
}
