import { formatDuration } from '../scenario/duration.js';
import { isErrorResponse } from '../protocol/errors.js';
import type { AudioSource, EventOf, EventType, HearSegment, Outcome, SimEvent, SimulationResult } from './types.js';

/**
 * A simulation as a person reads it: the answer to the request, one line per event (time in seconds,
 * the leg, what happened), what each leg hears as two columns (employee | contact), the outcome.
 * @example formatTimeline(simulate(scenario)).split('\n')[2] // '     0.000s  session   started: first_call employee, …'
 */
export function formatTimeline(result: SimulationResult): string {
  const lines = [formatResponse(result.response), ''];
  if (result.events.length > 0) lines.push(...result.events.map(formatEvent), '', ...formatHears(result.hears), '');
  lines.push(formatOutcome(result.outcome));
  return lines.join('\n') + '\n';
}

/** `    11.450s` */
export function formatTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`.padStart(11);
}

/** What a source sounds like: `message media 2561 (5s)`, `tts «Привет» (0.45s)`, `hold music 2701`, `contact line`, `talk`. */
export function describeSource(source: AudioSource): string {
  switch (source.kind) {
    case 'message':
      return source.type === 'media'
        ? `message media ${source.value} (${formatDuration(source.duration_ms)})`
        : `tts «${shortText(source.value)}» (${formatDuration(source.duration_ms)})`;
    case 'hold_music':
      return `hold music ${source.media_file_id}`;
    case 'contact_line':
      return `contact's line: ${source.plays}`;
    case 'talk':
      return 'talk';
  }
}

/** Longest TTS text shown whole; `--json` has the full text. */
const SHOWN_TEXT = 40;

/** A TTS text on one line, and cut short, so that the timeline keeps one line per event and its columns. */
function shortText(text: string): string {
  const chars = [...text.replace(/\s+/gu, ' ')];
  return chars.length > SHOWN_TEXT ? `${chars.slice(0, SHOWN_TEXT - 1).join('')}…` : chars.join('');
}

function formatResponse(response: SimulationResult['response']): string {
  if (!isErrorResponse(response)) return `request accepted: ${JSON.stringify(response.result.data)}`;
  const { code, message, data } = response.error;
  return `request rejected: ${code} ${data.mnemonic}${data.field ? ` (field ${data.field})` : ''}: ${message}`;
}

type Describers = { [K in EventType]: (event: EventOf<K>) => string };

const DESCRIBE: Describers = {
  'session.started': (e) =>
    `started: first_call ${e.first_call}, direction ${e.direction}, virtual number ${e.virtual_phone_number}, ` +
    `external_id ${e.external_id ?? '—'}, contact name ${e.contact_name ?? '—'}, call_session_id ${e.call_session_id}`,
  'leg.dialing': (e) => `dialing ${e.number}, caller ID ${e.caller_id}`,
  'leg.early_media': (e) => `early media: ${e.kind}`,
  'leg.answered': (e) => `answered (${e.number})`,
  'leg.failed': (e) => `failed: ${e.reason} (${e.number})`,
  'audio.started': (e) => `starts hearing ${describeSource(e.source)}`,
  'audio.stopped': (e) => `stops hearing ${describeSource(e.source)} (${e.reason})`,
  'dtmf.sent': (e) => `DTMF ${e.digit} sent`,
  'talk.started': () => 'talk starts',
  'leg.hung_up': () => 'hangs up',
  'leg.released': () => 'released',
  'session.ended': (e) => `ended: ${e.finish_reason}`,
};

/**
 * One event in words, as the timeline and the analysts' page print it.
 * @example describeEvent({ t: 3000, type: 'leg.answered', leg: 'employee', number: '79260000001' }) // 'answered (79260000001)'
 */
export function describeEvent(event: SimEvent): string {
  return (DESCRIBE[event.type] as (e: SimEvent) => string)(event);
}

/** Who an event concerns: a leg, both (the talk) or the session. */
export function whoOf(event: SimEvent): string {
  return 'leg' in event ? event.leg : event.type === 'talk.started' ? 'both' : 'session';
}

function formatEvent(event: SimEvent): string {
  return `${formatTime(event.t)}  ${whoOf(event).padEnd(8)}  ${describeEvent(event)}`;
}

function formatSegment(segment: HearSegment): string {
  return `${(segment.from / 1000).toFixed(3)}–${(segment.to / 1000).toFixed(3)}s  ${describeSource(segment)}`;
}

function formatHears(hears: SimulationResult['hears']): string[] {
  const column = (leg: keyof typeof hears) => [`${leg} hears`, ...(hears[leg].length ? hears[leg].map(formatSegment) : ['(nothing)'])];
  const left = column('employee');
  const right = column('contact');
  const width = Math.max(...left.map((line) => line.length));
  return Array.from({ length: Math.max(left.length, right.length) }, (_, i) =>
    `  ${(left[i] ?? '').padEnd(width)}  |  ${right[i] ?? ''}`.trimEnd(),
  );
}

function formatOutcome(outcome: Outcome | null): string {
  if (!outcome) return 'outcome: none (no call was made)';
  const talk = outcome.talk_duration_ms ? `talk ${formatDuration(outcome.talk_duration_ms)}` : 'no talk';
  return `outcome: ${outcome.finish_reason}, ${talk}, total ${formatDuration(outcome.total_duration_ms)}, ${outcome.is_lost ? 'lost' : 'not lost'}`;
}
