import { describe, expect, it } from 'vitest';
import { ERRORS, errorResponse, fillTemplate, isErrorResponse, successResponse, type Mnemonic } from '../../src/protocol/index.js';

/** The platform's two error tables (common errors, and start.employee_call's), byte for byte: [mnemonic, code, message template]. */
const CATALOGUE: [Mnemonic, number, string][] = [
  ['invalid_request', -32600, 'Invalid Request The JSON sent is not a valid Request object'],
  ['access_token_expired', -32001, 'Access token has been expired'],
  ['access_token_blocked', -32001, 'Access token has been blocked'],
  ['access_token_invalid', -32001, 'Access token is invalid'],
  ['limit_exceeded', -32029, 'Limit per {limit_type} has been exceeded. Value of current limit per {limit_type} is {limit_max_value}'],
  ['component_disabled', -32008, 'Component {component_name} has been disabled'],
  ['ip_not_whitelisted', -32003, 'Your IP {ip} is not whitelisted'],
  ['auth_error', -32001, 'Login or password is wrong'],
  ['account_inactive', -32009, 'Your account has been disabled, contact the support service'],
  ['call_session_not_found', -32602, 'Call session not found'],
  ['internal_error', -32603, 'Internal error, contact the support service'],
  ['data_type_error', -32602, 'Data supplied is of wrong type'],
  ['method_not_found', -32601, 'The method does not exist / is not available'],
  ['forbidden', -32003, 'Permission denied'],
  ['parse_error', -32700, 'Invalid JSON was received by the server.'],
  ['batch_operations_not_supported', -32099, 'Batch operations not supported'],
  ['notifications_not_supported', -32099, 'Notifications not supported'],
  ['required_parameter_missed', -32602, 'The required parameter has been missed'],
  ['invalid_parameter_value', -32602, 'Invalid parameter value'],
  ['unexpected_parameters', -32602, 'Unexpected method parameter(s)'],
  ['tts_text_exceeded', -32602, 'The maximum length of Text-to-Speech message is {tts_message_max_length}. The length of your message is {sent_tts_message_length}'],
  ['media_file_not_found', -32602, 'The media file with id {media_file_id} not found'],
  ['virtual_phone_number_not_found', -32007, 'Virtual phone number {virtual_phone_number} not found. It is not your virtual phone number.'],
  ['employee_not_found', -32602, 'Employee with id {employee_id} not found. It is not your employee.'],
  ['no_active_phone_number', -32602, 'The phone number does not exist or inactive'],
  ['own_virtual_phone_number_not_allowed', -32602, 'Parameter contact can not contain own virtual phone number'],
  ['contact_in_blacklist', -32002, 'The contact {contact} has been found in the blacklist'],
  ['character_encoding_not_allowed', -32602, 'The character encoding must be UTF-8'],
  ['invalid_parameters_combination', -32602, 'The combination of parameters is not permitted'],
];

describe('V7 the error catalogue', () => {
  it.each(CATALOGUE)('V7 %s is %i "%s"', (mnemonic, code, message) => {
    expect(ERRORS[mnemonic]).toStrictEqual({ code, message });
  });

  it('V7 the catalogue holds exactly the documented errors', () => {
    expect(Object.keys(ERRORS).sort()).toStrictEqual(CATALOGUE.map(([m]) => m).sort());
  });

  it.each<[Mnemonic, Record<string, string | number>, string]>([
    ['limit_exceeded', { limit_type: 'minute', limit_max_value: 600 }, 'Limit per minute has been exceeded. Value of current limit per minute is 600'],
    ['ip_not_whitelisted', { ip: '10.0.0.1' }, 'Your IP 10.0.0.1 is not whitelisted'],
    ['component_disabled', { component_name: 'Call API Управление вызовами' }, 'Component Call API Управление вызовами has been disabled'],
    ['auth_error', {}, 'Login or password is wrong'],
    ['call_session_not_found', {}, 'Call session not found'],
    ['account_inactive', {}, 'Your account has been disabled, contact the support service'],
    ['forbidden', {}, 'Permission denied'],
  ])('V7 errors this validator never returns still format: %s', (mnemonic, params, message) => {
    const response = errorResponse(5, { mnemonic, field: 'call_session_id', value: 1, params });
    expect(response).toStrictEqual({
      jsonrpc: '2.0',
      id: 5,
      error: { code: ERRORS[mnemonic].code, message, data: { mnemonic, field: 'call_session_id', value: 1, params, extended_helper: null } },
    });
  });

  it('V7 data.value is absent when nothing was sent, kept when null or false was sent', () => {
    expect('value' in errorResponse(null, { mnemonic: 'parse_error' }).error.data).toBe(false);
    expect(errorResponse(null, { mnemonic: 'invalid_request', value: null }).error.data.value).toBeNull();
    expect(errorResponse(null, { mnemonic: 'invalid_request', value: false }).error.data.value).toBe(false);
  });

  it('V7 an unknown placeholder is left as written', () => {
    expect(fillTemplate('a {x} b {y}', { x: 1 })).toBe('a 1 b {y}');
  });

  it('success and error responses are told apart', () => {
    expect(isErrorResponse(successResponse('r', { call_session_id: 1 }))).toBe(false);
    expect(isErrorResponse(errorResponse('r', { mnemonic: 'forbidden' }))).toBe(true);
  });
});
