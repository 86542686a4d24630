import { afterEach, describe, expect, it } from 'vitest';
import { SEED_REQUEST, type MockServerOptions } from '../../src/server/index.js';
import { guardRequest, type GuardInput, type GuardPolicy } from '../../src/server/http/request-guard.js';
import { JSON_HEADERS, listening, testServer } from './helpers.js';
import { postHead, rawExchange } from './raw-http.js';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const POLICY: GuardPolicy = { allowHosts: [], allowOrigins: [] };
const at = (headers: GuardInput['headers'], extra: Partial<GuardInput> = {}): GuardInput => ({ method: 'GET', headers, localPort: 8080, ...extra });
const verdictOf = (policy: Partial<GuardPolicy>, input: GuardInput) => guardRequest({ ...POLICY, ...policy }, input).kind;

describe('Host: only the server\u2019s own names answer (DNS rebinding)', () => {
  it.each<[string, Partial<GuardPolicy>, GuardInput, string]>([
    ['127.0.0.1 with the port', {}, at({ host: '127.0.0.1:8080' }), 'pass'],
    ['localhost with the port', {}, at({ host: 'LocalHost:8080' }), 'pass'],
    ['[::1] with the port', {}, at({ host: '[::1]:8080' }), 'pass'],
    ['no Host at all (HTTP/1.0, in-process)', {}, at({}), 'pass'],
    ['a name the attacker points at 127.0.0.1', {}, at({ host: 'attacker.example:8080' }), 'refuse'],
    ['a loopback name with another port', {}, at({ host: 'localhost:9090' }), 'refuse'],
    ['a loopback name without a port (80)', {}, at({ host: 'localhost' }), 'refuse'],
    ['not a host at all', {}, at({ host: 'a@b:8080' }), 'refuse'],
    ['the bound host', { boundHost: '192.168.1.5' }, at({ host: '192.168.1.5:8080' }), 'pass'],
    ['--host 0.0.0.0: the address the request came in on', { boundHost: '0.0.0.0' }, at({ host: '10.0.0.7:8080' }, { localAddress: '::ffff:10.0.0.7' }), 'pass'],
    ['--host 0.0.0.0: a name not allowed', { boundHost: '0.0.0.0' }, at({ host: 'ci-runner:8080' }, { localAddress: '10.0.0.7' }), 'refuse'],
    ['--allow-host NAME: that name, any port', { allowHosts: ['ci-runner'] }, at({ host: 'ci-runner:9000' }), 'pass'],
    ['--allow-host NAME:PORT: that port only', { allowHosts: ['ci-runner:9000'] }, at({ host: 'ci-runner:8080' }), 'refuse'],
    ['--allow-host "*": any Host', { allowHosts: ['*'] }, at({ host: 'anything.example' }), 'pass'],
  ])('%s → %s', (_, policy, input, verdict) => {
    expect(verdictOf(policy, input)).toBe(verdict);
  });
});

describe('Origin: a page served elsewhere is refused unless --allow-origin names it', () => {
  const host = { host: '127.0.0.1:8080' };
  it.each<[string, Partial<GuardPolicy>, GuardInput, string]>([
    ['the server\u2019s own origin (the analysts\u2019 page)', {}, at({ ...host, origin: 'http://127.0.0.1:8080' }, { method: 'POST' }), 'pass'],
    ['another origin', {}, at({ ...host, origin: 'http://attacker.example' }, { method: 'POST' }), 'refuse'],
    ['another port of localhost', {}, at({ ...host, origin: 'http://127.0.0.1:3000' }, { method: 'POST' }), 'refuse'],
    ['Origin: null (a sandboxed frame, a file:// page)', {}, at({ ...host, origin: 'null' }, { method: 'POST' }), 'refuse'],
    ['no Origin, Sec-Fetch-Site: cross-site (a script tag)', {}, at({ ...host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' }), 'refuse'],
    ['no Origin, a cross-site link followed to the page', {}, at({ ...host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }), 'pass'],
    ['a cross-site frame of the page', {}, at({ ...host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' }), 'refuse'],
    ['no Origin, no Sec-Fetch-* (curl, a CRM)', {}, at(host, { method: 'POST' }), 'pass'],
    ['an --allow-origin', { allowOrigins: ['http://localhost:5173'] }, at({ ...host, origin: 'http://localhost:5173' }, { method: 'POST' }), 'pass'],
    ['a CORS preflight from an --allow-origin', { allowOrigins: ['http://localhost:5173'] }, at({ ...host, origin: 'http://localhost:5173', 'access-control-request-method': 'POST' }, { method: 'OPTIONS' }), 'preflight'],
    ['a CORS preflight from another origin', { allowOrigins: ['http://localhost:5173'] }, at({ ...host, origin: 'http://attacker.example', 'access-control-request-method': 'POST' }, { method: 'OPTIONS' }), 'refuse'],
  ])('%s → %s', (_, policy, input, verdict) => {
    expect(verdictOf(policy, input)).toBe(verdict);
  });
});

async function up(options: MockServerOptions = {}) {
  const t = testServer(options);
  servers.push(t.server);
  const url = await listening(t.server);
  return { ...t, url, host: new URL(url).host };
}

describe('over HTTP: a web page the developer opens cannot drive the server', () => {
  it('a cross-origin POST /v4.0 → 403 with a JSON-RPC forbidden body; no call starts', async () => {
    const { url, server } = await up();
    const response = await fetch(`${url}/v4.0`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: 'http://attacker.example' }, body: JSON.stringify(SEED_REQUEST) });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ id: null, error: { code: -32003, message: 'Permission denied', data: { mnemonic: 'forbidden' } } });
    expect(response.headers.get('x-error-detail')).toContain('--allow-origin http://attacker.example');
    expect(server.sessions.live.size).toBe(0);
  });

  it('a cross-origin POST /control/reset → 403; the journal is still there', async () => {
    const { url, server } = await up();
    server.handleRpc(JSON.stringify(SEED_REQUEST));
    const response = await fetch(`${url}/control/reset`, { method: 'POST', headers: { ...JSON_HEADERS, origin: 'http://attacker.example' }, body: '{}' });
    expect(response.status).toBe(403);
    expect((await response.json()).error).toContain('Origin "http://attacker.example" may not call this server');
    expect(server.journal.entries()).toHaveLength(1);
  });

  it('GET /control/journal under a rebound name → 421, saying how to allow a name', async () => {
    const { url } = await up();
    const { response } = rawExchange(url, [`GET /control/journal HTTP/1.1\r\nhost: attacker.example:${new URL(url).port}\r\nconnection: close\r\n\r\n`]);
    const answer = await response;
    expect(answer.status).toBe(421);
    expect(JSON.parse(answer.body).error).toMatch(/Host "attacker\.example:\d+" is not this server's name.*--allow-host attacker\.example/);
  });

  it('the event stream is guarded too', async () => {
    const { url } = await up();
    const response = await fetch(`${url}/control/events`, { headers: { origin: 'http://attacker.example' } });
    expect(response.status).toBe(403);
  });

  it('a POST to the control API must say Content-Type: application/json (what an HTML form cannot) → else 415', async () => {
    const { url, server } = await up();
    server.handleRpc(JSON.stringify(SEED_REQUEST));
    const form = await fetch(`${url}/control/reset`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect([form.status, (await form.json()).error]).toEqual([415, expect.stringContaining('application/json')]);
    const bare = rawExchange(url, [`POST /control/reset HTTP/1.1\r\nhost: {host}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`]);
    expect((await bare.response).status).toBe(415);
    expect(server.journal.entries()).toHaveLength(1);
    expect((await fetch(`${url}/control/reset`, { method: 'POST', headers: JSON_HEADERS })).status).toBe(200);
  });
});

describe('over HTTP: --allow-origin opens the server to a page served elsewhere (CORS)', () => {
  const PAGE = 'http://localhost:5173';

  it('the preflight is answered for that origin only; the answers carry Access-Control-Allow-Origin', async () => {
    const { url } = await up({ allowOrigins: [`${PAGE}/app/`] });
    const preflight = await fetch(`${url}/v4.0`, { method: 'OPTIONS', headers: { origin: PAGE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries(['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers'].map((h) => [h, preflight.headers.get(h)]))).toEqual({
      'access-control-allow-origin': PAGE,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'content-type',
    });
    const call = await fetch(`${url}/v4.0`, { method: 'POST', headers: { 'content-type': 'application/json', origin: PAGE }, body: JSON.stringify(SEED_REQUEST) });
    expect([call.status, call.headers.get('access-control-allow-origin')]).toEqual([200, PAGE]);
    const other = await fetch(`${url}/v4.0`, { method: 'OPTIONS', headers: { origin: 'http://attacker.example', 'access-control-request-method': 'POST' } });
    expect([other.status, other.headers.get('access-control-allow-origin')]).toEqual([403, null]);
  });

  it('the event stream answers that origin with CORS too', async () => {
    const { url } = await up({ allowOrigins: [PAGE] });
    const controller = new AbortController();
    const response = await fetch(`${url}/control/events`, { headers: { origin: PAGE }, signal: controller.signal });
    expect([response.status, response.headers.get('access-control-allow-origin')]).toEqual([200, PAGE]);
    controller.abort();
  });

  it('requests without Origin (curl, CRMs) pass as before', async () => {
    const { url } = await up();
    const { response } = rawExchange(url, [postHead('/v4.0', { 'content-length': Buffer.byteLength(JSON.stringify(SEED_REQUEST)), connection: 'close' }), JSON.stringify(SEED_REQUEST)]);
    expect((await response).status).toBe(200);
  });
});
