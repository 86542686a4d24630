import { describe, expect, it } from 'vitest';
import { BUILTIN_ACCOUNTS, Platform, validateEmployeeCall, World } from '../../src/server/deps.js';
import { manualDriver, type ListCallsItem } from '../../src/server/index.js';
import { BudgetedMap } from '../../src/server/sessions/budgeted-map.js';
import { SessionRegistry } from '../../src/server/sessions/registry.js';
import { accountWith, dataOf, seedParams, testServer, TOKEN } from './helpers.js';

const many = accountWith({ limits: { minute_limit: 100_000, day_limit: 100_000 } });

function control(server: ReturnType<typeof testServer>['server'], url: string) {
  const reply = server.handle({ method: 'GET', url });
  return { status: reply.status, json: JSON.parse(String(reply.body)) as any };
}

describe('GET /control/reports is paged', () => {
  it('?limit= pages follow `next` through every line once, oldest first; the last page says next: null', () => {
    const { server, call, manual } = testServer({ account: many });
    for (let i = 0; i < 25; i++) call('start.employee_call', seedParams({ contact: '79000000001', external_id: `r${i}` }));
    manual.runAll();
    const seen: string[] = [];
    let url = '/control/reports?limit=10';
    for (let pages = 1; ; pages++) {
      const { status, json } = control(server, url);
      expect(status).toBe(200);
      expect(json.items.length).toBeLessThanOrEqual(10);
      seen.push(...json.items.map((r: any) => r.external_id));
      if (json.next === null) {
        expect(pages).toBe(3);
        break;
      }
      url = `/control/reports?limit=10&after=${json.next}`;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `r${i}`));
    expect(control(server, '/control/reports').json.items).toHaveLength(25); // default page: 100
  });

  it('?newest=N: the last N lines, oldest first', () => {
    const { server, call, manual } = testServer({ account: many });
    for (let i = 0; i < 25; i++) call('start.employee_call', seedParams({ contact: '79000000001', external_id: `r${i}` }));
    manual.runAll();
    const { json } = control(server, '/control/reports?newest=3');
    expect(json.items.map((r: any) => r.external_id)).toEqual(['r22', 'r23', 'r24']);
    expect(json.next).toBeNull();
  });

  it.each(['limit=0', 'limit=ten', 'after=-1', 'after=x', 'newest=0', 'newest=2&after=1'])('?%s → 400', (query) => {
    const { server } = testServer();
    expect(control(server, `/control/reports?${query}`).status).toBe(400);
  });
});

describe('finished calls and the report are bounded in bytes, whatever the strings', () => {
  it('long external_ids: the oldest go first, the newest stays, what is kept stays within the budget', () => {
    const manual = manualDriver();
    const budget = { count: 1000, bytes: 40_000 };
    const registry = new SessionRegistry({
      account: BUILTIN_ACCOUNTS.demo!,
      platform: Platform.parse({}),
      worldFor: () => World.parse({ contact: { outcome: 'busy' } }),
      driver: manual.start,
      speed: 1,
      now: () => 0,
      firstCallSessionId: 1,
      onEvent: () => undefined,
      keep: { sessions: budget, reports: budget },
    });
    for (let i = 0; i < 30; i++) {
      const checked = validateEmployeeCall(i, seedParams({ external_id: `${i}:${'x'.repeat(1000)}` }), BUILTIN_ACCOUNTS.demo!, new Date());
      if (!checked.ok) throw new Error('refused');
      registry.start(i, checked.params);
    }
    manual.runAll();
    const kept = [...registry.finishedSessions()].map((s) => s.id);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(30);
    expect(kept.at(-1)).toBe(30);
    expect(registry.reportLines.bytes).toBeLessThanOrEqual(budget.bytes);
    expect(registry.reports.at(-1)!.external_id).toMatch(/^29:/);
    expect(registry.reports.length).toBeLessThan(30);
  });

  it('a map over its budget drops its oldest, but keeps one entry larger than the whole budget', () => {
    const map = new BudgetedMap<number, string>({ count: 3, bytes: 100 });
    for (let i = 1; i <= 5; i++) map.set(i, 'v', 10);
    expect([...map.keys()]).toEqual([3, 4, 5]);
    map.set(6, 'huge', 1000);
    expect([...map.keys()]).toEqual([6]);
    expect(map.bytes).toBe(1000);
  });
});

describe('thousands of live calls', () => {
  it('list.calls answers every one of 10 000 live calls; GET /control/sessions the newest 20 (or ?limit=)', { timeout: 120_000 }, () => {
    const { server, call } = testServer({ account: many });
    for (let i = 0; i < 10_000; i++) call('start.employee_call', seedParams({ external_id: `c${i}` }));
    const calls = dataOf<ListCallsItem[]>(call('list.calls', { access_token: TOKEN }));
    expect(calls).toHaveLength(10_000);
    expect(calls.at(-1)).toMatchObject({ external_id: 'c9999', legs: [{ state: 'Дозвон' }] });
    const sessions = control(server, '/control/sessions?live=true').json;
    expect(sessions.map((s: any) => s.call_session_id)).toEqual(Array.from({ length: 20 }, (_, i) => 1000 + 9980 + i));
    expect(control(server, '/control/sessions?limit=2').json).toHaveLength(2);
    expect(control(server, '/control/sessions?limit=101').json).toHaveLength(100);
  });
});

