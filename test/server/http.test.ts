import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_REQUEST } from '../../src/server/index.js';
import { listening, testServer } from './helpers.js';
import { postHead, rawExchange } from './raw-http.js';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function up(options: Parameters<typeof testServer>[0] = {}) {
  const t = testServer(options);
  servers.push(t.server);
  return { ...t, url: await listening(t.server) };
}

const post = (url: string, body: string | Uint8Array, contentType = 'application/json; charset=UTF-8') =>
  fetch(`${url}/v4.0`, { method: 'POST', headers: { 'content-type': contentType }, body: body as BodyInit });

describe('HTTP: the Call API endpoint', () => {
  it('POST /v4.0 with the seed request → HTTP 200 and the JSON-RPC answer', async () => {
    const { url } = await up();
    const response = await post(url, JSON.stringify(SEED_REQUEST));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toMatchObject({ jsonrpc: '2.0', id: 'req1', result: { data: { call_session_id: 1000 } } });
  });

  it('JSON-RPC errors are HTTP 200 too; a body that is not UTF-8 → character_encoding_not_allowed', async () => {
    const { url } = await up();
    const response = await post(url, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: null, error: { code: -32602, data: { mnemonic: 'character_encoding_not_allowed' } } });
  });

  it('a wrong HTTP method → 405 with Allow: POST and a JSON-RPC invalid_request body', async () => {
    const { url } = await up();
    const response = await fetch(`${url}/v4.0`);
    expect([response.status, response.headers.get('allow'), response.headers.get('content-type')]).toEqual([405, 'POST', 'application/json; charset=utf-8']);
    expect(await response.json()).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32600, message: 'Invalid Request The JSON sent is not a valid Request object', data: { mnemonic: 'invalid_request', field: null, params: {}, extended_helper: null } },
    });
  });

  it("a JSON body under another Content-Type (curl's default form type) is answered; the journal notes the header", async () => {
    const { url, server } = await up();
    const response = await post(url, JSON.stringify(SEED_REQUEST), 'application/x-www-form-urlencoded');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 'req1', result: { data: { call_session_id: 1000 } } });
    const accepted = await fetch(`${url}/v4.0`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/html' }, body: JSON.stringify(SEED_REQUEST) });
    expect(accepted.status).toBe(200);
    const [form, json] = server.journal.entries();
    expect(form!.content_type_warning).toContain('"application/x-www-form-urlencoded" is not application/json');
    expect(json).not.toHaveProperty('content_type_warning');
  });

  it('a body that is not JSON under a form Content-Type keeps its JSON-RPC parse error', async () => {
    const { url } = await up();
    const response = await post(url, 'login=demo&password=demo', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: null, error: { code: -32700, message: 'Invalid JSON was received by the server.', data: { mnemonic: 'parse_error' } } });
  });

  it('a declared body over the limit → 413 before any of it is read', async () => {
    const { url } = await up();
    const { response } = rawExchange(url, [postHead('/v4.0', { 'content-length': 5 * 1024 * 1024 })]);
    const answer = await response;
    expect(answer.status).toBe(413);
    expect(answer.head.toLowerCase()).toContain('connection: close');
    expect(JSON.parse(answer.body)).toMatchObject({ id: null, error: { code: -32700, data: { mnemonic: 'parse_error' } } });
  });

  it('a chunked body that grows over the limit → 413', async () => {
    const { url } = await up({ maxBodyBytes: 1000 });
    const chunk = 'x'.repeat(800);
    const body = `${chunk.length.toString(16)}\r\n${chunk}\r\n`.repeat(3);
    const { response } = rawExchange(url, [postHead('/v4.0', { 'transfer-encoding': 'chunked' }), body]);
    expect((await response).status).toBe(413);
  });

  it('a slow client → 408, while other clients are answered meanwhile', async () => {
    const { url } = await up({ bodyTimeoutMs: 300 });
    const slow = rawExchange(url, [postHead('/v4.0', { 'content-length': 100 }), '{"jsonrpc"']);
    const other = await post(url, JSON.stringify(SEED_REQUEST));
    expect(other.status).toBe(200);
    const timedOut = await slow.response;
    expect(timedOut.status).toBe(408);
    expect(JSON.parse(timedOut.body)).toMatchObject({ error: { code: -32700, data: { mnemonic: 'parse_error' } } });
  });

  it('a client that sends half a body and disconnects: nothing journaled, the server still answers others', async () => {
    const { url, server } = await up();
    const half = rawExchange(url, [postHead('/v4.0', { 'content-length': 400 }), JSON.stringify(SEED_REQUEST).slice(0, 100)], { hangUp: true });
    expect((await half.response).status).toBe(0); // no answer: nobody is left to read it
    const responses = await Promise.all([1, 2, 3].map(() => post(url, JSON.stringify(SEED_REQUEST))));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(server.journal.entries()).toHaveLength(3);
  });
});

describe('HTTP: the SSE event stream', () => {
  it('GET /control/events: an initial comment, then data lines {"call_session_id","event"}', async () => {
    const { url, start, manual } = await up();
    const controller = new AbortController();
    const response = await fetch(`${url}/control/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = (await reader.read()).value ?? '';
    expect(text.startsWith(':')).toBe(true);
    start();
    manual.advance(3000);
    while (!text.includes('"leg.answered"')) text += (await reader.read()).value ?? '';
    const messages = text.split('\n').filter((l) => l.startsWith('data: ')).map((l) => JSON.parse(l.slice(6)));
    expect(messages[0]).toEqual({ call_session_id: 1000, event: expect.objectContaining({ t: 0, type: 'session.started' }) });
    expect(messages.map((m) => m.event.type)).toContain('leg.dialing');
    controller.abort();
  });

  it('sends keep-alive comments', async () => {
    const { url } = await up({ keepAliveMs: 20 });
    const controller = new AbortController();
    const reader = (await fetch(`${url}/control/events`, { signal: controller.signal })).body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes(': keep-alive')) text += (await reader.read()).value ?? '';
    controller.abort();
  });
});

describe('HTTP: the analysts\u2019 page', () => {
  it('GET / → 302 to /inspector/', async () => {
    const { url } = await up();
    const response = await fetch(url, { redirect: 'manual' });
    expect([response.status, response.headers.get('location')]).toEqual([302, '/inspector/']);
  });

  it('no build → a 404 page saying to run npm run build', async () => {
    const { url } = await up({ inspectorDir: join(tmpdir(), 'no-such-inspector-build') });
    const response = await fetch(`${url}/inspector/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('npm run build');
  });

  it('serves the build with content types; paths cannot leave the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inspector-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dir, 'app.js'), 'console.log(1)');
    const { url } = await up({ inspectorDir: dir });
    const index = await fetch(`${url}/inspector/`);
    expect([index.status, index.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect((await fetch(`${url}/inspector/app.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${url}/inspector/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${url}/inspector/missing.css`)).status).toBe(404);
  });

  it('an unknown path → 404 that names the endpoints', async () => {
    const { url } = await up();
    const response = await fetch(`${url}/v3.0`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('POST /v4.0');
  });
});
