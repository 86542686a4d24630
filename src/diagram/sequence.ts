/**
 * The call as a ladder (sequence) diagram, the way telecom analysts draw it: three lifelines — the
 * employee, the platform, the contact — and, going down in time, one arrow per thing that passes between
 * them (dial, ringing, answer, early media, messages, hold music, the bridge, DTMF, hang-up, release).
 * Pure: the page draws the rows as SVG, `mermaid.ts` writes them as Mermaid text for the CLI and exports.
 */
import type { AudioSource, LegName, SimEvent } from '../sim/types.js';

export type Lifeline = 'employee' | 'platform' | 'contact';
export const LIFELINES: readonly Lifeline[] = ['employee', 'platform', 'contact'];
export const LIFELINE_NAMES: Record<Lifeline, string> = { employee: 'Employee', platform: 'Platform', contact: 'Contact' };

export type LadderKind = 'dial' | 'ringing' | 'answer' | 'fail' | 'early_media' | 'sound' | 'talk' | 'dtmf' | 'hangup' | 'release' | 'session';

/** One row of the ladder: an arrow `from` → `to`, or a note over `over` lifelines. */
export interface LadderRow {
  t: number;
  /** Index of the timeline event it comes from (the page steps in step with it). */
  event: number;
  kind: LadderKind;
  label: string;
  from: Lifeline;
  to: Lifeline;
  /** A note over these lifelines instead of an arrow (the session's start and end, the bridge). */
  over?: Lifeline[];
  /** A reply-like arrow (drawn dashed): ringing, what a line sends back. */
  dashed?: boolean;
}

/** What a sound is, in a row's words; `contact_line` says what the line carries when the simulator tells. */
export function soundLabel(source: AudioSource): string {
  switch (source.kind) {
    case 'message':
      return source.type === 'tts' ? `plays TTS «${oneLine(source.value)}» (${source.duration_ms / 1000} s)` : `plays file ${source.value} (${source.duration_ms / 1000} s)`;
    case 'hold_music':
      return `hold music ${source.media_file_id}`;
    case 'contact_line': {
      const plays = (source as { plays?: string }).plays;
      return plays ? `contact's line: ${plays.replace(/_/g, ' ')}` : "contact's line";
    }
    case 'talk':
      return 'talk';
  }
}

const oneLine = (text: string) => {
  const flat = [...text.replace(/\s+/gu, ' ').trim()];
  return flat.length > 40 ? `${flat.slice(0, 39).join('')}…` : flat.join('');
};

const FAIL_WORDS = { busy: 'busy', no_answer: 'no answer', unavailable: 'unavailable', rejected: 'rejected' } as const;

function rowsOf(event: SimEvent, index: number): LadderRow[] {
  const row = (kind: LadderKind, from: Lifeline, to: Lifeline, label: string, extra: Partial<LadderRow> = {}): LadderRow => ({
    t: event.t, event: index, kind, from, to, label, ...extra,
  });
  const leg = (name: LegName): Lifeline => name;
  switch (event.type) {
    case 'session.started':
      return [row('session', 'platform', 'platform', `call_session_id ${event.call_session_id}: first_call ${event.first_call}`, { over: ['platform'] })];
    case 'leg.dialing':
      return [
        row('dial', 'platform', leg(event.leg), `dial ${event.number} (caller ID ${event.caller_id})`),
        row('ringing', leg(event.leg), 'platform', 'ringing', { dashed: true }),
      ];
    case 'leg.early_media':
      return [row('early_media', 'contact', 'platform', `early media: ${event.kind}`, { dashed: true })];
    case 'leg.answered':
      return [row('answer', leg(event.leg), 'platform', `answers (${event.number})`)];
    case 'leg.failed':
      return [row('fail', leg(event.leg), 'platform', `${FAIL_WORDS[event.reason]} (${event.number})`)];
    case 'audio.started':
      // The bridge is one note for both legs (talk.started); each leg's talk audio adds nothing.
      return event.source.kind === 'talk' ? [] : [row('sound', 'platform', leg(event.leg), soundLabel(event.source))];
    case 'talk.started':
      return [row('talk', 'employee', 'contact', 'bridge: talk starts', { over: ['employee', 'contact'] })];
    case 'dtmf.sent':
      return [row('dtmf', 'platform', 'contact', `DTMF ${event.digit}`)];
    case 'leg.hung_up':
      return [row('hangup', leg(event.leg), 'platform', 'hangs up')];
    case 'leg.released':
      return [row('release', 'platform', leg(event.leg), 'release')];
    case 'session.ended':
      return [row('session', 'platform', 'platform', `ended: ${event.finish_reason}`, { over: ['platform'] })];
    case 'audio.stopped':
      return [];
  }
}

/**
 * The ladder of a call: its rows, in the order of the timeline's events.
 * @example ladderRows(simulate(scenario).events)[1] // { t: 0, kind: 'dial', from: 'platform', to: 'employee', label: 'dial 79260000001 (caller ID 79260000000)', … }
 */
export function ladderRows(events: readonly SimEvent[]): LadderRow[] {
  return events.flatMap((event, index) => rowsOf(event, index));
}
