import { describe, expect, it } from 'vitest';
import { Journal, type JournalRecord } from '../../src/server/journal.js';
import type { PointLimits } from '../../src/server/limits.js';
import { LoginThrottle } from '../../src/server/login-throttle.js';
import { handleRpc } from '../../src/server/rpc/handle-rpc.js';
import type { SessionRegistry } from '../../src/server/sessions/registry.js';
import { LoginTokens } from '../../src/server/tokens.js';
import { DEMO, T0, testServer, TOKEN } from './helpers.js';

const ANSWER = '{"jsonrpc":"2.0","id":1,"result":{"data":[]}}';
const record = (body: JournalRecord['body'], extra: Partial<JournalRecord> = {}): JournalRecord => ({ body, responseText: ANSWER, receivedAt: 0, ...extra });
const journalOf = (server: ReturnType<typeof testServer>['server'], query = '') => {
  const reply = server.handle({ method: 'GET', url: `/control/journal${query}` });
  return { status: reply.status, json: JSON.parse(String(reply.body)) };
};

describe('the journal and the answers survive hostile bodies', () => {
  it('a parameter nested too deep to echo → an error answer with the request id; GET /control/journal still answers', () => {
    const { server } = testServer();
    const deep = '['.repeat(500) + ']'.repeat(500);
    const body = `{"jsonrpc":"2.0","id":7,"method":"list.calls","params":{"access_token":"${TOKEN}","x":${deep}}}`;
    const answer = server.handleRpc(body);
    expect(answer).toMatchObject({ jsonrpc: '2.0', id: 7, error: { data: { mnemonic: expect.any(String) } } });
    const { status, json } = journalOf(server);
    expect(status).toBe(200);
    expect(json.items[0]).toMatchObject({ seq: 1, method: 'list.calls', request: { id: 7, params: { access_token: '2fRN…' } }, response: answer });
  });

  it('an answer that cannot be serialised → -32603 internal_error with the request id, never a throw', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const limits = { exceeded: () => null, charge: () => undefined, metadata: () => cyclic } as unknown as PointLimits;
    const ctx = { account: DEMO, tokens: new LoginTokens(() => T0), limits, loginThrottle: new LoginThrottle(() => T0, []), sessions: { live: new Map() } as SessionRegistry, now: () => T0 };
    const { text } = handleRpc(ctx, JSON.stringify({ jsonrpc: '2.0', id: 'c', method: 'list.calls', params: { access_token: TOKEN } }));
    expect(JSON.parse(text)).toMatchObject({ id: 'c', error: { code: -32603, data: { mnemonic: 'internal_error' } } });
  });

  it('keeps at most `entries` entries and `bytes` of text, dropping the oldest, always the newest', () => {
    const journal = new Journal({ entries: 3, bytes: 2000 });
    for (let i = 0; i < 5; i++) journal.add(record(`{"n":${i}}`));
    expect(journal.entries().map((e) => e.seq)).toEqual([3, 4, 5]);
    journal.add(record(JSON.stringify({ big: 'x'.repeat(1800) })));
    expect(journal.entries().map((e) => e.seq)).toEqual([6]);
    journal.add(record(JSON.stringify({ huge: 'x'.repeat(5000) })));
    expect(journal.entries().map((e) => e.seq)).toEqual([7]);
  });

  it('goes on dropping the oldest and paging by seq over thousands of requests (a full journal costs no more per request)', () => {
    const journal = new Journal({ entries: 3, bytes: 1e6 });
    for (let i = 0; i < 5000; i++) journal.add(record(`{"n":${i}}`));
    expect(journal.entries().map((e) => e.seq)).toEqual([4998, 4999, 5000]);
    expect(JSON.parse(journal.page({ after: 4998, limit: 10, maxBytes: 1e6 })).items.map((e: { seq: number }) => e.seq)).toEqual([4999, 5000]);
    expect(JSON.parse(journal.page({ after: 0, limit: 2, maxBytes: 1e6 }))).toMatchObject({ items: [{ seq: 4998 }, { seq: 4999 }], next: 4999 });
  });

  it('the byte cap counts the answers too, in UTF-8 bytes: small requests with large answers are bounded', () => {
    const journal = new Journal({ entries: 10_000, bytes: 100_000 });
    const bigAnswer = JSON.stringify({ jsonrpc: '2.0', id: 1, result: { data: 'ж'.repeat(10_000) } }); // 20 KB of UTF-8 in 10 000 characters
    for (let i = 0; i < 50; i++) journal.add(record('{}', { responseText: bigAnswer }));
    expect(journal.totalBytes).toBeLessThanOrEqual(100_000);
    expect(journal.entries().length).toBe(4);
  });

  it('serves each request as sent: JSON, text, base64 for non-UTF-8, the size for a body or an answer over 64 KiB', () => {
    const journal = new Journal();
    journal.add(record('{"a": [1, 2]}', { receivedAt: Date.UTC(2024, 0, 1), method: 'x' }));
    journal.add(record('not json'));
    journal.add(record(new Uint8Array([0xc3, 0x28])));
    journal.add(record('x'.repeat(70_000)));
    journal.add(record('{}', { responseText: JSON.stringify({ jsonrpc: '2.0', id: 1, result: { data: 'y'.repeat(70_000) } }) }));
    const served = JSON.parse(journal.page({ after: 0, limit: 100, maxBytes: 1 << 20 })).items;
    expect(served).toEqual(journal.entries());
    expect(served.map((e: { request: unknown }) => e.request)).toEqual([{ a: [1, 2] }, 'not json', null, '(70000 bytes, not kept)', {}]);
    expect(served[0]).toMatchObject({ received_at: '2024-01-01T00:00:00.000Z', method: 'x', response: JSON.parse(ANSWER) });
    expect(served[2].body_base64).toBe('wyg=');
    expect(served[4].response).toMatch(/^\(700\d\d characters, not kept\)$/);
  });
});

describe('GET /control/journal masks secrets', () => {
  it('login.user: the password is "***" in the request, the issued token its first 4 characters and …', () => {
    const { server, call } = testServer();
    const issued = (call('login.user', { login: 'demo', password: 'demo' }) as { result: { data: { access_token: string } } }).result.data.access_token;
    call('login.user', { login: 'demo', password: 'wrong-secret' });
    call('login.user', { login: 'demo', password: 12345 }); // data_type_error echoes the value
    const [ok, wrong, typed] = journalOf(server).json.items;
    expect(ok.request.params).toEqual({ login: 'demo', password: '***' });
    expect(ok.response.result.data.access_token).toBe(`${issued.slice(0, 4)}…`);
    expect(wrong.request.params.password).toBe('***');
    expect(typed.response.error.data).toMatchObject({ mnemonic: 'data_type_error', field: 'password', value: '***' });
    expect(JSON.stringify(journalOf(server).json)).not.toMatch(new RegExp(`${issued}|wrong-secret|12345`));
  });

  it('every access_token in requests, and a token echoed by an error, shows its first 4 characters and …', () => {
    const { server, call, start } = testServer();
    start();
    call('list.calls', { access_token: 'not-a-real-token-xyz' });
    const [started, invalid] = journalOf(server).json.items;
    expect(started.request.params.access_token).toBe('2fRN…');
    expect(invalid.request.params.access_token).toBe('not-…');
    expect(invalid.response.error.data).toMatchObject({ mnemonic: 'access_token_invalid', value: 'not-…' });
    expect(JSON.stringify(journalOf(server).json)).not.toContain(TOKEN);
  });
});

describe('GET /control/journal is paged: ?limit=&after=, {"items":[…],"next":…}', () => {
  const filled = (count: number) => {
    const t = testServer();
    for (let i = 0; i < count; i++) t.call('list.calls', { access_token: TOKEN });
    return t;
  };

  it('default 100 per page, oldest first; next is the cursor of the following page, null at the end', () => {
    const { server } = filled(150);
    const first = journalOf(server).json;
    expect([first.items.length, first.items[0].seq, first.next]).toEqual([100, 1, 100]);
    const second = journalOf(server, `?after=${first.next}`).json;
    expect([second.items.length, second.items[0].seq, second.next]).toEqual([50, 101, null]);
    expect(journalOf(server, '?after=150').json).toEqual({ items: [], next: null });
  });

  it('limit picks the page size, at most 1000', () => {
    const { server } = filled(1005);
    expect(journalOf(server, '?limit=7&after=3').json.items.map((e: { seq: number }) => e.seq)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(journalOf(server, '?limit=100000').json.items).toHaveLength(1000);
  });

  it('a page holds at most 1 MiB of entries, whatever the limit', () => {
    const { server } = testServer();
    const body = (i: number) => JSON.stringify({ jsonrpc: '2.0', id: i, method: 'nope', params: { pad: 'p'.repeat(60_000) } });
    for (let i = 0; i < 40; i++) server.handleRpc(body(i)); // 40 × ~60 KB kept
    const reply = server.handle({ method: 'GET', url: '/control/journal?limit=1000' });
    const page = JSON.parse(String(reply.body));
    expect(String(reply.body).length).toBeLessThanOrEqual(1024 * 1024 + 1000);
    expect(page.items.length).toBeGreaterThan(10);
    expect(page.items.length).toBeLessThan(40);
    expect(page.next).toBe(page.items.at(-1).seq);
  });

  it('?newest=N: the newest N entries, oldest first, however many came before; next null at the end', () => {
    const { server } = filled(2500);
    const page = journalOf(server, '?newest=30').json;
    expect(page.items.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => 2471 + i));
    expect(page.next).toBeNull();
    expect(journalOf(server, '?newest=100000').json.items[0].seq).toBe(1501);
    server.handle({ method: 'POST', url: '/control/reset', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(journalOf(server, '?newest=30').json).toEqual({ items: [], next: null });
  });

  it.each(['limit=0', 'limit=x', 'after=-1', 'after=1.5', 'newest=0', 'newest=x', 'newest=5&after=2', 'newest=5&limit=2'])('?%s → 400 naming the parameter', (query) => {
    const { server } = filled(1);
    const { status, json } = journalOf(server, `?${query}`);
    expect(status).toBe(400);
    expect(json.error).toContain(query.split('=')[0]);
  });
});
