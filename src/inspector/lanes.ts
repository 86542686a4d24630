import { hearsOf } from '../sim/timeline.js';
import type { AudioSource, LegName, SimEvent } from '../sim/types.js';

/** What a lane shows for a stretch of time: a sound the leg hears, or its phone ringing while dialled. */
export type LaneKind = AudioSource['kind'] | 'ringing';

/** One drawn stretch of a lane: `from`/`to` in ms; `open` when it is still going on (a live session). */
export interface LaneSegment {
  leg: LegName;
  kind: LaneKind;
  from: number;
  to: number;
  open: boolean;
  /** Short text drawn in the segment (`tts «Привет»`, `file 2561`, `hold music 2701`, `79260000001`). */
  label: string;
  /** Longer text for the tooltip. */
  detail: string;
  /** A shorter label for a narrow stretch (`ringback` for `contact's line: ringback`). */
  short?: string;
  /** The audio source, for audio segments (compared field by field in the compare view). */
  source?: AudioSource;
}

/** A point on a lane: answer, failure, hang-up, release, early media, DTMF. */
export interface LaneMark {
  leg: LegName;
  t: number;
  type: SimEvent['type'];
  label: string;
}

export interface Lanes {
  segments: LaneSegment[];
  marks: LaneMark[];
  /** Instants that concern both legs: the talk starting and the session ending. */
  moments: { t: number; label: string; type: SimEvent['type'] }[];
  /** The last instant the lanes reach (the end of the session, or `now` for a live one). */
  end: number;
}

export const LEGS: readonly LegName[] = ['employee', 'contact'];

/**
 * What the contact's line carries (early switching): `silence`, `ringback`, `voicemail`, `announcement`,
 * `message`, when the simulator says (`plays`); null from a simulator that does not.
 */
export function linePlays(source: AudioSource): string | null {
  const plays = (source as { plays?: unknown }).plays;
  return source.kind === 'contact_line' && typeof plays === 'string' ? plays : null;
}

/** `tts «Привет»`, `file 2561`, `hold music 2701`, `contact's line: ringback`, `talk`. */
export function sourceLabel(source: AudioSource): string {
  switch (source.kind) {
    case 'message':
      return source.type === 'tts' ? `tts «${source.value}»` : `file ${source.value}`;
    case 'hold_music':
      return `hold music ${source.media_file_id}`;
    case 'contact_line': {
      const plays = linePlays(source);
      return plays ? `contact's line: ${plays}` : "contact's line";
    }
    case 'talk':
      return 'talk';
  }
}

const MARK_LABEL: Partial<Record<SimEvent['type'], (e: SimEvent) => string>> = {
  'leg.answered': () => 'answers',
  'leg.failed': (e) => `fails: ${(e as Extract<SimEvent, { type: 'leg.failed' }>).reason}`,
  'leg.hung_up': () => 'hangs up',
  'leg.released': () => 'released',
  'leg.early_media': (e) => (e as Extract<SimEvent, { type: 'leg.early_media' }>).kind,
  'dtmf.sent': (e) => `DTMF ${(e as Extract<SimEvent, { type: 'dtmf.sent' }>).digit}`,
};

/**
 * Builds the lanes from the events alone, so a finished simulation and a live session (whose sounds are
 * still open at `now`) are drawn the same way. Audio segments are the simulator's own `hears` (`hearsOf`);
 * ringing runs from a number's `leg.dialing` to that leg's next `leg.answered`, `leg.failed` or
 * `leg.released`, or the end of the session.
 * @example lanesFromEvents(simulate(scenario).events).segments.filter((s) => s.kind === 'ringing')
 */
export function lanesFromEvents(events: readonly SimEvent[], now?: number): Lanes {
  const last = events.at(-1);
  const ended = last?.type === 'session.ended';
  const end = ended ? last.t : Math.max(now ?? 0, last?.t ?? 0);
  const segments: LaneSegment[] = [];
  const marks: LaneMark[] = [];
  const moments: Lanes['moments'] = [];
  const ringing = new Map<LegName, LaneSegment>();
  const stopRinging = (leg: LegName, t: number) => {
    const segment = ringing.get(leg);
    if (!segment) return;
    segment.to = t;
    segment.open = false;
    ringing.delete(leg);
  };

  for (const event of events) {
    if (event.type === 'leg.dialing') {
      stopRinging(event.leg, event.t);
      const segment: LaneSegment = {
        leg: event.leg, kind: 'ringing', from: event.t, to: end, open: !ended,
        label: `ringing ${event.number}`, detail: `dialling ${event.number} (caller ID ${event.caller_id})`,
      };
      segments.push(segment);
      ringing.set(event.leg, segment);
    }
    if (event.type === 'leg.answered' || event.type === 'leg.failed' || event.type === 'leg.released') stopRinging(event.leg, event.t);
    if (event.type === 'talk.started') moments.push({ t: event.t, label: 'talk starts', type: event.type });
    if (event.type === 'session.ended') {
      moments.push({ t: event.t, label: `ended: ${event.finish_reason}`, type: event.type });
      for (const leg of LEGS) stopRinging(leg, event.t);
    }
    const markLabel = MARK_LABEL[event.type];
    if (markLabel && 'leg' in event) marks.push({ leg: event.leg, t: event.t, type: event.type, label: markLabel(event) });
  }
  const hears = hearsOf(events, ended ? undefined : end);
  for (const leg of LEGS)
    for (const { from, to, ...source } of hears[leg])
      segments.push({
        leg, kind: source.kind, from, to, open: !ended && to === end,
        label: sourceLabel(source), detail: describeLong(source), source, short: linePlays(source) ?? undefined,
      });
  const audioLast = (segment: LaneSegment) => (segment.kind === 'ringing' ? 0 : 1);
  segments.sort((x, y) => x.from - y.from || audioLast(x) - audioLast(y));
  return { segments, marks, moments, end };
}

const LINE_WORDS: Record<string, string> = {
  silence: 'nothing yet (silence)',
  ringback: 'the ringback tone',
  voicemail: 'a voicemail greeting',
  announcement: 'an operator announcement',
  message: 'the message played to the contact (R10: the talk waits for it)',
};

function describeLong(source: AudioSource): string {
  if (source.kind === 'message')
    return `${source.type === 'tts' ? 'TTS message' : `media file ${source.value}`}${
      source.type === 'tts' ? ` «${source.value}»` : ''
    }, ${source.duration_ms / 1000} s`;
  if (source.kind === 'hold_music') return `hold music: media file ${source.media_file_id}, in a loop`;
  if (source.kind === 'contact_line') {
    const plays = linePlays(source);
    return `heard through the contact's line (early switching)${plays ? `: ${LINE_WORDS[plays] ?? plays}` : ': ringback, voicemail, announcements'}`;
  }
  return 'the talk: employee and contact connected';
}

/** The segment of `leg` at time `t` (a segment covers [from, to)), or null. Audio wins over ringing. */
export function segmentAt(lanes: Lanes, leg: LegName, t: number): LaneSegment | null {
  const here = lanes.segments.filter((s) => s.leg === leg && s.from <= t && (t < s.to || (s.open && t <= s.to)));
  return here.find((s) => s.kind !== 'ringing') ?? here[0] ?? null;
}
