import { describe, expect, it } from 'vitest';
import { handleRequest, parseEnvelope } from '../../src/protocol/index.js';
import { INVALID_REQUEST, MINIMAL, NOW, demo, expectError, type ExpectedError } from './helpers.js';

const P = JSON.stringify(MINIMAL);
const req = (members: string) => `{${members}}`;
const PARSE = { code: -32700, message: 'Invalid JSON was received by the server.', mnemonic: 'parse_error' } as const;
const BATCH = { code: -32099, message: 'Batch operations not supported', mnemonic: 'batch_operations_not_supported' } as const;
const NOTIFY = { code: -32099, message: 'Notifications not supported', mnemonic: 'notifications_not_supported' } as const;
const ENCODING = { code: -32602, message: 'The character encoding must be UTF-8', mnemonic: 'character_encoding_not_allowed' } as const;
const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (text: string) => new TextEncoder().encode(text);

const cases: [string, string | Uint8Array, ExpectedError][] = [
  ['V1 not JSON', '{"jsonrpc":', { ...PARSE, field: null, id: null }],
  ['V1 empty body', '', { ...PARSE, field: null, id: null }],
  ['V1 a JSON string with a BOM inside', '"\uFEFF', { ...PARSE, field: null, id: null }],
  ['V1 an empty array is a batch', '[]', { ...BATCH, field: null, id: null }],
  ['V1 an array of requests is a batch', `[${req(`"jsonrpc":"2.0","id":1,"method":"start.employee_call","params":${P}`)}]`, { ...BATCH, field: null, id: null }],
  ['V1 a number', '42', { ...INVALID_REQUEST, field: null, id: null }],
  ['V1 a string', '"start.employee_call"', { ...INVALID_REQUEST, field: null, id: null }],
  ['V1 null', 'null', { ...INVALID_REQUEST, field: null, id: null }],
  ['V1 no id', req(`"jsonrpc":"2.0","method":"start.employee_call","params":${P}`), { ...NOTIFY, field: 'id', id: null }],
  ['V1 jsonrpc missing', req(`"id":"r1","method":"m","params":{}`), { ...INVALID_REQUEST, field: 'jsonrpc', id: 'r1' }],
  ['V1 jsonrpc "1.0"', req(`"jsonrpc":"1.0","id":"r1","method":"m","params":{}`), { ...INVALID_REQUEST, field: 'jsonrpc', value: '1.0', id: 'r1' }],
  ['V1 jsonrpc a number', req(`"jsonrpc":2.0,"id":7,"method":"m","params":{}`), { ...INVALID_REQUEST, field: 'jsonrpc', value: 2, id: 7 }],
  ['V1 id null', req(`"jsonrpc":"2.0","id":null,"method":"m","params":{}`), { ...INVALID_REQUEST, field: 'id', value: null, id: null }],
  ['V1 id an object', req(`"jsonrpc":"2.0","id":{"a":1},"method":"m","params":{}`), { ...INVALID_REQUEST, field: 'id', value: { a: 1 }, id: null }],
  ['V1 id a boolean', req(`"jsonrpc":"2.0","id":true,"method":"m","params":{}`), { ...INVALID_REQUEST, field: 'id', value: true, id: null }],
  ['V1 method missing', req(`"jsonrpc":"2.0","id":"r1","params":{}`), { ...INVALID_REQUEST, field: 'method', id: 'r1' }],
  ['V1 method a number', req(`"jsonrpc":"2.0","id":"r1","method":5,"params":{}`), { ...INVALID_REQUEST, field: 'method', value: 5, id: 'r1' }],
  ['V1 params missing', req(`"jsonrpc":"2.0","id":"r1","method":"m"`), { ...INVALID_REQUEST, field: 'params', id: 'r1' }],
  ['V1 params an array', req(`"jsonrpc":"2.0","id":"r1","method":"m","params":[1]`), { ...INVALID_REQUEST, field: 'params', value: [1], id: 'r1' }],
  ['V1 params null', req(`"jsonrpc":"2.0","id":"r1","method":"m","params":null`), { ...INVALID_REQUEST, field: 'params', value: null, id: 'r1' }],
  ['V1 params a string', req(`"jsonrpc":"2.0","id":0,"method":"m","params":"x"`), { ...INVALID_REQUEST, field: 'params', value: 'x', id: 0 }],
  ['V1 decision: a member JSON-RPC does not define', req(`"jsonrpc":"2.0","id":"r1","method":"m","params":{},"auth":"x"`), { ...INVALID_REQUEST, field: 'auth', value: 'x', id: 'r1' }],
  ['V6 a byte that is never UTF-8', bytes(0xff), { ...ENCODING, field: null, id: null }],
  ['V6 Latin-1 inside valid JSON', bytes(...utf8('{"id":"'), 0xe9, ...utf8('"}')), { ...ENCODING, field: null, id: null }],
  ['V6 an overlong encoding of "/"', bytes(0xc0, 0xaf), { ...ENCODING, field: null, id: null }],
  ['V6 an encoded surrogate', bytes(0x22, 0xed, 0xa0, 0x80, 0x22), { ...ENCODING, field: null, id: null }],
  ['V6 a truncated sequence at the end', bytes(...utf8('{"a":"'), 0xd0), { ...ENCODING, field: null, id: null }],
  ['V6 a string body with a lone surrogate', '{"id":"\uD800"}', { ...ENCODING, field: null, id: null }],
];

describe('V1/V6 the envelope', () => {
  it.each(cases)('%s', (_, body, expected) => {
    expectError(handleRequest(body, demo, { now: NOW }), expected);
    expect(parseEnvelope(body)).toStrictEqual(handleRequest(body, demo, { now: NOW }));
  });

  it('V1 unknown method → -32601 method_not_found, with the request id and the name sent', () => {
    expectError(handleRequest(req(`"jsonrpc":"2.0","id":"r9","method":"start.employee_cal","params":${P}`), demo, { now: NOW }), {
      code: -32601,
      message: 'The method does not exist / is not available',
      mnemonic: 'method_not_found',
      field: 'method',
      value: 'start.employee_cal',
      id: 'r9',
    });
  });

  it.each([
    ['a string id', '"r1"', 'r1'],
    ['an empty string id', '""', ''],
    ['a zero id', '0', 0],
    ['a fractional id', '1.5', 1.5],
  ])('V1 %s is read and kept', (_, idJson, id) => {
    const body = req(`"jsonrpc":"2.0","id":${idJson},"method":"login.user","params":{"login":"demo"}`);
    expect(parseEnvelope(body)).toStrictEqual({ ok: true, id, method: 'login.user', params: { login: 'demo' } });
  });

  it.each([
    ['a BOM before a string body', `\uFEFF${req(`"jsonrpc":"2.0","id":1,"method":"m","params":{}`)}`],
    ['a BOM before a byte body', bytes(0xef, 0xbb, 0xbf, ...utf8(req(`"jsonrpc":"2.0","id":1,"method":"m","params":{}`)))],
    ['non-ASCII UTF-8 bytes', utf8(req(`"jsonrpc":"2.0","id":1,"method":"m","params":{"t":"Привет 😀"}`))],
  ])('V6 decision: %s is read', (_, body) => {
    expect(parseEnvelope(body).ok).toBe(true);
  });

  it('V1 a "__proto__" member is just an unknown member', () => {
    const body = req(`"jsonrpc":"2.0","id":1,"method":"m","params":{},"__proto__":{"x":1}`);
    expectError(handleRequest(body, demo), { ...INVALID_REQUEST, field: '__proto__', value: { x: 1 }, id: 1 });
  });
});
