import { describe, expect, it, vi } from 'vitest';
import type { CallSession } from '../../src/server/sessions/call-session.js';
import { JSON_HEADERS, seedParams, testServer } from './helpers.js';

/** Every run of the machines the server makes starts with `startCall` (engine/replay.ts): counted here. */
const machineRuns = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/server/deps.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/server/deps.js')>();
  return {
    ...original,
    startCall: (...args: Parameters<typeof original.startCall>) => {
      machineRuns.count++;
      return original.startCall(...args);
    },
  };
});

type Server = ReturnType<typeof testServer>['server'];

function runsOf(server: Server, method: string, url: string, body?: unknown) {
  const before = machineRuns.count;
  const reply = server.handle({ method, url, headers: JSON_HEADERS, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  expect(reply.status, `${method} ${url}: ${String(reply.body)}`).toBe(200);
  return { runs: machineRuns.count - before, json: JSON.parse(String(reply.body)) as any };
}

/** What a re-run of the call up to its time now shows (how the answers were made before). */
function reRunSnapshot(server: Server, session: CallSession) {
  return server.sessions.replayTo(session).snapshot();
}

/** Calls of many kinds, started a moment apart; `between` runs after each start. The last one waits for commands. */
function startVariedCalls({ start, manual }: ReturnType<typeof testServer>, between: () => void): number[] {
  const kinds: Record<string, unknown>[] = [
    {},
    { first_call: 'contact' },
    { dtmf_string: '.1'.repeat(300) },
    { dtmf_string: '1'.repeat(1000) },
    { switch_at_once: false, contact_message: { type: 'tts', value: 'Здравствуйте' } },
    { first_call: 'contact', switch_at_once: false, employee_message: null },
    ...['79000000001', '79000000003', '79000000005', '79000000006', '79000000007', '79000000008', '79000000011', '79000000013'].map((contact) => ({ contact })),
    { contact: '79000000010', dtmf_string: null },
  ];
  return kinds.map((kind) => {
    const id = start(kind).result.data.call_session_id;
    manual.advance(700);
    between();
    return id;
  });
}

describe('the control API runs the machines at most once a request', () => {
  it('GET /control/sessions runs none, and answers as a re-run of each call up to now did', () => {
    const t = testServer();
    const { server, manual, call } = t;
    let compared = 0;
    const listAsBefore = (when: string) => {
      for (const url of ['/control/sessions?limit=100', '/control/sessions', '/control/sessions?live=true']) {
        const { runs, json } = runsOf(server, 'GET', url);
        expect(runs, url).toBe(0);
        for (const item of json) {
          const snapshot = reRunSnapshot(server, server.sessions.get(item.call_session_id)!);
          const asBefore = { ...item, t: snapshot.t, states: snapshot.states, legs: snapshot.legs, hearing: snapshot.hearing };
          expect(JSON.stringify(item), `${url} ${when}: session ${item.call_session_id}`).toBe(JSON.stringify(asBefore));
          compared++;
        }
      }
    };
    const byHand = startVariedCalls(t, () => listAsBefore(`after ${manual.running} live`)).at(-1)!;
    runsOf(server, 'POST', `/control/sessions/${byHand}/commands`, { type: 'answer', leg: 'employee' });
    call('release.call', { access_token: seedParams().access_token, call_session_id: 1000 });
    for (const [i, step] of [0, ...Array<number>(14).fill(1_500), 30_000, 120_000].entries()) {
      manual.advance(step);
      if (i === 6) runsOf(server, 'POST', `/control/sessions/${byHand}/commands`, { type: 'answer', leg: 'contact' });
      listAsBefore(`at step ${i}`);
    }
    expect(compared).toBeGreaterThan(500);
    expect(server.sessions.live.size).toBe(0);
  });

  it('POST /control/sessions/:id/commands runs the call once (its re-run), and answers the snapshot a re-run up to now shows', () => {
    const { server, call, manual } = testServer();
    call('start.employee_call', seedParams({ contact: '79000000010', dtmf_string: '.1'.repeat(200) }));
    const session = server.sessions.get(1000)!;
    const commands = [
      { type: 'early_media', kind: 'ringback' },
      { type: 'answer', leg: 'employee' },
      { type: 'early_media', kind: 'voicemail' },
      { type: 'answer', leg: 'contact' },
      ...Array.from({ length: 60 }, () => ({ type: 'early_media', kind: 'announcement' })),
      { type: 'release' },
    ];
    for (const [i, command] of commands.entries()) {
      manual.advance(i < 5 ? 4_000 : 100);
      const { runs, json } = runsOf(server, 'POST', '/control/sessions/1000/commands', command);
      expect(runs, `command ${i + 1}: ${JSON.stringify(command)}`).toBe(1);
      expect(JSON.stringify(json.snapshot), `command ${i + 1}: ${JSON.stringify(command)}`).toBe(JSON.stringify(reRunSnapshot(server, session)));
    }
    expect(session.commands).toHaveLength(65); // 64 world commands, the most a call takes, then release
    expect(session.live).toBe(false);
  });

  it('GET /control/sessions/:id is the one route that asks the machines (one re-run up to now)', () => {
    const { server, start, manual } = testServer();
    start({ dtmf_string: '.1'.repeat(300) });
    manual.advance(30_000);
    expect(runsOf(server, 'GET', '/control/sessions/1000').runs).toBe(1);
  });
});
