import { afterEach, describe, expect, it } from 'vitest';
import { SEED_REQUEST } from '../../src/server/index.js';
import { listening, testServer, TOKEN } from './helpers.js';
import { postHead, rawExchange } from './raw-http.js';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const CLOSE = { connection: 'close' };
const post = (body: string | Buffer, headers: Record<string, string | number> = {}) => [
  postHead('/v4.0', { 'content-length': Buffer.byteLength(body), ...CLOSE, ...headers }),
  body,
];
const deep = '['.repeat(30_000) + ']'.repeat(30_000);

const raw = (head: string, body = '') => [`${head}\r\nhost: {host}\r\nconnection: close\r\n${body ? `content-length: ${body.length}\r\n` : ''}\r\n${body}`];

/** [what, chunks written, HTTP status, JSON-RPC mnemonic of the body (every answer on /v4.0 has one)] */
const BATTERY: [string, (string | Buffer)[], number, string?][] = [
  ['malformed JSON', post('{"jsonrpc":'), 200, 'parse_error'],
  ['a batch', post('[{"jsonrpc":"2.0"}]'), 200, 'batch_operations_not_supported'],
  ['a body that is not UTF-8', post(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 200, 'character_encoding_not_allowed'],
  ['a parameter nested too deep to echo', post(`{"jsonrpc":"2.0","id":7,"method":"list.calls","params":{"access_token":"${TOKEN}","x":${deep}}}`), 200, expect.any(String)],
  ['text/plain', post('{}', { 'content-type': 'text/plain' }), 200, 'notifications_not_supported'],
  ['GET /v4.0', raw('GET /v4.0 HTTP/1.1'), 405, 'invalid_request'],
  ['DELETE /v4.0 with a body', raw('DELETE /v4.0 HTTP/1.1', '{}'), 405, 'invalid_request'],
  ['a path under /v4.0', post('{}').map((c) => (typeof c === 'string' ? c.replace('POST /v4.0 ', 'POST /v4.0/list.calls ') : c)), 404, 'method_not_found'],
  ['a declared body of 100 GB', [postHead('/v4.0', { 'content-length': 100e9 })], 413, 'parse_error'],
  ['a Content-Length that is not a number', [postHead('/v4.0', { 'content-length': 'abc' })], 400, 'invalid_request'],
  ['a Host that is not the server\u2019s (DNS rebinding)', post('{}', { host: 'attacker.example:8080' }), 421, 'forbidden'],
  ['a cross-site Origin', post('{}', { origin: 'http://attacker.example' }), 403, 'forbidden'],
  ['a request target that is not a URL', raw('GET http://[ HTTP/1.1'), 400],
  ['POST to the event stream', raw('POST /control/events HTTP/1.1', '{}'), 405],
  ['not HTTP at all', ['\x00\x01garbage\r\n\r\n'], 400, 'invalid_request'],
  ['half a body, then too slow', [postHead('/v4.0', { 'content-length': 100 }), '{"jsonrpc"'], 408, 'parse_error'],
];

describe('a battery of hostile requests, all at once, while other clients are served', () => {
  it('every answer is well-formed, the server keeps serving, and the journal still reads', async () => {
    const t = testServer({ bodyTimeoutMs: 300 });
    servers.push(t.server);
    const url = await listening(t.server);
    const hostile = BATTERY.map(([, chunks]) => rawExchange(url, chunks).response);
    const gone = rawExchange(url, [postHead('/v4.0', { 'content-length': 400 }), '{"jsonrpc":"2.0"'], { hangUp: true }).response;
    const good = Array.from({ length: 20 }, () =>
      fetch(`${url}/v4.0`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(SEED_REQUEST) }).then((r) => r.json()),
    );
    const answers = await Promise.all(hostile);
    for (const [i, [what, , status, mnemonic]] of BATTERY.entries()) {
      const answer = answers[i]!;
      expect([what, answer.status]).toEqual([what, status]);
      if (mnemonic) expect([what, JSON.parse(answer.body)]).toEqual([what, expect.objectContaining({ jsonrpc: '2.0', error: expect.objectContaining({ data: expect.objectContaining({ mnemonic }) }) })]);
    }
    expect((await gone).status).toBe(0);
    const ids = (await Promise.all(good)).map((a) => (a as { result: { data: { call_session_id: number } } }).result.data.call_session_id);
    expect(new Set(ids).size).toBe(20);
    const journal = await fetch(`${url}/control/journal`);
    expect(journal.status).toBe(200);
    expect((await journal.json()).items.length).toBe(20 + 5);
  });
});
