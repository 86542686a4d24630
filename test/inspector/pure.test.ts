import { describe, expect, it } from 'vitest';
import type { AnyActorRef, InspectionEvent } from 'xstate';
import { Scenario } from '../../src/scenario/schema.js';
import { checkExpectations } from '../../src/sim/expect.js';
import { simulate } from '../../src/sim/simulate.js';
import type { AudioSource, SimEvent } from '../../src/sim/types.js';
import { checkScenario, docFromYaml, docToYaml, paramsOf, seedCase, seedScenario, withParams } from '../../src/inspector/case.js';
import { activePaths } from '../../src/inspector/chart.js';
import { decodeCase, encodeCase } from '../../src/inspector/codec.js';
import { diffRuns } from '../../src/inspector/diff.js';
import { expectationOf, fileNameOf, scenarioFile } from '../../src/inspector/export.js';
import { PARAM_FIELDS, fieldValue, getPath, setPath } from '../../src/inspector/fields.js';
import { stackRows } from '../../src/inspector/label-rows.js';
import { lanesFromEvents, segmentAt, sourceLabel } from '../../src/inspector/lanes.js';
import { overlap } from '../../src/inspector/live-events.js';
import { eventIndexAt, frameAt, runScenario } from '../../src/inspector/run.js';
import { behaviourOf, withBehaviour } from '../../src/inspector/world.js';

const seed = () => Scenario.parse(seedScenario());

/** The analysts' question: first_call contact, a TTS greeting, the employee answers after 2 s. */
const analystsCase = (switchAtOnce: boolean) =>
  withParams(
    { ...seedScenario(), world: { employee: { answer_after: '2s' } } },
    {
      ...paramsOf(seedScenario()),
      first_call: 'contact',
      switch_at_once: switchAtOnce,
      contact_message: { type: 'media', value: '2562' },
      employee_message: undefined,
    },
  );

describe('codec: the case in the URL', () => {
  it('round-trips a case through the hash, compressed', async () => {
    const value = { ...seedCase(), compare: { first_call: 'contact' }, t: 11450, edited: true };
    const hash = await encodeCase(value);
    expect(hash).toMatch(/^z=[A-Za-z0-9_-]+$/);
    expect(await decodeCase(`#${hash}`)).toEqual(value);
  });

  it.each(['', '#', '#z=!!!', '#j=bm90IGpzb24', '#x=abc'])('reads %j as no case', async (hash) => {
    expect(await decodeCase(hash)).toBeNull();
  });
});

describe('lanes: what each leg hears, plus ringing (derived from leg.dialing → answered/failed)', () => {
  it('has the seed example’s ringing and the simulator’s own hears', () => {
    const result = simulate(seed());
    const lanes = lanesFromEvents(result.events);
    const ringing = lanes.segments.filter((s) => s.kind === 'ringing').map((s) => [s.leg, s.from, s.to]);
    expect(ringing).toEqual([
      ['employee', 0, 3000],
      ['contact', 8000, 11000],
    ]);
    for (const leg of ['employee', 'contact'] as const) {
      const audio = lanes.segments.filter((s) => s.leg === leg && s.kind !== 'ringing');
      expect(audio.map((s) => ({ from: s.from, to: s.to, ...s.source }))).toEqual(result.hears[leg]);
    }
    expect(lanes.moments.map((m) => [m.type, m.t])).toEqual([
      ['talk.started', 11450],
      ['session.ended', 71450],
    ]);
    expect(segmentAt(lanes, 'contact', 11200)?.label).toBe('tts «Привет»');
    expect(segmentAt(lanes, 'contact', 9000)?.kind).toBe('ringing');
  });

  it('keeps a live session’s sounds open up to now', () => {
    const events = simulate(seed()).events.filter((e) => e.t <= 9000);
    const lanes = lanesFromEvents(events, 9500);
    const open = lanes.segments.filter((s) => s.open).map((s) => [s.leg, s.kind, s.to]);
    expect(open).toEqual([
      ['contact', 'ringing', 9500],
      ['employee', 'hold_music', 9500],
    ]);
  });

  it('joins a session’s loaded events and the held stream without repeating any', () => {
    const events = simulate(seed()).events;
    expect(overlap(events.slice(0, 5), events.slice(3, 8))).toBe(2);
    expect(overlap(events.slice(0, 5), events.slice(5, 8))).toBe(0);
  });
});

describe('stepping: frames of the machines per instant', () => {
  it('snapshots each instant and finds the frame and event under a time', () => {
    const run = runScenario(seed());
    expect(run.frames[0]!.snapshot?.states.session).toBe('employeeFirst.dialingEmployee');
    expect(frameAt(run, 9000).snapshot?.states.session).toBe('employeeFirst.dialingContact');
    expect(frameAt(run, 11450).snapshot?.states.session).toBe('talk.connected');
    expect(frameAt(run, 11449).snapshot?.hearing.contact).toMatchObject({ kind: 'message', type: 'tts' });
    expect(run.frames.at(-1)!.end).toBe(run.result.events.length);
    const events = run.result.events;
    expect(events[eventIndexAt(events, 8000)]!.t).toBe(8000);
    expect(eventIndexAt(events, -1)).toBe(-1);
  });

  it('hands the session’s actor to an inspection observer (the Stately option), the run unchanged', () => {
    const seen: InspectionEvent[] = [];
    const run = runScenario(seed(), { inspect: { next: (event) => seen.push(event) } });
    const actors = seen.filter((e) => e.type === '@xstate.actor').map((e) => (e.actorRef as AnyActorRef).id);
    expect(actors).toEqual(['employeeCall']);
    expect(seen.filter((e) => e.type === '@xstate.snapshot').length).toBeGreaterThan(run.frames.length);
    expect(run.result).toEqual(simulate(seed()));
  });

  it('gives a rejected request no frames to step through, only its error', () => {
    const doc = withParams(seedScenario(), { ...paramsOf(seedScenario()), contact: '123' });
    const run = runScenario(Scenario.parse(doc));
    expect(run.result.response).toMatchObject({ error: { data: { mnemonic: 'invalid_parameter_value', field: 'contact' } } });
    expect(run.frames).toHaveLength(1);
    expect(run.frames[0]!.snapshot).toBeNull();
  });
});

describe('compare: where two parameter sets part ways on the same world', () => {
  it('turns a raw body into a request when B gets parameters (a scenario sends exactly one)', () => {
    const raw = { name: 'raw', raw: '{not json', account: 'demo', world: {} };
    const b = withParams(raw, paramsOf(seedScenario())!);
    expect(b).not.toHaveProperty('raw');
    expect(checkScenario(b).ok).toBe(true);
    expect(checkScenario(withParams({ ...raw, raw: undefined, raw_base64: 'e30=' }, {})).ok).toBe(true);
  });

  it('marks the first differing event and the segments only one side has (switch_at_once, R7)', () => {
    const a = simulate(Scenario.parse(analystsCase(true)));
    const b = simulate(Scenario.parse(analystsCase(false)));
    const diff = diffRuns(a.events, lanesFromEvents(a.events), b.events, lanesFromEvents(b.events));
    expect(diff.firstTime).toBe(5000);
    expect(diff.onlyA.some((s) => s.kind === 'talk' && s.from === 5000)).toBe(true);
    expect(diff.onlyB.some((s) => s.leg === 'contact' && s.kind === 'message' && s.to === 11000)).toBe(true);
  });

  it('finds nothing when the change does not change the call (R10: TTS contact message)', () => {
    const tts = (on: boolean) => Scenario.parse(withParams(seedScenario(), { ...paramsOf(seedScenario()), switch_at_once: on }));
    const [a, b] = [simulate(tts(true)), simulate(tts(false))];
    const diff = diffRuns(a.events, lanesFromEvents(a.events), b.events, lanesFromEvents(b.events));
    expect(diff).toMatchObject({ firstIndex: null, onlyA: [], onlyB: [] });
  });
});

describe('export: a finding becomes a verification scenario', () => {
  it('writes a scenario file whose expect the simulator meets', () => {
    const doc = analystsCase(false);
    const text = scenarioFile(doc, simulate(Scenario.parse(doc)));
    const parsed = docFromYaml(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const scenario = Scenario.parse(parsed.doc);
    expect(scenario.expect?.outcome).toMatchObject({ finish_reason: 'subscriber_disconnects' });
    expect(checkExpectations(simulate(scenario), scenario.expect!)).toEqual([]);
    expect(fileNameOf({ name: 'Seed example — TTS!' }, 'yaml')).toBe('seed-example-tts.yaml');
  });

  it('expects the error and no outcome for a rejected request', () => {
    const doc = withParams(seedScenario(), { ...paramsOf(seedScenario()), early_switching: true, first_call: 'contact' });
    const expectation = expectationOf(simulate(Scenario.parse(doc)));
    expect(expectation).toMatchObject({ outcome: null, response: { error: { data: { mnemonic: 'invalid_parameters_combination' } } } });
  });
});

describe('case and form fields', () => {
  it('checks a document as the loader does, refusing an unknown account name', () => {
    expect(checkScenario(seedScenario()).ok).toBe(true);
    expect(checkScenario({ ...seedScenario(), account: 'nope' })).toMatchObject({ ok: false, problems: [{ path: 'account' }] });
    expect(checkScenario({ ...seedScenario(), wrld: {} })).toMatchObject({ ok: false });
    expect(docFromYaml('a: [')).toMatchObject({ ok: false });
    expect(docFromYaml(docToYaml(seedScenario()))).toEqual({ ok: true, doc: seedScenario() });
  });

  it('names every parameter of SPEC §1 by the path the platform puts in error.data.field', () => {
    const names = PARAM_FIELDS.map((f) => f.name.split('.')[0]);
    expect([...new Set(names)]).toEqual(Object.keys({ access_token: 0, first_call: 0, switch_at_once: 0, early_switching: 0, media_file_id: 0, virtual_phone_number: 0, virtual_phone_usage_rule: 0, show_virtual_phone_number: 0, contact: 0, external_id: 0, dtmf_string: 0, direction: 0, employee: 0, contact_message: 0, employee_message: 0 }));
  });

  it.each([
    ['media_file_id', '2701', 2701],
    ['media_file_id', 'abc', 'abc'],
    ['switch_at_once', 'true', true],
    ['switch_at_once', '', undefined],
    ['contact', '79260000000', '79260000000'],
  ])('reads field %s = %j as %j', (name, text, value) => {
    expect(fieldValue(PARAM_FIELDS.find((f) => f.name === name)!, text)).toEqual(value);
  });

  it('sets and removes nested parameters', () => {
    const params = setPath({ employee: { id: 25 } }, 'contact_message.type', 'tts');
    expect(getPath(params, 'contact_message.type')).toBe('tts');
    expect(setPath(params, 'contact_message.type', undefined)).toEqual({ employee: { id: 25 } });
  });

  it('edits the world per leg and per employee number', () => {
    let world = withBehaviour({}, 'contact', null, { answer_after: '2s', outcome: 'answer' });
    world = withBehaviour(world, 'employee', '79260000001', { outcome: 'busy', after: '1s' });
    expect(world).toEqual({ contact: { answer_after: '2s' }, employee: { '79260000001': { outcome: 'busy', after: '1s' } } });
    expect(behaviourOf(world, 'employee', '79260000001')).toEqual({ outcome: 'busy', after: '1s' });
    expect(withBehaviour(world, 'employee', '79260000001', null)).toEqual({ contact: { answer_after: '2s' } });
  });
});

describe('labels above the lanes', () => {
  it('go up a row only where they would overlap a label already placed', () => {
    expect(stackRows([{ from: 0, to: 100 }, { from: 50, to: 150 }, { from: 120, to: 200 }, { from: 60, to: 90 }])).toEqual([0, 1, 0, 2]);
    expect(stackRows([{ from: 0, to: 100 }, { from: 103, to: 150 }])).toEqual([0, 1]);
    expect(stackRows([{ from: 0, to: 100 }, { from: 106, to: 150 }])).toEqual([0, 0]);
  });
});

describe('state chart: active states', () => {
  it('marks a state and its ancestors active', () => {
    expect([...activePaths('employeeFirst.dialingContact')]).toEqual(['', 'employeeFirst', 'employeeFirst.dialingContact']);
    expect(activePaths('sounds.talk, other.x').has('other')).toBe(true);
  });
});

describe('the seed question, answered by the lanes', () => {
  it('first_call contact + TTS greeting, employee answers after 2 s: the client hears the greeting to its end, then the talk (R7, R10)', () => {
    const doc = withParams(
      { ...seedScenario(), world: { employee: { answer_after: '2s' } } },
      { ...paramsOf(seedScenario()), first_call: 'contact', contact_message: { type: 'tts', value: 'Здравствуйте, соединяем вас с менеджером' } },
    );
    const result = simulate(Scenario.parse(doc));
    const contact = lanesFromEvents(result.events).segments.filter((s) => s.leg === 'contact').map((s) => [s.kind, s.from, s.to]);
    // 40 characters × 75 ms = 3 s of TTS from the contact's answer at 3 s; the employee answers at 5 s and
    // hears media 2561 (5 s) to 10 s; the contact waits on hold music from 6 s (R8); talk at 10 s.
    expect(contact).toEqual([
      ['ringing', 0, 3000],
      ['message', 3000, 6000],
      ['hold_music', 6000, 10000],
      ['talk', 10000, 70000],
    ]);
    expect(result.events.find((e): e is Extract<SimEvent, { type: 'talk.started' }> => e.type === 'talk.started')?.t).toBe(10000);
  });
});

describe('the contact’s line in the lanes (early switching, R3)', () => {
  it('labels each stretch by what the line plays, when the simulator says (contact_line.plays)', () => {
    const line = (plays: string) => ({ kind: 'contact_line', plays }) as unknown as AudioSource;
    const events = [
      { t: 8000, type: 'audio.started', leg: 'employee', source: line('silence') },
      { t: 9000, type: 'audio.stopped', leg: 'employee', source: line('silence'), reason: 'interrupted' },
      { t: 9000, type: 'audio.started', leg: 'employee', source: line('ringback') },
      { t: 13000, type: 'audio.stopped', leg: 'employee', source: line('ringback'), reason: 'interrupted' },
      { t: 13000, type: 'audio.started', leg: 'employee', source: line('voicemail') },
      { t: 23000, type: 'audio.stopped', leg: 'employee', source: line('voicemail'), reason: 'released' },
    ] as SimEvent[];
    const lanes = lanesFromEvents(events, 23000);
    expect(lanes.segments.map((s) => [s.label, s.from, s.to])).toEqual([
      ["contact's line: silence", 8000, 9000],
      ["contact's line: ringback", 9000, 13000],
      ["contact's line: voicemail", 13000, 23000],
    ]);
    expect(lanes.segments[2]!.detail).toBe("heard through the contact's line (early switching): a voicemail greeting");
    expect(sourceLabel({ kind: 'contact_line' } as AudioSource)).toBe("contact's line");
  });
});
