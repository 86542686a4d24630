import { describe, expect, it } from 'vitest';
import { Platform, validateEmployeeCall, type SimEvent } from '../../src/server/deps.js';
import { createMockServer, DEFAULT_WORLD, manualDriver, SEED_REQUEST, type MockServer } from '../../src/server/index.js';
import { SessionRegistry } from '../../src/server/sessions/registry.js';
import { accountWith, dataOf, seedParams, testServer, TOKEN } from './helpers.js';

/** Resolves with the session.ended event of `id` (and every event seen before it). */
function ended(server: MockServer, id: number): Promise<SimEvent[]> {
  const seen: SimEvent[] = [];
  return new Promise((resolve) => {
    const off = server.events.subscribe(({ call_session_id, event }) => {
      if (call_session_id !== id) return;
      seen.push(event);
      if (event.type === 'session.ended') {
        off();
        resolve(seen);
      }
    });
  });
}

describe('live sessions on real timers (runInRealTime)', () => {
  it('at --speed 2000 the seed call unfolds and ends by itself: 71.45 s of simulated time', async () => {
    const server = createMockServer({ speed: 2000, firstCallSessionId: 1 });
    const done = ended(server, 1);
    expect(server.handleRpc(JSON.stringify(SEED_REQUEST))).toMatchObject({ result: { data: { call_session_id: 1 } } });
    const events = await done;
    expect(events.at(-1)).toMatchObject({ type: 'session.ended', finish_reason: 'subscriber_disconnects', total_duration_ms: 71_450 });
    expect(server.sessions.reports).toHaveLength(1);
    await server.close();
  });

  it('release.call catches up to the current simulated time, then releases', async () => {
    const server = createMockServer({ speed: 1, firstCallSessionId: 7 });
    server.handleRpc(JSON.stringify(SEED_REQUEST));
    const done = ended(server, 7);
    const release = { jsonrpc: '2.0', id: 2, method: 'release.call', params: { access_token: TOKEN, call_session_id: 7 } };
    expect(server.handleRpc(JSON.stringify(release))).toMatchObject({ result: { data: { success: true } } });
    expect((await done).at(-1)).toMatchObject({ type: 'session.ended', is_lost: true });
    await server.close();
  });
});

describe('the server remembers *_fixed_for_numa numbers (D15)', () => {
  it('a contact keeps the number it first got, whatever later requests ask for', () => {
    const { call } = testServer();
    const vpn = (virtual_phone_number: string) => {
      call('start.employee_call', seedParams({ contact: '79031112233', virtual_phone_usage_rule: 'fixed_for_numa', virtual_phone_number }));
      return dataOf<{ virtual_phone_number: string }[]>(call('list.calls', { access_token: TOKEN })).map((c) => c.virtual_phone_number);
    };
    vpn('74993720693');
    expect(vpn('74993720692')).toEqual(['74993720693', '74993720693']);
  });

  it("the account's remembered pairs count from the start", () => {
    const { call } = testServer();
    call('start.employee_call', seedParams({ contact: '79161234567', virtual_phone_usage_rule: 'fixed_for_numa' }));
    expect(dataOf<{ virtual_phone_number: string }[]>(call('list.calls', { access_token: TOKEN }))[0]!.virtual_phone_number).toBe('74993720693');
  });

  it('for at most keep.numaContacts contacts: the one used least recently is forgotten, and is then like a contact never seen', () => {
    const account = accountWith({ numa_pairs: [] });
    const registry = new SessionRegistry({
      account,
      platform: Platform.parse({}),
      worldFor: () => DEFAULT_WORLD,
      driver: manualDriver().start,
      speed: 1,
      now: () => 0,
      firstCallSessionId: 1,
      onEvent: () => undefined,
      keep: { numaContacts: 2 },
    });
    const numberFor = (contact: string, virtual_phone_number: string) => {
      const checked = validateEmployeeCall(1, seedParams({ contact, virtual_phone_usage_rule: 'fixed_for_numa', virtual_phone_number }), account, new Date(0));
      if (!checked.ok) throw new Error(JSON.stringify(checked.response));
      return registry.start(1, checked.params).virtualPhoneNumber;
    };
    const [first, second] = ['74993720692', '74993720693'];
    numberFor('79030000001', first);
    numberFor('79030000002', first);
    expect(numberFor('79030000001', second)).toBe(first); // remembered, and now the most recently used
    numberFor('79030000003', first); // the third contact: 79030000002 is forgotten
    expect(registry.rememberedContacts).toBe(2);
    expect(numberFor('79030000001', second)).toBe(first);
    expect(numberFor('79030000002', second)).toBe(second);
  });
});
