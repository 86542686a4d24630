/**
 * Benchmark of the mock server (not a test): N concurrent `start.employee_call` sessions at --speed 20,
 * each notifying a webhook receiver on 127.0.0.1. Prints calls/s, whether every call finished, and
 * whether every notification arrived exactly once. `npm run bench` runs it; `run()` is its entry.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BUILTIN_ACCOUNTS } from '../src/index.js';
import { createMockServer, manualDriver, SEED_REQUEST } from '../src/server/index.js';

export interface ServerBenchResult {
  sessions: number;
  speed: number;
  accepted: number;
  callsPerSecond: number;
  finished: number;
  finishedInMs: number;
  notificationsExpected: number;
  notificationsReceived: number;
  duplicates: number;
  ok: boolean;
}

/** Seed calls (default world) notify 5 times: outbound_call, waiting_for_answer, talk_started, talk_finished, call_finished. */
const NOTIFICATIONS_PER_CALL = 5;

async function receiver() {
  const seen = new Map<string, number>();
  let onChange = () => {};
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['x-notification-id']);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      res.writeHead(204).end();
      onChange();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    seen,
    until: (count: number) => new Promise<void>((resolve) => (onChange = () => (seen.size >= count ? resolve() : undefined))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Warms the JIT up (validation, machines, HTTP stack) so that the numbers measure the steady state. */
async function warmUp(): Promise<void> {
  const manual = manualDriver();
  const server = createMockServer({ driver: manual.start, firstCallSessionId: 1 });
  const { url } = await server.listen(0, '127.0.0.1');
  const body = JSON.stringify(SEED_REQUEST);
  for (let i = 0; i < 200; i++) server.handleRpc(body);
  manual.runAll();
  const post = () => fetch(`${url}/v4.0`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.json());
  await Promise.all(Array.from({ length: 200 }, post));
  await server.close();
}

/** One measured run: `sessions` concurrent calls (default $BENCH_SESSIONS or 500) at `speed` (default 20). */
export async function measure(options: { sessions?: number; speed?: number } = {}): Promise<ServerBenchResult & { line: string }> {
  const sessions = options.sessions ?? Number(process.env.BENCH_SESSIONS ?? 500);
  const speed = options.speed ?? 20;
  await warmUp();
  const hooks = await receiver();
  const account = { ...BUILTIN_ACCOUNTS.demo!, notifications: [{ url: hooks.url }], limits: { minute_limit: 1_000_000, day_limit: 1_000_000 } };
  const server = createMockServer({ account, speed, firstCallSessionId: 1 });
  const { url } = await server.listen(0, '127.0.0.1');
  let finished = 0;
  let allFinished = () => {};
  const finishedAll = new Promise<void>((resolve) => (allFinished = resolve));
  server.events.subscribe(({ event }) => {
    if (event.type === 'session.ended' && ++finished === sessions) allFinished();
  });
  const notified = hooks.until(sessions * NOTIFICATIONS_PER_CALL);

  const began = performance.now();
  const answers = await Promise.all(
    Array.from({ length: sessions }, (_, i) => {
      const body = JSON.stringify({ ...SEED_REQUEST, id: i, params: { ...SEED_REQUEST.params, external_id: `bench-${i}` } });
      return fetch(`${url}/v4.0`, { method: 'POST', headers: { 'content-type': 'application/json; charset=UTF-8' }, body }).then((r) => r.json());
    }),
  );
  const acceptedInMs = performance.now() - began;
  const accepted = answers.filter((a) => (a as { result?: unknown }).result).length;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all([finishedAll, notified]), new Promise((resolve) => (timer = setTimeout(resolve, 60_000)))]);
  clearTimeout(timer);
  const finishedInMs = performance.now() - began;
  await server.close();
  await hooks.close();

  const received = [...hooks.seen.values()].reduce((a, b) => a + b, 0);
  const result: ServerBenchResult = {
    sessions,
    speed,
    accepted,
    callsPerSecond: Math.round(accepted / (acceptedInMs / 1000)),
    finished,
    finishedInMs: Math.round(finishedInMs),
    notificationsExpected: sessions * NOTIFICATIONS_PER_CALL,
    notificationsReceived: hooks.seen.size,
    duplicates: received - hooks.seen.size,
    ok: false,
  };
  result.ok = accepted === sessions && finished === sessions && result.notificationsReceived === result.notificationsExpected && result.duplicates === 0;
  const line =
    `mock server: ${sessions} concurrent sessions at ×${speed}: accepted ${accepted} in ${Math.round(acceptedInMs)} ms (${result.callsPerSecond} calls/s); ` +
    `${finished}/${sessions} finished in ${(finishedInMs / 1000).toFixed(2)} s (each 71.45 s simulated = ${(71.45 / speed).toFixed(2)} s); ` +
    `notifications ${result.notificationsReceived}/${result.notificationsExpected} received, ${result.duplicates} duplicates → ${result.ok ? 'OK' : 'FAILED'}`;
  return { ...result, line };
}

/** `npm run bench`'s entry: the lines to print; a failed check sets a non-zero exit code. */
export async function run(): Promise<string[]> {
  const result = await measure();
  if (!result.ok) process.exitCode = 1;
  return [result.line];
}
