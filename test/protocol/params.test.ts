import { describe, expect, it } from 'vitest';
import { handleRequest } from '../../src/protocol/index.js';
import { ABSENT, BAD_VALUE, MISSED, NOW, TYPE, UNEXPECTED, demo, expectError, params, send } from './helpers.js';

const media = (value: unknown) => ({ type: 'media', value });
const tts = (value: unknown) => ({ type: 'tts', value });

/** [parameter (dotted), what is sent] → required_parameter_missed; ABSENT: not sent at all. */
const missing: [string, unknown][] = [
  ...['first_call', 'virtual_phone_number', 'contact', 'employee', 'employee.id'].map((name): [string, unknown] => [name, ABSENT]),
  ...['contact_message', 'employee_message'].flatMap((m): [string, unknown][] => [
    [`${m}.type`, ABSENT],
    [`${m}.value`, ABSENT],
  ]),
  ['first_call', null],
  ['contact', null],
  ['employee', null],
  ['employee.id', null],
  ['contact_message.value', null],
];

/** [parameter, a value of the wrong JSON type] → data_type_error. */
const wrongType: [string, unknown][] = [
  ['first_call', 5],
  ['switch_at_once', 'true'],
  ['early_switching', 1],
  ['media_file_id', '2701'],
  ['virtual_phone_number', 74993720692],
  ['virtual_phone_usage_rule', ['fixed']],
  ['show_virtual_phone_number', 'false'],
  ['contact', 79260000000],
  ['external_id', 334],
  ['dtmf_string', 123],
  ['direction', true],
  ['employee', '25'],
  ['employee', [25]],
  ['employee.id', '25'],
  ['employee.phone_number', 79260000001],
  ['contact_message', 'Привет'],
  ['contact_message.type', 1],
  ['contact_message.value', 2561],
  ['employee_message', []],
  ['employee_message.value', { id: 2561 }],
];

/** [parameter, a value of the right type outside its set or format] → invalid_parameter_value. */
const badValue: [string, unknown][] = [
  ['first_call', 'boss'],
  ['first_call', 'Employee'],
  ['media_file_id', 2701.5],
  ['virtual_phone_number', '+74993720692'],
  ['virtual_phone_number', '7499372069'], // 10 digits
  ['virtual_phone_number', '7499372069212345'], // 16 digits
  ['virtual_phone_number', '04993720692'], // no country code
  ['virtual_phone_usage_rule', 'sometimes'],
  ['contact', '+79260000000'],
  ['contact', '8 926 000-00-00'],
  ['contact', '125'], // an internal number (R13: not supported)
  ['contact', '0167099'], // not an employee's SIP number
  ['contact', ''],
  ['dtmf_string', '1,2'],
  ['dtmf_string', 'abc'],
  ['direction', 'both'],
  ['employee.id', 25.5],
  ['employee.phone_number', '+79260000001'],
  ['employee.phone_number', ''],
  ['contact_message.type', 'text'],
  ['employee_message.type', 'MEDIA'],
];

const withMessages = (edits: Record<string, unknown>) => params({ contact_message: tts('Привет'), employee_message: media('2561'), ...edits });

describe('V3 parameters', () => {
  it.each(missing)('V3 %s sent as %s → required_parameter_missed', (name, value) => {
    expectError(send(withMessages({ [name]: value })), { ...MISSED, field: name, value });
  });

  it.each(wrongType)('V3 %s = %j → data_type_error', (name, value) => {
    expectError(send(withMessages({ [name]: value })), { ...TYPE, field: name, value });
  });

  it.each(badValue)('V3 %s = %j → invalid_parameter_value', (name, value) => {
    expectError(send(withMessages({ [name]: value })), { ...BAD_VALUE, field: name, value });
  });

  it.each([
    ['contact_message', 'abc'],
    ['employee_message', '25.1'],
    ['employee_message', ''],
    ['contact_message', ' 2561'],
  ])('V3 a media %s value that is not digits (%j) → invalid_parameter_value', (name, value) => {
    expectError(send(withMessages({ [name]: media(value) })), { ...BAD_VALUE, field: `${name}.value`, value });
  });

  it('V3 decision: an empty TTS text → invalid_parameter_value', () => {
    expectError(send(withMessages({ contact_message: tts('') })), { ...BAD_VALUE, field: 'contact_message.value', value: '' });
  });

  it.each([
    ['frist_call', 'employee'],
    ['employee.name', 'Анна'],
    ['contact_message.voice', 'female'],
    ['employee_message.lang', 'ru'],
  ])('V3 an unknown name %s → unexpected_parameters, field = its dotted name', (name, value) => {
    expectError(send(withMessages({ [name]: value })), { ...UNEXPECTED, field: name, value });
  });

  it('V3 an unknown "__proto__" parameter is reported like any other', () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 't1', method: 'start.employee_call', params: params() }).replace('{"access_token"', '{"__proto__":1,"access_token"');
    expectError(handleRequest(body, demo, { now: NOW }), { ...UNEXPECTED, field: '__proto__', value: 1 });
  });

  it('V3 a number too large for JSON (1e400, read as Infinity) is a bad value, not a bad type', () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 't1', method: 'start.employee_call', params: params() }).replace('"employee":{"id":25', '"employee":{"id":1e400');
    expectError(handleRequest(body, demo, { now: NOW }), { ...BAD_VALUE, field: 'employee.id', value: Infinity });
  });

  it.each([
    ['contact: an E.164 number', { contact: '442071234567' }],
    ['contact: an employee SIP number, active', { contact: '0167025' }],
    ['contact: an employee SIP number, inactive (R13: status not considered)', { contact: '0167027' }],
    ['employee.phone_number: E.164', { 'employee.phone_number': '79260000002' }],
    ['employee.phone_number: SIP format', { 'employee.phone_number': '0167025' }],
    ['employee.phone_number: internal format', { 'employee.phone_number': '125' }],
    ['dtmf_string: every allowed character', { dtmf_string: '0123456789*#.' }],
    ['dtmf_string: empty', { dtmf_string: '' }],
    ['contact: a 15-digit E.164 number', { contact: '123456789012345' }],
    ['every usage rule value', { virtual_phone_usage_rule: 'regional_fixed_for_numa' }],
    ['direction out', { direction: 'out' }],
    ['first_call contact', { first_call: 'contact' }],
    ['external_id empty', { external_id: '' }],
  ])('V3 accepts %s', (_, edits) => {
    expect(send(withMessages(edits)).ok).toBe(true);
  });
});

const COMBINATION = { code: -32602, message: 'The combination of parameters is not permitted', mnemonic: 'invalid_parameters_combination' } as const;

describe('V4 combinations', () => {
  it.each([
    ['employee', true, true, true],
    ['employee', false, true, false],
    ['contact', true, true, false],
    ['contact', false, true, false],
    ['employee', false, false, true],
    ['contact', true, false, true],
    ['employee', ABSENT, true, false],
  ])('V4 first_call %s, switch_at_once %s, early_switching %s → allowed: %s', (first_call, switch_at_once, early_switching, allowed) => {
    const result = send(params({ first_call, switch_at_once, early_switching }));
    if (allowed) expect(result.ok).toBe(true);
    else expectError(result, { ...COMBINATION, field: 'early_switching', value: true });
  });
});
