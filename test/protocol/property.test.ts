import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERRORS, handleRequest, respond, type Validation } from '../../src/protocol/index.js';
import { MINIMAL, NOW, TOKEN, demo, expectError, params, send } from './helpers.js';

const MNEMONICS = new Set(Object.keys(ERRORS));

/** V7: a well-formed JSON-RPC answer, whatever came in. */
function expectWellFormed(validation: Validation): void {
  const response = JSON.parse(JSON.stringify(respond(validation, 1))) as Record<string, any>;
  expect(response.jsonrpc).toBe('2.0');
  expect(response.id === null || ['string', 'number'].includes(typeof response.id)).toBe(true);
  expect('result' in response !== 'error' in response).toBe(true);
  if ('result' in response) {
    expect(response.result).toStrictEqual({ data: { call_session_id: 1 } });
    return;
  }
  const { code, message, data } = response.error;
  expect(Number.isInteger(code)).toBe(true);
  expect(typeof message).toBe('string');
  expect(MNEMONICS.has(data.mnemonic)).toBe(true);
  expect(ERRORS[data.mnemonic as keyof typeof ERRORS].code).toBe(code);
  expect(data.field === null || typeof data.field === 'string').toBe(true);
  expect(data.extended_helper).toBeNull();
}

const handle = (body: string | Uint8Array) => handleRequest(body, demo, { now: NOW });
const RUNS = { numRuns: 300 };

/** Parameters near the valid ones: some required names dropped, some names given any (or a near-valid) value. */
const NAMES = [...Object.keys(MINIMAL), 'media_file_id', 'dtmf_string', 'contact_message', 'employee_message', 'x'];
const nearValue = fc.oneof(
  fc.jsonValue(),
  fc.record({ id: fc.oneof(fc.constant(25), fc.jsonValue()), phone_number: fc.jsonValue() }, { requiredKeys: ['id'] }),
  fc.record({ type: fc.constantFrom('media', 'tts', 'x'), value: fc.oneof(fc.string(), fc.constant('2561')) }),
);
const nearParams = fc
  .record({ drop: fc.subarray(Object.keys(MINIMAL)), extra: fc.dictionary(fc.constantFrom(...NAMES), nearValue) })
  .map(({ drop, extra }) => {
    const p: Record<string, unknown> = { ...MINIMAL, ...extra };
    for (const name of drop) delete p[name];
    return p;
  });

describe('V7 any input gets a well-formed JSON-RPC answer (properties)', () => {
  it('V7 any JSON value as the body', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expectWellFormed(handle(JSON.stringify(value) ?? ''))), RUNS);
  });

  it('V7 any JSON value as params, id or method of a request', () => {
    const request = fc.record({
      jsonrpc: fc.oneof(fc.constant('2.0'), fc.jsonValue()),
      id: fc.oneof(fc.string(), fc.integer(), fc.jsonValue()),
      method: fc.oneof(fc.constant('start.employee_call'), fc.jsonValue()),
      params: fc.oneof(fc.jsonValue(), nearParams, fc.dictionary(fc.string(), fc.jsonValue())),
    });
    fc.assert(fc.property(request, (r) => expectWellFormed(handle(JSON.stringify(r)))), RUNS);
  });

  it('V7 any string as the body', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => expectWellFormed(handle(text))), RUNS);
  });

  it('V7 any bytes as the body', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => expectWellFormed(handle(bytes))), RUNS);
  });

  it('V7 valid answers keep the request id', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer()), (id) => {
        const result = handle(JSON.stringify({ jsonrpc: '2.0', id, method: 'start.employee_call', params: MINIMAL }));
        expect(result.ok && result.id).toBe(id);
      }),
      { numRuns: 50 },
    );
  });
});

describe('V7 hostile bodies still get an answer that can be written out', () => {
  const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
  const call = (members: string) => `{"jsonrpc":"2.0","id":1,"method":"start.employee_call","params":{${members}}}`;
  const minimal = JSON.stringify(MINIMAL).slice(1, -1);

  it.each([
    ['a parameter', call(`"access_token":"${TOKEN}","first_call":${deep(500)}`), 'data_type_error', 'first_call'],
    ['an unknown parameter', call(`${minimal},"x":${deep(500)}`), 'unexpected_parameters', 'x'],
    ['the access token', call(`"access_token":${deep(500)}`), 'data_type_error', 'access_token'],
    ['the jsonrpc member', `{"jsonrpc":${deep(500)},"id":1,"method":"m","params":{}}`, 'invalid_request', 'jsonrpc'],
  ])('V7 a value nested 500 levels deep in %s: answered, serialisable, the value not echoed', (_, text, mnemonic, field) => {
    const response = respond(handle(text), 1);
    expect(() => JSON.stringify(response)).not.toThrow();
    expect(response).toMatchObject({ id: 1, error: { data: { mnemonic, field } } });
    expect('value' in (response as { error: { data: object } }).error.data).toBe(false);
  });

  it.each([
    ['nested 100 000 levels deep', call(`"access_token":"${TOKEN}","first_call":${deep(100_000)}`)],
    ['nested 513 levels deep', call(`"access_token":${deep(511)}`)],
    ['with 500 000 values', call(`"access_token":"${TOKEN}","x":[${Array(500_000).fill(0).join(',')}]`)],
    ['with 4 097 values', call(`"access_token":"${TOKEN}","x":[${Array(4_091).fill(0).join(',')}]`)],
    ['with 100 000 members', call(Array.from({ length: 100_000 }, (_, i) => `"k${i}":1`).join(','))],
  ])('a body %s is not read: parse_error, as for a body that is not JSON (JSON_LIMITS)', (_, text) => {
    expect(respond(handle(text), 1)).toMatchObject({ id: null, error: { code: -32700, data: { mnemonic: 'parse_error', field: null } } });
  });

  it('the limits count structure, not text: brackets and commas inside strings are free', () => {
    const text = call(`${minimal},"external_id":"${'[{,'.repeat(5000)}"`);
    expect(respond(handle(text), 1)).toMatchObject({ id: 1, error: { data: { mnemonic: 'invalid_parameter_value', field: 'external_id' } } });
    expect(respond(handle(call(`"access_token":${deep(510)}`)), 1)).toMatchObject({ id: 1, error: { data: { mnemonic: 'data_type_error' } } });
    // 4 096 values exactly: two objects, four members after a comma, the array, its 4 089 elements after a comma.
    const atLimit = call(`"access_token":"${TOKEN}","x":[${Array(4_090).fill(0).join(',')}]`);
    expect(respond(handle(atLimit), 1)).toMatchObject({ id: 1, error: { data: { mnemonic: 'required_parameter_missed' } } });
  });

  it('V7 a value nested 64 levels deep is still echoed unchanged', () => {
    const value = JSON.parse(deep(64));
    expect(send(params({ first_call: value }))).toMatchObject({ response: { error: { data: { field: 'first_call', value } } } });
  });
});

describe('V7 an unexpected exception becomes -32603 internal_error', () => {
  const broken = { ...demo, media_files: [] }; // no dialing_music: resolving the default media_file_id throws
  const internal = { code: -32603, message: 'Internal error, contact the support service', mnemonic: 'internal_error', field: null };

  it('V7 from handleRequest, with the request id', () => {
    expectError(send(params(), broken), internal);
  });

  it('V7 from an account whose data cannot be read', () => {
    const hostile = new Proxy(demo, { get: (target, key) => (key === 'access_tokens' ? fail() : Reflect.get(target, key)) });
    expectError(handleRequest(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'start.employee_call', params: { access_token: TOKEN } }), hostile), {
      ...internal,
      id: 3,
    });
  });
});

function fail(): never {
  throw new Error('boom');
}
