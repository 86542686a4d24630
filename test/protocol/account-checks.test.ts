import { describe, expect, it } from 'vitest';
import { checkAccessToken } from '../../src/protocol/index.js';
import { ABSENT, MISSED, NOW, TOKEN, TYPE, demo, demoWith, expectError, params, send, type ExpectedError } from './helpers.js';

const TOKEN_ERR = (mnemonic: string, message: string, value?: unknown): ExpectedError => ({
  code: -32001,
  message,
  mnemonic,
  field: 'access_token',
  value,
});
const INVALID = 'Access token is invalid';

describe('V2 the access token', () => {
  it.each<[string, unknown, ExpectedError]>([
    ['missing', ABSENT, { ...MISSED, field: 'access_token' }],
    ['undefined (a JS caller)', undefined, { ...MISSED, field: 'access_token' }],
    ['null', null, { ...MISSED, field: 'access_token', value: null }],
    ['a number', 123, { ...TYPE, field: 'access_token', value: 123 }],
    ['unknown', 'nope', TOKEN_ERR('access_token_invalid', INVALID, 'nope')],
    ['empty', '', TOKEN_ERR('access_token_invalid', INVALID, '')],
    ['a known token with a different case', TOKEN.toUpperCase(), TOKEN_ERR('access_token_invalid', INVALID, TOKEN.toUpperCase())],
    ['expired', 'demo-expired-token', TOKEN_ERR('access_token_expired', 'Access token has been expired', 'demo-expired-token')],
    ['blocked', 'demo-blocked-token', TOKEN_ERR('access_token_blocked', 'Access token has been blocked', 'demo-blocked-token')],
  ])('V2 token %s', (_, token, expected) => {
    expectError(send(params({ access_token: token })), expected);
    expect(checkAccessToken('t1', params({ access_token: token }), demo, NOW)).toStrictEqual(
      (send(params({ access_token: token })) as { response: unknown }).response,
    );
  });

  it('V2 checkAccessToken lets a good token through', () => {
    expect(checkAccessToken('t1', { access_token: TOKEN }, demo)).toBeNull();
  });

  const dated = (expires_at: string, blocked = false) => demoWith({ access_tokens: [{ token: 'k', expires_at, blocked }] });
  it.each([
    ['expires exactly now', NOW.toISOString(), false, 'access_token_expired'],
    ['expired a second ago', new Date(NOW.getTime() - 1000).toISOString(), false, 'access_token_expired'],
    ['expires in a millisecond', new Date(NOW.getTime() + 1).toISOString(), false, null],
    ['expires tomorrow, in another offset', '2025-06-02T15:00:00+03:00', false, null],
    ['decision: blocked and expired → blocked', '2020-01-01T00:00:00Z', true, 'access_token_blocked'],
  ])('V2 a token that %s', (_, expiresAt, blocked, mnemonic) => {
    const result = checkAccessToken('t1', { access_token: 'k' }, dated(expiresAt, blocked), NOW);
    expect(result?.error.data.mnemonic ?? null).toBe(mnemonic);
  });
});

describe('component "Call API Базовый набор" (decision: checked right after the token)', () => {
  it('-32008 component_disabled for an account without call_api_basic', () => {
    const account = demoWith({ components: ['call_api_call_management'] });
    expectError(send(params(), account), {
      code: -32008,
      message: 'Component Call API Базовый набор has been disabled',
      mnemonic: 'component_disabled',
      field: null,
      params: { component_name: 'Call API Базовый набор' },
    });
  });
});

const V5: [string, Record<string, unknown>, ExpectedError][] = [
  ['virtual number not the account’s', { virtual_phone_number: '74990000000' }, {
    code: -32007, mnemonic: 'virtual_phone_number_not_found', field: 'virtual_phone_number', value: '74990000000',
    message: 'Virtual phone number 74990000000 not found. It is not your virtual phone number.', params: { virtual_phone_number: '74990000000' },
  }],
  ['employee unknown', { 'employee.id': 99 }, {
    code: -32602, mnemonic: 'employee_not_found', field: 'employee.id', value: 99,
    message: 'Employee with id 99 not found. It is not your employee.', params: { employee_id: 99 },
  }],
  ['employee without an active number', { 'employee.id': 26 }, { ...noActive('employee.id', 26) }],
  ['employee.phone_number inactive', { 'employee.phone_number': '79260000003' }, noActive('employee.phone_number', '79260000003')],
  ['employee.phone_number of another employee', { 'employee.phone_number': '79260000007' }, noActive('employee.phone_number', '79260000007')],
  ['employee.phone_number nobody’s', { 'employee.phone_number': '79261111111' }, noActive('employee.phone_number', '79261111111')],
  ['employee.phone_number an inactive SIP number', { 'employee.id': 27, 'employee.phone_number': '0167027' }, noActive('employee.phone_number', '0167027')],
  ['media_file_id unknown', { media_file_id: 9999 }, mediaNotFound('media_file_id', 9999, 9999)],
  ['contact_message media unknown', { contact_message: { type: 'media', value: '9999' } }, mediaNotFound('contact_message.value', '9999', 9999)],
  ['employee_message media unknown', { employee_message: { type: 'media', value: '0777' } }, mediaNotFound('employee_message.value', '0777', 777)],
  ['contact_message TTS too long', { contact_message: { type: 'tts', value: 'а'.repeat(501) } }, ttsTooLong('contact_message.value', 'а'.repeat(501), 501)],
  ['employee_message TTS too long (code points)', { employee_message: { type: 'tts', value: '😀'.repeat(600) } }, ttsTooLong('employee_message.value', '😀'.repeat(600), 600)],
  ['contact an own virtual number', { contact: '74993720693' }, ownNumber('74993720693')],
  ['contact an own virtual number outside the pool', { contact: '74951110000' }, ownNumber('74951110000')],
  ['contact the request’s own virtual number', { contact: '74993720692' }, ownNumber('74993720692')],
  ['contact blacklisted', { contact: '79990000000' }, {
    code: -32002, mnemonic: 'contact_in_blacklist', field: 'contact', value: '79990000000',
    message: 'The contact 79990000000 has been found in the blacklist', params: { contact: '79990000000' },
  }],
];

function noActive(field: string, value: unknown): ExpectedError {
  return { code: -32602, mnemonic: 'no_active_phone_number', message: 'The phone number does not exist or inactive', field, value };
}
function mediaNotFound(field: string, value: unknown, id: number): ExpectedError {
  return { code: -32602, mnemonic: 'media_file_not_found', message: `The media file with id ${id} not found`, field, value, params: { media_file_id: id } };
}
function ttsTooLong(field: string, value: string, length: number): ExpectedError {
  const message = `The maximum length of Text-to-Speech message is 500. The length of your message is ${length}`;
  return { code: -32602, mnemonic: 'tts_text_exceeded', message, field, value, params: { tts_message_max_length: 500, sent_tts_message_length: length } };
}
function ownNumber(value: string): ExpectedError {
  return { code: -32602, mnemonic: 'own_virtual_phone_number_not_allowed', message: 'Parameter contact can not contain own virtual phone number', field: 'contact', value };
}

describe('V5 the account', () => {
  it.each(V5)('V5 %s', (_, edits, expected) => {
    expectError(send(params(edits)), expected);
  });

  it.each(['fixed_for_numa', 'random', 'regional_random', 'regional_fixed_for_numa'])(
    'V5 usage rule %s without "automatic number management" → -32008 component_disabled',
    (rule) => {
      const account = demoWith({ components: ['call_api_basic'] });
      expectError(send(params({ virtual_phone_usage_rule: rule }), account), {
        code: -32008,
        message: 'Component Автоматическое управление номерами has been disabled',
        mnemonic: 'component_disabled',
        field: 'virtual_phone_usage_rule',
        value: rule,
        params: { component_name: 'Автоматическое управление номерами' },
      });
      expect(send(params({ virtual_phone_usage_rule: rule })).ok).toBe(true); // the demo account has it
      expect(send(params({ virtual_phone_usage_rule: 'fixed' }), account).ok).toBe(true);
    },
  );

  it.each([
    ['a TTS text of exactly the limit', { contact_message: { type: 'tts', value: 'а'.repeat(500) } }],
    ['a TTS text of the limit in astral code points', { contact_message: { type: 'tts', value: '😀'.repeat(500) } }],
    ['the system dialing_music as media_file_id', { media_file_id: 1 }],
    ['a media message naming a system file', { employee_message: { type: 'media', value: '1' } }],
    ['an active SIP number of the employee', { 'employee.phone_number': '0167025' }],
    ['an active internal number of the employee', { 'employee.phone_number': '125' }],
    ['an employee whose first number is inactive', { 'employee.id': 27 }],
    ['a contact that is an inactive SIP number (R13)', { contact: '0167027' }],
  ])('V5 accepts %s', (_, edits) => {
    expect(send(params(edits)).ok).toBe(true);
  });
});
