import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BUILTIN_ACCOUNTS, type Account, type JsonRpcError, type JsonRpcResponse, type JsonRpcSuccess } from '../../src/server/deps.js';
import { createMockServer, manualDriver, SEED_REQUEST, type MockServer, type MockServerOptions } from '../../src/server/index.js';

export const DEMO: Account = BUILTIN_ACCOUNTS.demo!;
export const TOKEN = SEED_REQUEST.params.access_token as string;
/** What every POST to the control API sends (a state change must say it is JSON). */
export const JSON_HEADERS = { 'content-type': 'application/json' };
/** 2024-03-01 09:00:30 UTC = 12:00:30 in Moscow: 30 s into a minute. */
export const T0 = Date.UTC(2024, 2, 1, 9, 0, 30);

/** A server on a manual driver and a manual wall clock: nothing moves unless the test moves it. */
export function testServer(options: MockServerOptions = {}) {
  const manual = manualDriver();
  const clock = { now: T0 };
  const server = createMockServer({ driver: manual.start, now: () => clock.now, firstCallSessionId: 1000, ...options });
  let seq = 0;
  const call = (method: string, params: Record<string, unknown> = {}, id: string | number = `t${++seq}`) =>
    server.handleRpc(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
  const start = (params: Record<string, unknown> = {}) =>
    call('start.employee_call', { ...SEED_REQUEST.params, ...params }) as JsonRpcSuccess<{ call_session_id: number }>;
  return { server, manual, clock, call, start };
}

export function seedParams(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...structuredClone(SEED_REQUEST.params), ...overrides } as Record<string, unknown>;
}

export function errorOf(response: JsonRpcResponse): JsonRpcError['error'] {
  if (!('error' in response)) throw new Error(`expected an error, got ${JSON.stringify(response)}`);
  return response.error;
}

export function dataOf<T = unknown>(response: JsonRpcResponse): T {
  if ('error' in response) throw new Error(`expected a success, got ${JSON.stringify(response.error)}`);
  return response.result.data as T;
}

export function accountWith(changes: Partial<Account>): Account {
  return { ...DEMO, ...changes };
}

export interface Received {
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

/**
 * A webhook receiver on 127.0.0.1: records every POST; `answer` picks the status of each attempt.
 * `waitFor(n)` resolves once n requests answered 2xx have arrived.
 */
export async function webhookReceiver(answer: (attempt: Received, index: number) => number = () => 200) {
  const all: Received[] = [];
  const accepted: Received[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received = { headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> };
      const status = answer(received, all.length);
      all.push(received);
      if (status < 300) accepted.push(received);
      res.writeHead(status).end();
      for (const w of waiters.filter((w) => accepted.length >= w.count)) w.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    all,
    accepted,
    waitFor: (count: number) =>
      accepted.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function listening(server: MockServer) {
  const { url } = await server.listen(0, '127.0.0.1');
  return url;
}
