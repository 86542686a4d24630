import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAGIC_NUMBERS } from '../../src/server/index.js';
import { DEMO, JSON_HEADERS, seedParams, testServer } from './helpers.js';

const scripted = MAGIC_NUMBERS.filter((m) => !m.finish_reason.startsWith('('));

function run(contact: string) {
  const { call, manual, server } = testServer();
  call('start.employee_call', seedParams({ contact }));
  manual.runAll();
  const session = server.sessions.get(1000)!;
  return { report: server.sessions.reports[0]!, result: server.sessions.replayTo(session).result() };
}

describe('magic contact numbers pick the outcome (seed request, first_call employee)', () => {
  it.each(scripted.map((m) => [m.contact, m.title, m.finish_reason] as const))('%s — %s → %s', (contact, _, reason) => {
    expect(run(contact).report.finish_reason).toBe(reason);
  });

  it('any other contact gets the default world: answers after 3 s, hangs up after 60 s of talk (D14, D12)', () => {
    const { report } = run('79161234567');
    expect(report).toMatchObject({ finish_reason: 'subscriber_disconnects', is_lost: false, talk_duration: 60 });
  });

  it('79000000005: the employee can hear the voicemail greeting as early media', () => {
    const kinds = run('79000000005').result.events.flatMap((e) => (e.type === 'leg.early_media' ? [e.kind] : []));
    expect(kinds).toEqual(['ringback', 'voicemail']);
  });

  it('79000000007: the contact hangs up while its message plays', () => {
    const contact = run('79000000007').result.hears.contact;
    expect(contact.at(-1)).toMatchObject({ kind: 'message', type: 'tts' });
  });

  it('79000000008: the employee hangs up while hearing hold music', () => {
    const employee = run('79000000008').result.hears.employee;
    expect(employee.at(-1)).toMatchObject({ kind: 'hold_music', media_file_id: 2701 });
  });

  it('the magic numbers collide with nothing the demo account holds (blacklist 79990000000, address book, virtual numbers)', () => {
    const taken = new Set([...DEMO.blacklist, ...DEMO.address_book.map((e) => e.number), ...DEMO.virtual_numbers.map((v) => v.number)]);
    for (const magic of MAGIC_NUMBERS) {
      expect(magic.contact).toMatch(/^7900000\d{4}$/);
      expect(taken.has(magic.contact)).toBe(false);
    }
    expect(new Set(MAGIC_NUMBERS.map((m) => m.contact)).size).toBe(MAGIC_NUMBERS.length);
  });
});

describe('manual magic numbers wait for control commands', () => {
  it('79000000009: the contact rings until answered by hand; the employee then hangs up', () => {
    const { call, manual, server } = testServer();
    call('start.employee_call', seedParams({ contact: '79000000009', dtmf_string: null }));
    manual.advance(20_000);
    expect(server.sessions.replayTo(server.sessions.get(1000)!).snapshot().legs.contact.status).toBe('dialing');
    const command = (body: unknown) => server.handle({ method: 'POST', url: '/control/sessions/1000/commands', headers: JSON_HEADERS, body: JSON.stringify(body) });
    expect(command({ type: 'answer', leg: 'contact' }).status).toBe(200);
    manual.advance(5000);
    expect(command({ type: 'hangup', leg: 'employee' }).status).toBe(200);
    expect(server.sessions.reports[0]).toMatchObject({ finish_reason: 'operator_disconnects', is_lost: false });
  });

  it('79000000010: the employee too rings until a command; failing it ends the call (D8)', () => {
    const { call, manual, server } = testServer();
    call('start.employee_call', seedParams({ contact: '79000000010' }));
    manual.advance(10_000);
    const reply = server.handle({ method: 'POST', url: '/control/sessions/1000/commands', headers: JSON_HEADERS, body: '{"type":"fail","leg":"employee","reason":"busy"}' });
    expect(reply.status).toBe(200);
    expect(server.sessions.reports[0]).toMatchObject({ finish_reason: 'operator_busy', is_lost: true, total_duration: 10 });
  });
});

it('the README lists every magic number with its title and finish_reason', () => {
  const docs = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  for (const magic of MAGIC_NUMBERS) {
    const reason = magic.finish_reason.startsWith('(') ? '—' : `\`${magic.finish_reason}\``;
    expect(docs).toContain(`| \`${magic.contact}\` | ${magic.title} | ${reason} |`);
  }
});
