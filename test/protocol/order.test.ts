import { describe, expect, it } from 'vitest';
import { handleRequest, type Validation } from '../../src/protocol/index.js';
import { ABSENT, MINIMAL, NOW, demo, demoWith, params, send } from './helpers.js';

/** The mnemonic and field that won. */
function winner(validation: Validation): [string, string | null] {
  if (validation.ok) return ['ok', null];
  const { mnemonic, field } = validation.response.error.data;
  return [mnemonic, field];
}

const P = JSON.stringify(MINIMAL);
describe('V1/V6 competing envelope faults', () => {
  it.each<[string, string | Uint8Array, string, string | null]>([
    ['V6 before V1: not UTF-8 and not JSON', new Uint8Array([0x7b, 0xff]), 'character_encoding_not_allowed', null],
    ['V1 no id before a bad jsonrpc', `{"jsonrpc":"1.0","method":"m","params":{}}`, 'notifications_not_supported', 'id'],
    ['V1 jsonrpc before id', `{"jsonrpc":"1.0","id":null,"method":"m","params":{}}`, 'invalid_request', 'jsonrpc'],
    ['V1 id before method', `{"jsonrpc":"2.0","id":[],"params":{}}`, 'invalid_request', 'id'],
    ['V1 method before params', `{"jsonrpc":"2.0","id":1,"method":1,"params":1}`, 'invalid_request', 'method'],
    ['V1 params before an unknown member', `{"jsonrpc":"2.0","id":1,"method":"m","x":1}`, 'invalid_request', 'params'],
    ['V1 method_not_found before the token (V2)', `{"jsonrpc":"2.0","id":1,"method":"m","params":{}}`, 'method_not_found', 'method'],
  ])('%s', (_, body, mnemonic, field) => {
    expect(winner(handleRequest(body, demo, { now: NOW }))).toStrictEqual([mnemonic, field]);
  });

  it('V1 the request id is kept on errors after the envelope', () => {
    const result = handleRequest(`{"jsonrpc":"2.0","id":"abc","method":"start.employee_call","params":${P.replace('"employee"', '"emp"')}}`, demo);
    expect(!result.ok && result.response.id).toBe('abc');
  });
});

const noBasic = demoWith({ components: ['automatic_number_management'] });
const noNuma = demoWith({ components: ['call_api_basic'], blacklist: ['79990000000', '74993720693'] });

describe('V2..V5 competing faults: the first in the order of docs/spec.md wins', () => {
  it.each<[string, Record<string, unknown>, string, string | null, typeof demo?]>([
    ['V2 before V3: bad token and no first_call', { access_token: 'nope', first_call: ABSENT }, 'access_token_invalid', 'access_token'],
    ['V2 before the component', { access_token: 'nope' }, 'access_token_invalid', 'access_token', noBasic],
    ['component before V3', { first_call: 'boss' }, 'component_disabled', null, noBasic],
    ['V3 table order: bad first_call value before a bad contact type', { first_call: 'boss', contact: 7 }, 'invalid_parameter_value', 'first_call'],
    ['V3 table order: a bad switch_at_once type before a missing contact', { switch_at_once: 'yes', contact: ABSENT }, 'data_type_error', 'switch_at_once'],
    ['V3 table order: missing contact before a bad dtmf_string', { contact: ABSENT, dtmf_string: 'x' }, 'required_parameter_missed', 'contact'],
    ['V3 table order: virtual_phone_number before contact', { virtual_phone_number: '1', contact: '2' }, 'invalid_parameter_value', 'virtual_phone_number'],
    ['V3 table order: employee before contact_message', { 'employee.id': 'x', contact_message: 5 }, 'data_type_error', 'employee.id'],
    ['V3 table order: contact_message before employee_message', { contact_message: { type: 'x', value: 'y' }, employee_message: 1 }, 'invalid_parameter_value', 'contact_message.type'],
    ['V3 within an object: type before value', { contact_message: {} }, 'required_parameter_missed', 'contact_message.type'],
    ['V3 within an object: a bad media value before an unknown name in it', { contact_message: { type: 'media', value: 'x', q: 1 } }, 'invalid_parameter_value', 'contact_message.value'],
    ['V3 decision: a bad value before an unknown top-level name', { first_call: 'boss', frist_call: 'employee' }, 'invalid_parameter_value', 'first_call'],
    ['V3 decision: a missing name before an unknown top-level name (a typo)', { first_call: ABSENT, frist_call: 'employee' }, 'required_parameter_missed', 'first_call'],
    ['V3 decision: an unknown name in employee at employee’s row, before contact_message', { 'employee.name': 'x', contact_message: { type: 'x', value: '' } }, 'unexpected_parameters', 'employee.name'],
    ['V3 decision: employee.phone_number before an unknown name in employee', { 'employee.name': 'x', 'employee.phone_number': 5 }, 'data_type_error', 'employee.phone_number'],
    ['V3 decision: unknown names in the order sent', { zz: 1, aa: 2 }, 'unexpected_parameters', 'zz'],
    ['V3 contact format before V4', { contact: '125', early_switching: true }, 'invalid_parameter_value', 'contact'],
    ['V4 before V5', { early_switching: true, virtual_phone_number: '74990000000' }, 'invalid_parameters_combination', 'early_switching'],
    ['V5 virtual number before employee', { virtual_phone_number: '74990000000', 'employee.id': 99 }, 'virtual_phone_number_not_found', 'virtual_phone_number'],
    ['V5 employee before its numbers and media', { 'employee.id': 99, media_file_id: 9999 }, 'employee_not_found', 'employee.id'],
    ['V5 no active number before media', { 'employee.id': 26, media_file_id: 9999 }, 'no_active_phone_number', 'employee.id'],
    ['V5 media_file_id before a message’s media', { media_file_id: 9999, contact_message: { type: 'media', value: '9998' } }, 'media_file_not_found', 'media_file_id'],
    ['V5 contact_message media before employee_message media', { contact_message: { type: 'media', value: '9998' }, employee_message: { type: 'media', value: '9997' } }, 'media_file_not_found', 'contact_message.value'],
    ['V5 any media before any TTS length', { contact_message: { type: 'tts', value: 'я'.repeat(501) }, employee_message: { type: 'media', value: '9997' } }, 'media_file_not_found', 'employee_message.value'],
    ['V5 contact_message TTS before employee_message TTS', { contact_message: { type: 'tts', value: 'я'.repeat(501) }, employee_message: { type: 'tts', value: 'я'.repeat(502) } }, 'tts_text_exceeded', 'contact_message.value'],
    ['V5 TTS before an own-number contact', { contact: '74993720693', contact_message: { type: 'tts', value: 'я'.repeat(501) } }, 'tts_text_exceeded', 'contact_message.value'],
    ['V5 own number before the blacklist', { contact: '74993720693' }, 'own_virtual_phone_number_not_allowed', 'contact', noNuma],
    ['V5 blacklist before the usage-rule component', { contact: '79990000000', virtual_phone_usage_rule: 'random' }, 'contact_in_blacklist', 'contact', noNuma],
  ])('%s', (_, edits, mnemonic, field, account = demo) => {
    expect(winner(send(params(edits), account))).toStrictEqual([mnemonic, field]);
  });
});
