import { describe, expect, it } from 'vitest';
import { handleRequest } from '../../src/protocol/index.js';
import { ABSENT, MINIMAL, NOW, SEED_BODY, TOKEN, demo, params, send } from './helpers.js';

describe('§1 the seed page example request', () => {
  it.each([
    ['as text', SEED_BODY],
    ['as UTF-8 bytes', new TextEncoder().encode(SEED_BODY)],
    ['as bytes after a UTF-8 BOM (V6 decision: the BOM is dropped)', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SEED_BODY)])],
  ])('§1/§7 validates unchanged against the demo account (%s), defaults filled in', (_, body) => {
    expect(handleRequest(body, demo, { now: NOW })).toStrictEqual({
      ok: true,
      id: 'req1',
      params: {
        access_token: TOKEN,
        first_call: 'employee',
        switch_at_once: true,
        early_switching: false, // default
        media_file_id: 2701,
        virtual_phone_number: '74993720692',
        virtual_phone_usage_rule: 'fixed', // default
        show_virtual_phone_number: false,
        contact: '79260000000',
        external_id: '334otr01',
        dtmf_string: '.1.2.3',
        direction: 'in',
        employee: { id: 25, phone_number: '79260000001' },
        contact_message: { type: 'tts', value: 'Привет' },
        employee_message: { type: 'media', value: '2561' },
      },
    });
  });
});

describe('§1 defaults of the optional parameters', () => {
  const minimal = send(MINIMAL);
  it.each([
    ['switch_at_once', false],
    ['early_switching', false],
    ['media_file_id', 1], // the demo account's system dialing_music
    ['virtual_phone_usage_rule', 'fixed'],
    ['show_virtual_phone_number', true],
    ['external_id', null],
    ['dtmf_string', null],
    ['direction', 'in'],
    ['contact_message', null],
    ['employee_message', null],
  ])('§1 %s absent → %j', (name, expected) => {
    expect(minimal.ok && minimal.params[name as keyof typeof minimal.params]).toStrictEqual(expected);
  });

  it('§1 employee.phone_number absent → null (every active number is dialled, R14)', () => {
    expect(minimal.ok && minimal.params.employee).toStrictEqual({ id: 25, phone_number: null });
  });

  it.each([
    'switch_at_once',
    'early_switching',
    'media_file_id',
    'virtual_phone_usage_rule',
    'show_virtual_phone_number',
    'external_id',
    'dtmf_string',
    'direction',
    'contact_message',
    'employee_message',
    'employee.phone_number',
  ])('§1 decision: optional %s sent as null counts as not sent', (name) => {
    expect(send(params({ [name]: null }))).toStrictEqual(minimal);
    expect(send(params({ [name]: ABSENT }))).toStrictEqual(minimal);
  });
});
