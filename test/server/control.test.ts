import { describe, expect, it } from 'vitest';
import { JSON_HEADERS, seedParams, testServer } from './helpers.js';

function control(server: ReturnType<typeof testServer>['server'], method: string, url: string, body?: unknown) {
  const reply = server.handle({ method, url, headers: JSON_HEADERS, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  return { status: reply.status, headers: reply.headers, json: JSON.parse(String(reply.body)) as any };
}

describe('control API: sessions', () => {
  it('GET /control/sessions lists live and finished sessions; ?live=true only live ones', () => {
    const { server, start, call, manual } = testServer();
    start();
    start();
    call('release.call', { access_token: seedParams().access_token, call_session_id: 1000 });
    manual.advance(1000);
    const all = control(server, 'GET', '/control/sessions');
    expect(all.status).toBe(200);
    expect(all.json.map((s: any) => [s.call_session_id, s.live])).toEqual([[1000, false], [1001, true]]);
    expect(all.json[1]).toMatchObject({ t: 1000, states: { session: expect.any(String) }, legs: { employee: { status: 'dialing' } } });
    expect(control(server, 'GET', '/control/sessions?live=true').json.map((s: any) => s.call_session_id)).toEqual([1001]);
  });

  it('GET /control/sessions/:id: snapshot, events and hears so far, the list.calls view', () => {
    const { server, start, manual } = testServer();
    start();
    manual.advance(9000);
    const { status, json } = control(server, 'GET', '/control/sessions/1000');
    expect(status).toBe(200);
    expect(json.events.map((e: any) => e.type)).toContain('leg.answered');
    expect(json.hears.employee[0]).toMatchObject({ from: 3000, to: 8000, kind: 'message', type: 'media', value: '2561' });
    expect(json.snapshot.hearing.employee).toMatchObject({ kind: 'hold_music', media_file_id: 2701 });
    expect(json.list_calls.legs).toHaveLength(2);
    expect(json.report).toBeNull();
    expect(control(server, 'GET', '/control/sessions/999').status).toBe(404);
  });
});

describe('control API: commands drive a live session by hand', () => {
  const setup = () => {
    const t = testServer();
    t.call('start.employee_call', seedParams({ contact: '79000000010', dtmf_string: null }));
    return t;
  };

  it('answer → the leg is answered; the response holds the events it produced and the snapshot', () => {
    const { server } = setup();
    const reply = control(server, 'POST', '/control/sessions/1000/commands', { type: 'answer', leg: 'employee' });
    expect(reply.status).toBe(200);
    expect(reply.json.events[0]).toMatchObject({ type: 'leg.answered', leg: 'employee' });
    expect(reply.json.snapshot.legs.employee.status).toBe('answered');
  });

  it('early_media and fail on the contact leg', () => {
    const { server, manual } = setup();
    control(server, 'POST', '/control/sessions/1000/commands', { type: 'answer', leg: 'employee' });
    manual.advance(6000);
    const media = control(server, 'POST', '/control/sessions/1000/commands', { type: 'early_media', kind: 'voicemail' });
    expect(media.json.events).toEqual([expect.objectContaining({ type: 'leg.early_media', leg: 'contact', kind: 'voicemail' })]);
    control(server, 'POST', '/control/sessions/1000/commands', { type: 'fail', leg: 'contact', reason: 'unavailable' });
    expect(server.sessions.reports[0]).toMatchObject({ finish_reason: 'no_success_subscriber_call' });
  });

  it('release ends the call; a command to an ended session → 409', () => {
    const { server } = setup();
    expect(control(server, 'POST', '/control/sessions/1000/commands', { type: 'release' }).json.events.at(-1).type).toBe('session.ended');
    expect(control(server, 'POST', '/control/sessions/1000/commands', { type: 'hangup', leg: 'contact' }).status).toBe(409);
  });

  it.each([
    ['not JSON', '{', 400, 'expected a JSON body'],
    ['an unknown type', { type: 'dance', leg: 'contact' }, 400, 'bad command'],
    ['a fail without a reason', { type: 'fail', leg: 'contact' }, 400, 'reason'],
    ['a typo', { type: 'answer', leg: 'contact', lge: 1 }, 400, 'lge'],
  ])('%s → %i', (_, body, status, message) => {
    const { server } = setup();
    const reply = control(server, 'POST', '/control/sessions/1000/commands', body);
    expect(reply.status).toBe(status);
    expect(reply.json.error).toContain(message);
  });

  it('a command to an unknown session → 404; GET on the commands path → 405 with Allow', () => {
    const { server } = setup();
    expect(control(server, 'POST', '/control/sessions/5/commands', { type: 'release' }).status).toBe(404);
    const wrong = control(server, 'GET', '/control/sessions/1000/commands');
    expect([wrong.status, wrong.headers.allow]).toEqual([405, 'POST']);
  });
});

describe('control API: journal, reports, reset', () => {
  it('the journal holds each request with the answer given, unreadable bodies included', () => {
    const { server, start } = testServer();
    start();
    server.handleRpc('{oops');
    server.handleRpc(new Uint8Array([0xc3, 0x28]));
    const journal = control(server, 'GET', '/control/journal').json.items;
    expect(journal.map((e: any) => [e.seq, e.method, e.response.error?.data.mnemonic ?? 'ok'])).toEqual([
      [1, 'start.employee_call', 'ok'],
      [2, null, 'parse_error'],
      [3, null, 'character_encoding_not_allowed'],
    ]);
    expect(journal[0].request.params.external_id).toBe('334otr01');
    expect(journal[0].received_at).toBe('2024-03-01T09:00:30.000Z');
    expect(journal[1].request).toBe('{oops');
    expect(journal[2].body_base64).toBe('wyg=');
  });

  it('reports: finish_reason, is_lost, durations in seconds, external_id, times', () => {
    const { server, start, manual } = testServer();
    start();
    manual.runAll();
    expect(control(server, 'GET', '/control/reports').json.items).toEqual([
      {
        call_session_id: 1000,
        external_id: '334otr01',
        start_time: '2024-03-01 12:00:30',
        finish_time: '2024-03-01 12:01:41',
        direction: 'in',
        finish_reason: 'subscriber_disconnects',
        is_lost: false,
        wait_duration: 11,
        talk_duration: 60,
        total_duration: 71,
        virtual_phone_number: '74993720692',
        contact_phone_number: '79260000000',
        employee_id: 25,
      },
    ]);
  });

  it('POST /control/reset clears sessions (silently), journal and reports; ids keep increasing', () => {
    const { server, start, manual } = testServer();
    start();
    manual.runAll();
    start();
    const events: unknown[] = [];
    server.events.subscribe((m) => events.push(m));
    expect(control(server, 'POST', '/control/reset').json).toEqual({ reset: true });
    expect(events).toEqual([]);
    expect(control(server, 'GET', '/control/sessions').json).toEqual([]);
    expect(control(server, 'GET', '/control/journal').json).toEqual({ items: [], next: null });
    expect(control(server, 'GET', '/control/reports').json).toEqual({ items: [], next: null });
    expect(manual.running).toBe(0);
    expect((start() as any).result.data.call_session_id).toBe(1002);
  });

  it('GET /control lists the endpoints; unknown paths → 404', () => {
    const { server } = testServer();
    expect(control(server, 'GET', '/control').json.endpoints.length).toBeGreaterThan(5);
    expect(control(server, 'GET', '/control/nope').status).toBe(404);
    expect(control(server, 'GET', '/control/magic-numbers').json[0].contact).toBe('79000000001');
  });
});
