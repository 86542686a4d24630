import type { Axis, AxisValue, Behaviour, Ending, HangupPhase, ReleasePhase } from './types.js';

/**
 * The discrete space of `explore --exhaustive`, as data: each axis a list of values, simplest first.
 * Every combination of one value per axis is a call (the product, last axis fastest). The ending axis is
 * last: its first value (nobody hangs up) is the run whose phases place the other endings.
 */
const FLAGS: AxisValue[] = [
  { label: 'first_call employee', params: { first_call: 'employee', switch_at_once: false, early_switching: false } },
  { label: 'employee, switch_at_once', params: { first_call: 'employee', switch_at_once: true, early_switching: false } },
  { label: 'employee, switch_at_once, early_switching', params: { first_call: 'employee', switch_at_once: true, early_switching: true } },
  { label: 'first_call contact', params: { first_call: 'contact', switch_at_once: false, early_switching: false } },
  { label: 'contact, switch_at_once', params: { first_call: 'contact', switch_at_once: true, early_switching: false } },
];

/** 120 code points: 9 s of TTS at the default 75 ms per character (D2). */
export const LONG_TTS = 'Добрый день! Вам звонит компания «Ромашка». Пожалуйста, оставайтесь на линии, сейчас мы соединим вас с нашим сотрудником';

/** Lengths 0.45 s < 5 s < 8 s < 9 s, so that each side's message is shorter, as long or longer than the other's. */
const messages = (param: string): AxisValue[] => [
  { label: 'none', params: { [param]: null } },
  { label: 'media 2561 (5 s)', params: { [param]: { type: 'media', value: '2561' } } },
  { label: 'media 2562 (8 s)', params: { [param]: { type: 'media', value: '2562' } } },
  { label: 'tts 0.45 s', params: { [param]: { type: 'tts', value: 'Привет' } } },
  { label: 'tts 9 s', params: { [param]: { type: 'tts', value: LONG_TTS } } },
];

const DTMF: AxisValue[] = [
  { label: 'none', params: { dtmf_string: null } },
  { label: '12.3...4', params: { dtmf_string: '12.3...4' } },
];

const ONE = { id: 25, phone_number: '79260000001' };
/** Employee 25's active numbers, dialled in this order without `phone_number` (R14, D7). */
const ALL = { id: 25 };
type Side = { label: string; params?: Record<string, unknown>; numbers?: Record<string, Behaviour>; contact?: Behaviour };
const numbers = (label: string, employee: object, behaviours: Record<string, Behaviour>): Side => ({ label, params: { employee }, numbers: behaviours });

const EMPLOYEE_ANSWERS: Side[] = [
  numbers('1 number answers', ONE, { '79260000001': {} }),
  numbers('busy, then answers', ALL, { '79260000001': { outcome: 'busy' }, '79260000002': {} }),
  numbers('no answer, rejected, then answers', ALL, { '79260000001': { outcome: 'no_answer' }, '79260000002': { outcome: 'rejected' }, '0167025': {} }),
];
const EMPLOYEE_FAILS: Side[] = [
  ...(['busy', 'no_answer', 'unavailable', 'rejected'] as const).map((outcome) =>
    numbers(`1 number ${outcome.replace('_', ' ')}`, ONE, { '79260000001': { outcome } }),
  ),
  numbers('unavailable, busy, no answer', ALL, {
    '79260000001': { outcome: 'unavailable' },
    '79260000002': { outcome: 'busy' },
    '0167025': { outcome: 'no_answer' },
  }),
];

const RINGBACK = [{ at: 0, kind: 'ringback' }];
const CONTACT_ANSWERS: Side[] = [
  { label: 'answers', contact: {} },
  { label: 'answers after ringback', contact: { early_media: RINGBACK } },
];
const CONTACT_FAILS: Side[] = (['busy', 'no_answer', 'unavailable', 'rejected'] as const).flatMap((outcome) => {
  const label = outcome.replace('_', ' ');
  const late = outcome === 'no_answer' ? 'voicemail' : 'announcement';
  return [
    { label, contact: { outcome } },
    { label: `${label} after ringback, ${late}`, contact: { outcome, early_media: [...RINGBACK, { at: 500, kind: late }] } },
  ];
});

const world = (employee: Side, contact: Side): AxisValue => ({
  label: `employee ${employee.label}; contact ${contact.label}`,
  params: employee.params,
  employee: employee.numbers,
  contact: contact.contact,
});

/**
 * The people: every way the employee's numbers (1–3, each answered / busy / no answer / unavailable /
 * rejected) and the contact (answers / busy / no answer / unavailable / rejected, with or without early
 * media) behave. A side that fails meets the other side answering: with both failing, whoever is called
 * first ends the call (D8) and the other's behaviour cannot matter.
 */
const WORLD: AxisValue[] = [
  ...EMPLOYEE_ANSWERS.flatMap((employee) => CONTACT_ANSWERS.map((contact) => world(employee, contact))),
  ...EMPLOYEE_FAILS.map((employee) => world(employee, CONTACT_ANSWERS[0]!)),
  ...CONTACT_FAILS.map((contact) => world(EMPLOYEE_ANSWERS[0]!, contact)),
];

const HANGUP_PHASES: HangupPhase[] = ['ringing', 'own message', "other's message", 'hold', "contact's line", 'talk'];
const RELEASE_PHASES: ReleasePhase[] = ['first ringing', 'second ringing', 'employee message', 'contact message', 'hold', "contact's line", 'talk'];
const ending = (label: string, value: Ending): AxisValue => ({ label, ending: value });

export const ENDING: AxisValue[] = [
  ending('nobody hangs up', { kind: 'nobody' }),
  ...(['employee', 'contact'] as const).flatMap((who) =>
    HANGUP_PHASES.map((phase) => ending(`${who} hangs up during ${phase}`, { kind: 'hangup', who, phase })),
  ),
  ...RELEASE_PHASES.map((phase) => ending(`release.call during ${phase}`, { kind: 'release', phase })),
];

export const AXES: Axis[] = [
  { name: 'flags', values: FLAGS },
  { name: 'employee_message', values: messages('employee_message') },
  { name: 'contact_message', values: messages('contact_message') },
  { name: 'dtmf', values: DTMF },
  { name: 'world', values: WORLD },
  { name: 'ending', values: ENDING },
];
