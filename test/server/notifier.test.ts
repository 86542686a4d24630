import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notifier } from '../../src/server/notifications/notifier.js';
import { accountWith, seedParams, testServer } from './helpers.js';

beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => void vi.useRealTimers());

interface Attempt {
  id: string;
  attempt: number;
  at: number;
  body: Record<string, unknown>;
}

/** A receiver behind an injected fetch: `answer` gives each attempt's status, or 'hang' (no answer until aborted). */
function fakeReceiver(answer: (attempt: Attempt) => number | 'hang') {
  const attempts: Attempt[] = [];
  const fakeFetch = ((_url: string, init: RequestInit): Promise<Response> => {
    const headers = init.headers as Record<string, string>;
    const attempt = { id: headers['x-notification-id']!, attempt: Number(headers['x-notification-attempt']), at: Date.now(), body: JSON.parse(String(init.body)) };
    attempts.push(attempt);
    const status = answer(attempt);
    if (status !== 'hang') return Promise.resolve(new Response(null, { status }));
    return new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new Error(String(init.signal!.reason)))));
  }) as typeof globalThis.fetch;
  return { fetch: fakeFetch, attempts };
}

/** A server at --speed 20 notifying a fake receiver; the wall clock is vitest's. */
function server(answer: (attempt: Attempt) => number | 'hang', events?: string[]) {
  const receiver = fakeReceiver(answer);
  const log: string[] = [];
  const account = accountWith({ notifications: [{ url: 'http://receiver.test/hook', ...(events ? { events } : {}) }] });
  const t = testServer({ account, speed: 20, notifications: { fetch: receiver.fetch }, log: (line) => log.push(line) });
  return { ...t, receiver, log, t0: Date.now() };
}

describe('webhook retries run on the wall clock, whatever --speed', () => {
  it('5 attempts: at 0 s, then after 1 s, 2 s, 4 s, 8 s of back-off (speed 20 does not shorten them)', async () => {
    const { start, receiver, log, t0, server: mock } = server(() => 503, ['outbound_call']);
    start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(receiver.attempts.map((a) => [a.attempt, a.at - t0])).toEqual([[1, 0], [2, 1000], [3, 3000], [4, 7000], [5, 15_000]]);
    expect(mock.notifier.stats).toMatchObject({ queued: 1, delivered: 0, failed: 1 });
    expect(log.at(-1)).toBe(`notification ${receiver.attempts[0]!.id} (outbound_call of call 1000) to http://receiver.test/hook dropped after 5 failed attempts`);
  });

  it('a receiver down for 1.5 s at ×20 still gets every notification of the call, once each, in order', async () => {
    const { call, manual, receiver, t0, server: mock } = server((a) => (a.at - t0 < 1500 ? 503 : 204));
    call('start.employee_call', seedParams({ contact: '79000000001' })); // busy: outbound, waiting, lost, finished
    manual.runAll();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(mock.notifier.stats).toMatchObject({ queued: 4, delivered: 4, failed: 0 });
    const delivered = receiver.attempts.filter((a) => a.at - t0 >= 1500);
    expect(delivered.map((a) => a.body.notification_name)).toEqual(['outbound_call', 'waiting_for_answer', 'lost_call', 'call_finished']);
  });

  it('an attempt against a receiver that never answers ends at its 5 s timeout; the retries follow', async () => {
    const { start, receiver, log, t0, server: mock } = server(() => 'hang', ['outbound_call']);
    start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(receiver.attempts.map((a) => a.at - t0)).toEqual([0, 6000, 13_000, 22_000, 35_000]);
    expect(log.filter((line) => line.endsWith('failed (timeout)'))).toHaveLength(5);
    expect(mock.notifier.stats).toMatchObject({ failed: 1 });
    expect(mock.notifier.pending).toBe(0);
  });
});

describe('the notification queue is bounded', () => {
  const hanging = () => fakeReceiver(() => 'hang');

  it('in count: past maxQueued the oldest is dropped, logged by id', () => {
    const log: string[] = [];
    const notifier = new Notifier({ fetch: hanging().fetch, maxQueued: 3, concurrency: 1, log: (line) => log.push(line) });
    const ids = [1, 2, 3, 4, 5].map((n) => notifier.send('http://receiver.test/hook', { n }, `call-${n}`));
    expect(notifier.pending).toBe(3);
    expect(notifier.stats.dropped).toBe(2);
    expect(log).toEqual([expect.stringContaining(`notification ${ids[0]} (call-1)`), expect.stringContaining(`notification ${ids[1]} (call-2)`)]);
    expect(log[0]).toContain('dropped: the queue is full');
  });

  it('in bytes: past maxQueuedBytes of bodies the oldest go', () => {
    const notifier = new Notifier({ fetch: hanging().fetch, maxQueuedBytes: 1000 });
    for (let n = 0; n < 10; n++) notifier.send('http://receiver.test/hook', { pad: 'p'.repeat(400) }, `call-${n}`);
    expect(notifier.pending).toBe(2);
  });

  it('a receiver down for an hour: 30 000 notifications later, at most the default 10 000 wait', () => {
    const notifier = new Notifier({ fetch: hanging().fetch });
    for (let n = 0; n < 30_000; n++) notifier.send('http://receiver.test/hook', { notification_name: 'call_finished', call_session_id: n }, String(n));
    expect(notifier.pending).toBe(10_000);
    expect(notifier.stats.dropped).toBe(20_000);
  });
});

describe('shutdown: delivered within the window, or logged by id as dropped', () => {
  it('what is still undelivered when the window closes is dropped, each one logged with its id', async () => {
    const log: string[] = [];
    const notifier = new Notifier({ fetch: hanging().fetch, log: (line) => log.push(line) });
    const ids = ['a', 'a', 'b', 'c', 'c'].map((lane, n) => notifier.send('http://receiver.test/hook', { n }, lane));
    const drained = notifier.drain(1000);
    await vi.advanceTimersByTimeAsync(1000);
    await drained;
    for (const id of ids) expect(log.filter((line) => line.includes(id) && line.includes('dropped: not delivered within the shutdown window (1000 ms)'))).toHaveLength(1);
    expect(notifier.stats).toMatchObject({ queued: 5, dropped: 5 });
    notifier.send('http://receiver.test/hook', {}, 'late');
    expect(log.at(-1)).toMatch(/dropped: the server has shut down$/);
  });

  it('a notification waiting for its retry is tried at once when shutdown begins', async () => {
    const receiver = fakeReceiver((a) => (a.attempt === 1 ? 503 : 204));
    const notifier = new Notifier({ fetch: receiver.fetch });
    notifier.send('http://receiver.test/hook', { n: 1 }, 'call-1');
    await vi.advanceTimersByTimeAsync(0);
    const drained = notifier.drain(500); // the back-off would wait 1 s
    await vi.advanceTimersByTimeAsync(0);
    await drained;
    expect(notifier.stats).toMatchObject({ delivered: 1, dropped: 0 });
    expect(receiver.attempts.map((a) => a.attempt)).toEqual([1, 2]);
  });

  it('an attempt that fails during shutdown is retried at once, not after its back-off', async () => {
    const receiver = fakeReceiver((a) => (a.attempt < 3 ? 503 : 204));
    const notifier = new Notifier({ fetch: receiver.fetch });
    notifier.send('http://receiver.test/hook', { n: 1 }, 'call-1');
    const drained = notifier.drain(500); // the first attempt is in flight
    await vi.advanceTimersByTimeAsync(0);
    await drained;
    expect(notifier.stats).toMatchObject({ delivered: 1, dropped: 0 });
    expect(receiver.attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
  });

  function hanging() {
    return fakeReceiver(() => 'hang');
  }
});
