import { afterEach, describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '../../src/server/index.js';
import { accountWith, seedParams, testServer, webhookReceiver } from './helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(answer?: Parameters<typeof webhookReceiver>[0], events?: string[], attempts = 5) {
  const receiver = await webhookReceiver(answer);
  const account = accountWith({ notifications: [{ url: receiver.url, ...(events ? { events } : {}) }] });
  const t = testServer({ account, notifications: { baseDelayMs: 5, attempts, timeoutMs: 2000 } });
  cleanups.push(async () => {
    await t.server.close();
    await receiver.close();
  });
  return { ...t, receiver };
}

describe('notifications (webhooks)', () => {
  it('a call with a talk: outbound_call, waiting_for_answer, talk_started, talk_finished, call_finished — in order, with the platform variables', async () => {
    const { start, manual, receiver } = await setup();
    start();
    manual.runAll();
    await receiver.waitFor(5);
    expect(receiver.accepted.map((r) => r.body.notification_name)).toEqual(['outbound_call', 'waiting_for_answer', 'talk_started', 'talk_finished', 'call_finished']);
    expect(receiver.accepted.at(-1)!.body).toEqual({
      notification_name: 'call_finished',
      notification_time: '2024-03-01 12:00:30.000',
      call_session_id: 1000,
      external_id: '334otr01',
      virtual_phone_number: '74993720692',
      contact_phone_number: '79260000000',
      employee_id: 25,
      employee_full_name: 'Анна Сотрудникова',
      employee_phone_number: '79260000001',
      direction: 'in',
      talk_time_duration: 60,
      total_time_duration: 71,
      wait_time_duration: 11,
      call_source: 'callapi',
    });
    expect(receiver.accepted[0]!.headers['content-type']).toBe('application/json; charset=UTF-8');
  });

  it('a call without a talk: lost_call then call_finished', async () => {
    const { call, manual, receiver } = await setup();
    call('start.employee_call', seedParams({ contact: '79000000001' }));
    manual.runAll();
    await receiver.waitFor(4);
    expect(receiver.accepted.map((r) => r.body.notification_name)).toEqual(['outbound_call', 'waiting_for_answer', 'lost_call', 'call_finished']);
  });

  it('an entry with `events` gets only those kinds', async () => {
    const { start, manual, receiver, server } = await setup(undefined, ['talk_started', 'call_finished']);
    start();
    manual.runAll();
    await server.notifier.drain(5000);
    expect(receiver.accepted.map((r) => r.body.notification_name)).toEqual(['talk_started', 'call_finished']);
  });

  it('a failed first attempt is retried with the same id; each notification is delivered exactly once', async () => {
    const { start, manual, receiver, server } = await setup((_, index) => (index === 0 ? 500 : 200));
    start();
    manual.runAll();
    await server.notifier.drain(5000);
    const ids = receiver.accepted.map((r) => r.headers['x-notification-id']);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(receiver.all).toHaveLength(6);
    expect(receiver.all[1]!.headers['x-notification-id']).toBe(receiver.all[0]!.headers['x-notification-id']);
    expect(receiver.all[1]!.headers['idempotency-key']).toBe(receiver.all[0]!.headers['x-notification-id']);
    expect(receiver.all[1]!.headers['x-notification-attempt']).toBe('2');
    expect(receiver.accepted[0]!.body.notification_name).toBe('outbound_call'); // order kept behind the retry
    expect(server.notifier.stats).toMatchObject({ queued: 5, delivered: 5, failed: 0, attempts: 6 });
  });

  it('retries are bounded: a receiver that always fails gets `attempts` tries, then the notification is dropped', async () => {
    const { call, manual, receiver, server } = await setup(() => 503, ['call_finished'], 3);
    call('start.employee_call', seedParams({ contact: '79000000001' }));
    manual.runAll();
    await server.notifier.drain(5000);
    expect(receiver.all).toHaveLength(3);
    expect(server.notifier.stats).toMatchObject({ delivered: 0, failed: 1 });
  });

  it('the documented kinds', () => {
    expect(NOTIFICATION_KINDS).toEqual(['outbound_call', 'waiting_for_answer', 'talk_started', 'talk_finished', 'call_finished', 'lost_call']);
  });
});
