import { isErrorResponse } from '../protocol/errors.js';
import type { AudioSource, EventOf, EventType, LegName, SimEvent, SimulationResult } from './types.js';

/**
 * What must hold for every simulation, whatever the scenario (SPEC §5, D8, D11, D13, R2, R4, R7, D6).
 * Each check returns the problems it found, as sentences; the tests apply all of them to every result.
 */
type Invariant = (result: SimulationResult) => string[];

const LEGS: readonly LegName[] = ['employee', 'contact'];

/**
 * Checks a simulation result against every invariant. Empty = fine.
 * @example checkInvariants(simulate(scenario)) // []
 */
export function checkInvariants(result: SimulationResult): string[] {
  if (isErrorResponse(result.response)) return rejectedRequest(result);
  return INVARIANTS.flatMap((invariant) => invariant(result));
}

/** A rejected request has no events, empty hears and no outcome (SPEC §5). */
function rejectedRequest(result: SimulationResult): string[] {
  const problems: string[] = [];
  if (result.events.length > 0) problems.push(`rejected request: expected no events, got ${result.events.length}`);
  for (const leg of LEGS)
    if (result.hears[leg].length > 0) problems.push(`rejected request: expected empty hears.${leg}, got ${result.hears[leg].length} segments`);
  if (result.outcome !== null) problems.push('rejected request: expected outcome null');
  return problems;
}

const INVARIANTS: Invariant[] = [
  timeNeverGoesBack,
  oneSessionEndLast,
  outcomeMatchesEnd,
  lostExactlyWithoutTalk,
  durationsAddUp,
  segmentsOrdered,
  hearsFromAudioEvents,
  everyAudioStops,
  talkAfterBothAnswers,
  contactDialledAfterEmployeeMessage,
  dtmfWhileContactConnected,
];

function timeNeverGoesBack({ events }: SimulationResult): string[] {
  return events.flatMap((event, i) => {
    const before = events[i - 1];
    return before && event.t < before.t ? [`events[${i}] (${event.type}) at t=${event.t} comes before events[${i - 1}] at t=${before.t}`] : [];
  });
}

function oneSessionEndLast({ events }: SimulationResult): string[] {
  const ends = indexesOf(events, 'session.ended');
  if (ends.length !== 1) return [`expected exactly one session.ended, got ${ends.length}`];
  return ends[0] === events.length - 1 ? [] : [`session.ended is events[${ends[0]}], not the last event`];
}

function outcomeMatchesEnd({ events, outcome }: SimulationResult): string[] {
  const end = last(events, 'session.ended');
  if (!outcome) return ['a started session has no outcome'];
  if (!end) return [];
  const { t: _t, type: _type, ...fields } = end;
  return canonical(fields) === canonical(outcome) ? [] : [`outcome ${canonical(outcome)} differs from session.ended ${canonical(fields)}`];
}

function lostExactlyWithoutTalk({ events, outcome }: SimulationResult): string[] {
  if (!outcome) return [];
  const talked = events.some((e) => e.type === 'talk.started');
  return outcome.is_lost === !talked ? [] : [`is_lost is ${outcome.is_lost} but talk.started ${talked ? 'happened' : 'never happened'} (D11)`];
}

function durationsAddUp({ events, outcome }: SimulationResult): string[] {
  const end = last(events, 'session.ended');
  if (!outcome || !end) return [];
  const talk = last(events, 'talk.started');
  const talkMs = talk ? end.t - talk.t : 0;
  const problems: string[] = [];
  if (outcome.talk_duration_ms !== talkMs) problems.push(`talk_duration_ms is ${outcome.talk_duration_ms}, expected end − talk start = ${talkMs}`);
  if (outcome.total_duration_ms !== end.t) problems.push(`total_duration_ms is ${outcome.total_duration_ms}, expected session.ended's t = ${end.t}`);
  return problems;
}

function segmentsOrdered({ hears }: SimulationResult): string[] {
  return LEGS.flatMap((leg) =>
    hears[leg].flatMap((segment, i) => {
      const problems: string[] = [];
      if (segment.from > segment.to) problems.push(`hears.${leg}[${i}] ends (${segment.to}) before it starts (${segment.from})`);
      const before = hears[leg][i - 1];
      if (before && segment.from < before.to) problems.push(`hears.${leg}[${i}] starts at ${segment.from}, overlapping hears.${leg}[${i - 1}] which ends at ${before.to}`);
      return problems;
    }),
  );
}

/** `hears` is derived from the audio events: each started/stopped pair is one segment (empty ones may be left out). */
function hearsFromAudioEvents({ events, hears }: SimulationResult): string[] {
  return LEGS.flatMap((leg) => {
    const derived = audioPairs(events, leg)
      .filter(({ started, stopped }) => stopped && stopped.t > started.t)
      .map(({ started, stopped }) => canonical({ from: started.t, to: stopped!.t, ...started.source }));
    const given = hears[leg].filter((s) => s.to > s.from).map(canonical);
    return JSON.stringify(derived) === JSON.stringify(given)
      ? []
      : [`hears.${leg} ${given.join(' ')} differs from its audio events ${derived.join(' ')}`];
  });
}

function everyAudioStops({ events }: SimulationResult): string[] {
  return LEGS.flatMap((leg) =>
    audioPairs(events, leg)
      .filter((pair) => !pair.stopped)
      .map(({ started }) => `audio.started at t=${started.t} on ${leg} (${describe(started.source)}) never stops`),
  );
}

function talkAfterBothAnswers({ events, hears }: SimulationResult): string[] {
  const talkIndex = events.findIndex((e) => e.type === 'talk.started');
  const talk = events[talkIndex];
  if (!talk) return [];
  return LEGS.flatMap((leg) => {
    const problems: string[] = [];
    const answered = events.findIndex((e, i) => i < talkIndex && e.type === 'leg.answered' && e.leg === leg);
    if (answered < 0) problems.push(`talk.started at t=${talk.t} before the ${leg}'s leg.answered`);
    if (!hears[leg].some((s) => s.kind === 'talk' && s.from === talk.t))
      problems.push(`hears.${leg} has no talk segment starting at the talk time ${talk.t}`);
    return problems;
  });
}

/** R2: with first_call employee the contact is dialled only after the employee's message ended. */
function contactDialledAfterEmployeeMessage({ events, hears }: SimulationResult): string[] {
  const started = events.find((e): e is EventOf<'session.started'> => e.type === 'session.started');
  const dialing = events.find((e) => e.type === 'leg.dialing' && e.leg === 'contact');
  const message = hears.employee.find((s) => s.kind === 'message');
  if (started?.first_call !== 'employee' || !dialing || !message) return [];
  return dialing.t >= message.to ? [] : [`the contact is dialled at t=${dialing.t}, before the employee's message ends at ${message.to} (R2)`];
}

/** D6: digits go to the contact only while it is connected. */
function dtmfWhileContactConnected({ events }: SimulationResult): string[] {
  const answered = events.findIndex((e) => e.type === 'leg.answered' && e.leg === 'contact');
  const ended = events.findIndex((e) => e.type === 'session.ended');
  return events.flatMap((event, i) =>
    event.type !== 'dtmf.sent' || (answered >= 0 && answered < i && (ended < 0 || i < ended))
      ? []
      : [`dtmf.sent "${event.digit}" at t=${event.t} outside the contact's connection (D6)`],
  );
}

type Audio = { started: EventOf<'audio.started'>; stopped?: EventOf<'audio.stopped'> };

/** Each audio.started on a leg with the first later audio.stopped of the same source. */
function audioPairs(events: SimEvent[], leg: LegName): Audio[] {
  const open: Audio[] = [];
  const pairs: Audio[] = [];
  for (const event of events) {
    if (event.type === 'audio.started' && event.leg === leg) {
      const pair: Audio = { started: event };
      open.push(pair);
      pairs.push(pair);
    } else if (event.type === 'audio.stopped' && event.leg === leg) {
      const i = open.findIndex((p) => sameSource(p.started.source, event.source));
      if (i >= 0) open.splice(i, 1)[0]!.stopped = event;
    }
  }
  return pairs.sort((a, b) => a.started.t - b.started.t);
}

function sameSource(a: AudioSource, b: AudioSource): boolean {
  return canonical(a) === canonical(b);
}

/** JSON of a flat object with its keys sorted, so that key order does not matter. */
function canonical(value: object): string {
  return JSON.stringify(value, Object.keys(value).sort());
}

function describe(source: AudioSource): string {
  return source.kind === 'message' ? `${source.type} message ${source.value}` : source.kind;
}

function indexesOf(events: SimEvent[], type: EventType): number[] {
  return events.flatMap((e, i) => (e.type === type ? [i] : []));
}

function last<K extends EventType>(events: SimEvent[], type: K): EventOf<K> | undefined {
  for (let i = events.length - 1; i >= 0; i--) if (events[i]!.type === type) return events[i] as EventOf<K>;
  return undefined;
}
