import { describe, expect, it } from 'vitest';
import { createMockServer, SEED_REQUEST } from '../../src/server/index.js';
import { accountWith, listening, webhookReceiver } from './helpers.js';

const SESSIONS = 200;
/** Default world (a talk, 71.45 s simulated), contact busy, employee busy, a 5 s talk. */
const CONTACTS = ['79260000000', '79000000001', '79000000012', '79000000011'];

describe('hundreds of concurrent sessions at --speed 20, notifying a receiver on 127.0.0.1', () => {
  it('every call finishes and every notification arrives exactly once, in order, despite failed attempts', { timeout: 60_000 }, async () => {
    // Some first attempts answer 503: those notifications are retried (back-off 1 s ÷ 20) and must not double.
    const receiver = await webhookReceiver((r, index) => (r.headers['x-notification-attempt'] === '1' && index % 7 === 3 ? 503 : 204));
    const account = accountWith({ notifications: [{ url: receiver.url }], limits: { minute_limit: 10_000, day_limit: 10_000 } });
    const server = createMockServer({ account, speed: 20, firstCallSessionId: 1 });
    const url = await listening(server);
    const ended = new Set<number>();
    let allEnded!: () => void;
    const finished = new Promise<void>((resolve) => (allEnded = resolve));
    server.events.subscribe(({ call_session_id, event }) => {
      if (event.type === 'session.ended' && ended.add(call_session_id).size === SESSIONS) allEnded();
    });

    const answers = await Promise.all(
      Array.from({ length: SESSIONS }, (_, i) => {
        const body = JSON.stringify({ ...SEED_REQUEST, id: i, params: { ...SEED_REQUEST.params, contact: CONTACTS[i % CONTACTS.length] } });
        return fetch(`${url}/v4.0`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.json());
      }),
    );
    expect(answers.filter((a) => 'result' in a)).toHaveLength(SESSIONS);
    await finished;
    await receiver.waitFor(server.notifier.stats.queued);
    await server.close();
    await receiver.close();

    expect(server.sessions.live.size).toBe(0);
    expect(server.sessions.reports).toHaveLength(SESSIONS);
    const ids = receiver.accepted.map((r) => r.headers['x-notification-id']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(server.notifier.stats).toMatchObject({ delivered: ids.length, failed: 0 });
    expect(receiver.all.length).toBeGreaterThan(ids.length); // some attempts did fail
    const perCall = new Map<number, string[]>();
    for (const { body } of receiver.accepted) perCall.set(body.call_session_id as number, [...(perCall.get(body.call_session_id as number) ?? []), body.notification_name as string]);
    expect(perCall.size).toBe(SESSIONS);
    for (const names of perCall.values()) {
      expect(names[0]).toBe('outbound_call');
      expect(names.at(-1)).toBe('call_finished');
      expect(names.filter((n) => n === 'call_finished')).toHaveLength(1);
    }
  });
});
