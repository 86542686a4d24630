import { describe, expect, it } from 'vitest';
import { errorResponse } from '../src/protocol/errors.js';
import { checkInvariants } from '../src/sim/invariants.js';
import type { SimEvent, SimulationResult } from '../src/sim/types.js';

const MESSAGE = { kind: 'message', type: 'media', value: '2561', duration_ms: 5000 } as const;
const TTS = { kind: 'message', type: 'tts', value: 'Привет', duration_ms: 450 } as const;
const HOLD = { kind: 'hold_music', media_file_id: 2701 } as const;
const TALK = { kind: 'talk' } as const;
const END = { finish_reason: 'subscriber_disconnects', is_lost: false, talk_duration_ms: 60_000, total_duration_ms: 71_450 } as const;

/** The seed's example request in the default world (D14, D12), worked out by hand. */
function seedResult(): SimulationResult {
  const events: SimEvent[] = [
    { t: 0, type: 'session.started', call_session_id: 1, external_id: '334otr01', first_call: 'employee', direction: 'in', virtual_phone_number: '74993720692', contact_name: 'Пётр Клиентов' },
    { t: 0, type: 'leg.dialing', leg: 'employee', number: '79260000001', caller_id: '79260000000' },
    { t: 3000, type: 'leg.answered', leg: 'employee', number: '79260000001' },
    { t: 3000, type: 'audio.started', leg: 'employee', source: MESSAGE },
    { t: 8000, type: 'audio.stopped', leg: 'employee', source: MESSAGE, reason: 'finished' },
    { t: 8000, type: 'leg.dialing', leg: 'contact', number: '79260000000', caller_id: '74993720692' },
    { t: 8000, type: 'audio.started', leg: 'employee', source: HOLD },
    { t: 11_000, type: 'leg.answered', leg: 'contact', number: '79260000000' },
    { t: 11_000, type: 'audio.started', leg: 'contact', source: TTS },
    { t: 11_450, type: 'audio.stopped', leg: 'contact', source: TTS, reason: 'finished' },
    { t: 11_450, type: 'audio.stopped', leg: 'employee', source: HOLD, reason: 'interrupted' },
    { t: 11_450, type: 'talk.started' },
    { t: 11_450, type: 'audio.started', leg: 'employee', source: TALK },
    { t: 11_450, type: 'audio.started', leg: 'contact', source: TALK },
    { t: 12_000, type: 'dtmf.sent', leg: 'contact', digit: '1' },
    { t: 13_000, type: 'dtmf.sent', leg: 'contact', digit: '2' },
    { t: 14_000, type: 'dtmf.sent', leg: 'contact', digit: '3' },
    { t: 71_450, type: 'leg.hung_up', leg: 'contact' },
    { t: 71_450, type: 'audio.stopped', leg: 'employee', source: TALK, reason: 'released' },
    { t: 71_450, type: 'audio.stopped', leg: 'contact', source: TALK, reason: 'released' },
    { t: 71_450, type: 'leg.released', leg: 'employee' },
    { t: 71_450, type: 'session.ended', ...END },
  ];
  return {
    response: { jsonrpc: '2.0', id: 'req1', result: { data: { call_session_id: 1 } } },
    events,
    hears: {
      employee: [
        { from: 3000, to: 8000, ...MESSAGE },
        { from: 8000, to: 11_450, ...HOLD },
        { from: 11_450, to: 71_450, ...TALK },
      ],
      contact: [
        { from: 11_000, to: 11_450, ...TTS },
        { from: 11_450, to: 71_450, ...TALK },
      ],
    },
    outcome: { ...END },
  };
}

function rejected(): SimulationResult {
  return {
    response: errorResponse('req1', { mnemonic: 'employee_not_found', field: 'employee.id', value: 7, params: { employee_id: 7 } }),
    events: [],
    hears: { employee: [], contact: [] },
    outcome: null,
  };
}

type Break = (r: SimulationResult) => void;
const at = (r: SimulationResult, type: SimEvent['type'], leg?: string) =>
  r.events.findIndex((e) => e.type === type && (leg === undefined || ('leg' in e && e.leg === leg)));
const move = (r: SimulationResult, from: number, to: number) => r.events.splice(to, 0, ...r.events.splice(from, 1));
const setOutcome = (r: SimulationResult, change: Partial<SimulationResult['outcome'] & object>) => {
  Object.assign(r.outcome!, change);
  Object.assign(r.events.at(-1)!, change);
};

describe('checkInvariants', () => {
  it('accepts a well-formed result and a well-formed rejection', () => {
    expect(checkInvariants(seedResult())).toEqual([]);
    expect(checkInvariants(rejected())).toEqual([]);
  });

  it.each<[string, Break, string]>([
    ['events go back in time (§5)', (r) => { r.events[3]!.t = 2000; r.events[2]!.t = 2500; }, 'comes before events[2]'],
    ['no session.ended (§5)', (r) => { r.events.pop(); }, 'exactly one session.ended, got 0'],
    ['two session.ended (§5)', (r) => { r.events.push({ ...r.events.at(-1)! }); }, 'exactly one session.ended, got 2'],
    ['session.ended is not last (§5)', (r) => { r.events.push({ t: 71_450, type: 'leg.released', leg: 'contact' }); }, 'not the last event'],
    ['outcome differs from session.ended (§5)', (r) => { r.outcome!.finish_reason = 'timeout'; }, 'differs from session.ended'],
    ['is_lost with a talk (D11)', (r) => setOutcome(r, { is_lost: true }), 'is_lost is true but talk.started happened'],
    ['not lost without a talk (D11)', (r) => { r.events.splice(at(r, 'talk.started'), 1); }, 'is_lost is false but talk.started never happened'],
    ['talk_duration_ms wrong (D11)', (r) => setOutcome(r, { talk_duration_ms: 59_000 }), 'expected end − talk start = 60000'],
    ['total_duration_ms wrong (D11)', (r) => setOutcome(r, { total_duration_ms: 71_000 }), "expected session.ended's t = 71450"],
    ['a segment ending before it starts (§5)', (r) => { r.hears.contact[0]!.to = 10_000; }, 'hears.contact[0] ends (10000) before it starts (11000)'],
    ['overlapping segments (§5)', (r) => { r.hears.employee[1]!.from = 7000; }, 'hears.employee[1] starts at 7000, overlapping hears.employee[0]'],
    ['hears not derived from the audio events (§5)', (r) => { r.hears.employee[0]!.to = 7000; r.hears.employee[1]!.from = 7000; }, 'differs from its audio events'],
    ['a sound that never stops (§5, D13)', (r) => { r.events.splice(at(r, 'audio.stopped', 'employee'), 1); }, 'audio.started at t=3000 on employee (media message 2561) never stops'],
    ['a sound stopped as another source (§5)', (r) => { r.events.splice(at(r, 'audio.stopped', 'contact'), 1, { t: 11_450, type: 'audio.stopped', leg: 'contact', source: { ...TTS, value: 'Пока' }, reason: 'finished' }); }, '(tts message Привет) never stops'],
    ['talk before the contact answered (R4)', (r) => move(r, at(r, 'leg.answered', 'contact'), at(r, 'talk.started')), "talk.started at t=11450 before the contact's leg.answered"],
    ['no talk segment at the talk time (§5)', (r) => { r.hears.contact[1]!.from = 12_000; }, 'hears.contact has no talk segment starting at the talk time 11450'],
    ['contact dialled during the employee message (R2)', (r) => { r.hears.employee[0]!.to = 9000; }, "the contact is dialled at t=8000, before the employee's message ends at 9000 (R2)"],
    ['DTMF before the contact answered (D6)', (r) => move(r, at(r, 'dtmf.sent'), at(r, 'leg.answered', 'contact')), 'dtmf.sent "1" at t=12000 outside'],
    ['DTMF after the session ended (D6)', (r) => { r.events.push({ t: 71_450, type: 'dtmf.sent', leg: 'contact', digit: '9' }); }, 'dtmf.sent "9" at t=71450 outside'],
    ['a started session without outcome (§5)', (r) => { r.outcome = null; }, 'a started session has no outcome'],
  ])('finds %s', (_, breakIt, problem) => {
    const result = seedResult();
    breakIt(result);
    expect(checkInvariants(result)).toContainEqual(expect.stringContaining(problem));
  });

  it.each<[string, Break, string]>([
    ['events', (r) => { r.events.push(seedResult().events[0]!); }, 'expected no events, got 1'],
    ['hears', (r) => { r.hears.contact.push(seedResult().hears.contact[0]!); }, 'expected empty hears.contact, got 1 segments'],
    ['an outcome', (r) => { r.outcome = { ...END }; }, 'expected outcome null'],
  ])('finds a rejected request (§5) with %s', (_, breakIt, problem) => {
    const result = rejected();
    breakIt(result);
    expect(checkInvariants(result)).toContainEqual(expect.stringContaining(problem));
  });
});
