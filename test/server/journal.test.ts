import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/server/journal.js';
import type { PointLimits } from '../../src/server/limits.js';
import { handleRpc } from '../../src/server/rpc/handle-rpc.js';
import type { SessionRegistry } from '../../src/server/sessions/registry.js';
import { LoginTokens } from '../../src/server/tokens.js';
import { DEMO, T0, testServer, TOKEN } from './helpers.js';

const ANSWER = '{"jsonrpc":"2.0","id":1,"result":{"data":[]}}';

describe('the journal and the answers survive hostile bodies', () => {
  it('a parameter nested too deep for JSON.stringify → an error answer with the request id; GET /control/journal still answers', () => {
    const { server } = testServer();
    const deep = '['.repeat(30_000) + ']'.repeat(30_000); // 60 KB: kept in the journal
    const body = `{"jsonrpc":"2.0","id":7,"method":"list.calls","params":{"access_token":"${TOKEN}","x":${deep}}}`;
    const answer = server.handleRpc(body);
    expect(answer).toMatchObject({ jsonrpc: '2.0', id: 7, error: { data: { mnemonic: expect.any(String) } } });
    const reply = server.handle({ method: 'GET', url: '/control/journal' });
    expect(reply.status).toBe(200);
    const [entry] = JSON.parse(String(reply.body));
    expect(entry).toMatchObject({ seq: 1, method: 'list.calls', request: { id: 7 }, response: answer });
  });

  it('an answer that cannot be serialised → -32603 internal_error with the request id, never a throw', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const limits = { exceeded: () => null, charge: () => undefined, metadata: () => cyclic } as unknown as PointLimits;
    const ctx = { account: DEMO, tokens: new LoginTokens(() => T0), limits, sessions: { live: new Map() } as SessionRegistry, now: () => T0 };
    const { text } = handleRpc(ctx, JSON.stringify({ jsonrpc: '2.0', id: 'c', method: 'list.calls', params: { access_token: TOKEN } }));
    expect(JSON.parse(text)).toMatchObject({ id: 'c', error: { code: -32603, data: { mnemonic: 'internal_error' } } });
  });

  it('keeps at most `entries` entries and `bytes` of text, dropping the oldest, always the newest', () => {
    const journal = new Journal({ entries: 3, bytes: 2000 });
    for (let i = 0; i < 5; i++) journal.add(`{"n":${i}}`, ANSWER, 0);
    expect(journal.entries().map((e) => e.seq)).toEqual([3, 4, 5]);
    journal.add(JSON.stringify({ big: 'x'.repeat(1800) }), ANSWER, 0);
    expect(journal.entries().map((e) => e.seq)).toEqual([6]);
    journal.add(JSON.stringify({ huge: 'x'.repeat(5000) }), ANSWER, 0);
    expect(journal.entries().map((e) => e.seq)).toEqual([7]);
  });

  it('serves each request as sent: JSON, text, base64 for non-UTF-8, the size for a body over 64 KiB', () => {
    const journal = new Journal();
    journal.add('{"a": [1, 2]}', ANSWER, Date.UTC(2024, 0, 1), 'x');
    journal.add('not json', ANSWER, 0);
    journal.add(new Uint8Array([0xc3, 0x28]), ANSWER, 0);
    journal.add('x'.repeat(70_000), ANSWER, 0);
    const served = JSON.parse(journal.toJsonText());
    expect(served).toEqual(journal.entries());
    expect(served.map((e: { request: unknown }) => e.request)).toEqual([{ a: [1, 2] }, 'not json', null, '(70000 bytes, not kept)']);
    expect(served[0]).toMatchObject({ received_at: '2024-01-01T00:00:00.000Z', method: 'x', response: JSON.parse(ANSWER) });
    expect(served[2].body_base64).toBe('wyg=');
  });
});
