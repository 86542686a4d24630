import { describe, expect, it } from 'vitest';
import { Scenario, type SimEvent } from '../../src/server/deps.js';
import type { SchedulerClock } from '../../src/server/engine/clock.js';
import { replay } from '../../src/server/engine/replay.js';
import { Scheduler } from '../../src/server/engine/scheduler.js';
import { generateScenario } from '../../src/sim/explore.js';
import { seededRandom } from '../../src/sim/random.js';
import { callInputOf, SOME_COMMANDS } from './generated-calls.js';
import { accountWith, JSON_HEADERS, seedParams, testServer, TOKEN } from './helpers.js';

/** A clock that records the one wake-up armed on it. */
function fakeClock() {
  const clock = { time: 0, armed: null as number | null, wake: null as (() => void) | null };
  const schedulerClock: SchedulerClock = {
    now: () => clock.time,
    wakeAt: (at, wake) => Object.assign(clock, { armed: at, wake }),
    disarm: () => Object.assign(clock, { armed: null, wake: null }),
  };
  /** The armed wake-up fires (as a timer does, once). */
  const fire = () => {
    const wake = clock.wake!;
    Object.assign(clock, { armed: null, wake: null });
    wake();
  };
  return { clock, schedulerClock, fire };
}

describe('the one scheduler', () => {
  it('arms one wake-up, for the earliest due key, and hands keys over in due order (ties in the order set)', () => {
    const { clock, schedulerClock, fire } = fakeClock();
    const released: string[] = [];
    const scheduler = new Scheduler<string>(schedulerClock, (key) => (released.push(key), key === 'a' && released.length === 1 ? 40 : null));
    scheduler.schedule('c', 30);
    scheduler.schedule('a', 10);
    scheduler.schedule('b', 30);
    scheduler.releaseDue();
    expect(clock.armed).toBe(10);
    clock.time = 30;
    fire();
    expect(released).toEqual(['a', 'c', 'b']);
    expect(clock.armed).toBe(40); // 'a' has more to release at 40
    clock.time = 40;
    fire();
    expect(released).toEqual(['a', 'c', 'b', 'a']);
    expect(clock.armed).toBeNull();
  });

  it('a key scheduled again replaces its earlier due time', () => {
    const { clock, schedulerClock } = fakeClock();
    const released: string[] = [];
    const scheduler = new Scheduler<string>(schedulerClock, (key) => (released.push(key), null));
    scheduler.schedule('a', 10);
    scheduler.schedule('a', 50);
    scheduler.releaseDue();
    expect(clock.armed).toBe(50);
    clock.time = 20;
    scheduler.releaseDue();
    expect(released).toEqual([]);
  });
});

describe('releasing in slices (requests are not kept waiting behind thousands of due events)', () => {
  it('stops when its slice of real time is spent, arms a wake-up at once, and goes on there in due order', () => {
    const { clock, schedulerClock, fire } = fakeClock();
    let wall = 0;
    const released: number[] = [];
    // Each look at the wall clock finds a millisecond gone: a 5 ms slice ends after 5 looks (80 keys).
    const scheduler = new Scheduler<number>({ ...schedulerClock, sliceMs: 5 }, (key) => (released.push(key), null), () => wall++);
    for (let key = 0; key < 100; key++) scheduler.schedule(key, 10);
    clock.time = 10;
    scheduler.releaseDue();
    expect(released).toHaveLength(80);
    expect(clock.armed).toBe(10);
    fire();
    expect(released).toEqual(Array.from({ length: 100 }, (_, key) => key));
    expect(clock.armed).toBe(null);
  });

  it('releases everything due at once on a clock without a slice (a manual clock)', () => {
    const { clock, schedulerClock } = fakeClock();
    const released: number[] = [];
    const scheduler = new Scheduler<number>(schedulerClock, (key) => (released.push(key), null), () => 1e9);
    for (let key = 0; key < 100; key++) scheduler.schedule(key, 10);
    clock.time = 10;
    scheduler.releaseDue();
    expect(released).toHaveLength(100);
  });
});

describe('live calls released by the one scheduler', () => {
  it('events of many calls started at different times are delivered in due order (start + t), each call in its own order', () => {
    const account = accountWith({ limits: { minute_limit: 10_000, day_limit: 10_000 } });
    const { server, manual, call } = testServer({ account });
    const delivered: { id: number; event: SimEvent }[] = [];
    server.events.subscribe(({ call_session_id: id, event }) => delivered.push({ id, event }));
    const startedAt = new Map<number, number>();
    const contacts = ['79260000000', '79000000001', '79000000005', '79000000011', '79000000012'];
    let now = 0;
    for (let i = 0; i < 40; i++) {
      const answer = call('start.employee_call', seedParams({ contact: contacts[i % contacts.length], dtmf_string: i % 2 ? null : '.1.2.3' }));
      startedAt.set((answer as { result: { data: { call_session_id: number } } }).result.data.call_session_id, now);
      manual.advance(737);
      now += 737;
    }
    manual.runAll();
    const dues = delivered.map(({ id, event }) => startedAt.get(id)! + event.t);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(delivered.filter(({ event }) => event.type === 'session.ended')).toHaveLength(40);
    for (const id of startedAt.keys()) {
      expect(delivered.filter((d) => d.id === id).map((d) => d.event)).toEqual(server.sessions.get(id)!.timeline);
    }
    expect(manual.running).toBe(0);
  });

  it('an event is released only when its time has come', () => {
    const { server, manual, start } = testServer();
    const types: string[] = [];
    server.events.subscribe(({ event }) => types.push(`${event.t} ${event.type}`));
    start();
    expect(types).toEqual(['0 session.started', '0 leg.dialing']);
    manual.advance(2999);
    expect(types).toHaveLength(2);
    manual.advance(1);
    expect(types.slice(2, 4)).toEqual(['3000 leg.answered', '3000 audio.started']);
  });
});

describe('a command re-runs the call from its start (determinism)', () => {
  it('generated calls: the re-run with a command at t repeats every event before t exactly', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 60; i++) {
      const scenario = Scenario.parse(generateScenario(random, `generated ${i}`));
      const input = callInputOf(scenario, 1000 + i);
      const alone = replay(input, []).result().events;
      const t = Math.floor(random() * (alone.at(-1)!.t + 1));
      const command = SOME_COMMANDS[i % SOME_COMMANDS.length]!;
      const rerun = replay(input, [{ t, command }]).result().events;
      const before = alone.filter((e) => e.t < t);
      expect(rerun.slice(0, before.length), `${scenario.name}: ${command.type} at ${t}`).toEqual(before);
      expect(replay(input, [{ t, command }]).result().events).toEqual(rerun);
    }
  });

  it('the released prefix stays, the rest is replaced: answering a manual contact at 20 s', () => {
    const { server, manual, call } = testServer();
    call('start.employee_call', seedParams({ contact: '79000000009', dtmf_string: null }));
    manual.advance(20_000);
    const session = server.sessions.get(1000)!;
    const released = session.events();
    const before = session.timeline;
    expect(before.at(-1)).toMatchObject({ type: 'session.ended', finish_reason: 'subscriber_not_responsible' }); // the dial timeout
    const delivered: SimEvent[] = [];
    server.events.subscribe(({ event }) => delivered.push(event));
    const reply = server.handle({ method: 'POST', url: '/control/sessions/1000/commands', headers: JSON_HEADERS, body: '{"type":"answer","leg":"contact"}' });
    expect(reply.status).toBe(200);
    expect(session.timeline.slice(0, released.length)).toEqual(released);
    expect(session.timeline[released.length]).toMatchObject({ t: 20_000, type: 'leg.answered', leg: 'contact' });
    expect(session.timeline.at(-1)).toMatchObject({ type: 'session.ended', finish_reason: 'subscriber_disconnects' });
    manual.runAll();
    expect(delivered).toEqual(session.timeline.slice(released.length));
    expect(delivered.some((e) => e.type === 'leg.failed')).toBe(false);
  });

  it('release.call at t ends the call at t: nothing of the old rest is delivered', () => {
    const { server, manual, start, call } = testServer();
    start();
    manual.advance(9000);
    const delivered: SimEvent[] = [];
    server.events.subscribe(({ event }) => delivered.push(event));
    expect(call('release.call', { access_token: TOKEN, call_session_id: 1000 })).toMatchObject({ result: { data: { success: true } } });
    expect(delivered.at(-1)).toMatchObject({ t: 9000, type: 'session.ended', finish_reason: 'success_finish', is_lost: true });
    expect(delivered.every((e) => e.t === 9000)).toBe(true);
    manual.runAll();
    expect(delivered.filter((e) => e.type === 'session.ended')).toHaveLength(1);
    expect(server.sessions.reports[0]).toMatchObject({ total_duration: 9, finish_reason: 'success_finish' });
    expect(call('release.call', { access_token: TOKEN, call_session_id: 1000 })).toMatchObject({ error: { data: { mnemonic: 'call_session_not_found' } } });
  });

  it('a call takes at most 64 world commands (each re-runs it); release still goes', () => {
    const { server, call } = testServer();
    call('start.employee_call', seedParams({ contact: '79000000010', dtmf_string: null }));
    const command = (body: string) => server.handle({ method: 'POST', url: '/control/sessions/1000/commands', headers: JSON_HEADERS, body });
    for (let i = 0; i < 64; i++) expect(command('{"type":"early_media","kind":"ringback"}').status).toBe(200);
    expect(command('{"type":"early_media","kind":"ringback"}').status).toBe(409);
    expect(command('{"type":"release"}').status).toBe(200);
  });
});

describe('calls with the same parameters share one computed timeline', () => {
  const bodies = [
    seedParams({ external_id: 'first' }),
    seedParams({ external_id: 'second' }),
    seedParams({ external_id: 'third', contact: '79000000001' }),
    seedParams({ external_id: 'fourth', virtual_phone_usage_rule: 'random' }),
    seedParams({ external_id: 'fifth', virtual_phone_usage_rule: 'random' }),
  ];

  it('each call gets exactly the timeline its own run gives (its call_session_id and external_id included)', () => {
    const shared = testServer();
    const alone = testServer({ timelineCache: false });
    for (const params of bodies) {
      shared.call('start.employee_call', params);
      alone.call('start.employee_call', params);
    }
    for (let id = 1000; id < 1000 + bodies.length; id++) {
      expect(shared.server.sessions.get(id)!.timeline, `call ${id}`).toEqual(alone.server.sessions.get(id)!.timeline);
    }
    expect(shared.server.sessions.get(1001)!.timeline[0]).toMatchObject({ type: 'session.started', call_session_id: 1001, external_id: 'second' });
  });
});
