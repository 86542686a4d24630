import type { EventOf, HearSegment, LegName, SimEvent, SimulationResult } from '../../sim/types.js';
import type { HangupPhase, ReleasePhase } from './types.js';

/** A stretch of simulated time, [from, to). */
export interface Window {
  from: number;
  to: number;
}

/** The party on the other end of the call. */
export const other = (leg: LegName): LegName => (leg === 'employee' ? 'contact' : 'employee');

function find<K extends SimEvent['type']>(events: SimEvent[], type: K, leg?: LegName): EventOf<K> | undefined {
  return events.find((e) => e.type === type && (leg === undefined || ('leg' in e && e.leg === leg))) as EventOf<K> | undefined;
}

/** @example answeredAt(result, 'contact')?.t // 11000 */
export const answeredAt = (result: SimulationResult, leg: LegName) => find(result.events, 'leg.answered', leg);
const endOf = (result: SimulationResult) => find(result.events, 'session.ended')?.t ?? 0;
/** The first stretch in which `leg` hears `kind`: back-to-back segments of it count as one (the contact's line changes what it plays). */
function segment(result: SimulationResult, leg: LegName, kind: HearSegment['kind']): Window | undefined {
  const segments = result.hears[leg];
  const first = segments.findIndex((s) => s.kind === kind);
  if (first < 0) return undefined;
  const stretch = { from: segments[first]!.from, to: segments[first]!.to };
  for (const s of segments.slice(first + 1)) {
    if (s.kind !== kind || s.from !== stretch.to) break;
    stretch.to = s.to;
  }
  return stretch;
}

/** From a leg's first `leg.dialing` to its answer (or the session's end when it never answers). */
function dialling(result: SimulationResult, leg: LegName): Window | null {
  const dialing = find(result.events, 'leg.dialing', leg);
  if (!dialing) return null;
  return { from: dialing.t, to: answeredAt(result, leg)?.t ?? endOf(result) };
}

const span = (s: Window | undefined): Window | null => s ?? null;

function clip(window: Window | null, from: number): Window | null {
  return window && { from: Math.max(window.from, from), to: window.to };
}

/**
 * Where, in a run nobody ended, `who` (having answered) can hang up during `phase`: `ringing` — the other
 * leg is being dialled; `own message` / `hold` / `contact's line` / `talk` — what `who` hears;
 * `other's message` — the other side hears its message. The first such stretch; null when there is none.
 * @example hangupWindow(result, 'employee', 'hold') // { from: 8000, to: 11450 }
 */
export function hangupWindow(result: SimulationResult, who: LegName, phase: HangupPhase): Window | null {
  const answered = answeredAt(result, who);
  if (!answered) return null;
  const windows: Record<HangupPhase, () => Window | null> = {
    ringing: () => dialling(result, other(who)),
    'own message': () => span(segment(result, who, 'message')),
    "other's message": () => span(segment(result, other(who), 'message')),
    hold: () => span(segment(result, who, 'hold_music')),
    "contact's line": () => span(segment(result, who, 'contact_line')),
    talk: () => span(segment(result, who, 'talk')),
  };
  return usable(clip(windows[phase](), answered.t));
}

/**
 * Where, in a run nobody ended, release.call can come during `phase`: `first ringing` / `second ringing`
 * — the first-called / second-called leg is being dialled; a message, hold music (either leg), the
 * contact's line, the talk. The first such stretch; null when there is none.
 * @example releaseWindow(result, 'talk') // { from: 11450, to: 71450 }
 */
export function releaseWindow(result: SimulationResult, phase: ReleasePhase): Window | null {
  const started = find(result.events, 'session.started');
  if (!started) return null;
  const first = started.first_call;
  const holds = [segment(result, 'employee', 'hold_music'), segment(result, 'contact', 'hold_music')].filter((s) => s !== undefined);
  const windows: Record<ReleasePhase, () => Window | null> = {
    'first ringing': () => dialling(result, first),
    'second ringing': () => dialling(result, other(first)),
    'employee message': () => span(segment(result, 'employee', 'message')),
    'contact message': () => span(segment(result, 'contact', 'message')),
    hold: () => span(holds.sort((a, b) => a.from - b.from)[0]),
    "contact's line": () => span(segment(result, 'employee', 'contact_line')),
    talk: () => span(segment(result, 'employee', 'talk')),
  };
  return usable(windows[phase]());
}

/** A window with a moment strictly inside it. */
function usable(window: Window | null): Window | null {
  return window && window.to - window.from >= 2 ? window : null;
}

/**
 * The moment an ending is placed at: the middle of its window — or the nearest instant to it at which
 * nothing happens in `run`, so that the ending is never a tie with another event (whose order against a
 * release.call at the same instant would be arbitrary). Null when every instant inside is taken.
 * @example quietMoment({ from: 3000, to: 11000 }, run) // 7000, or 7001 when the employee answers at 7000
 */
export function quietMoment(window: Window, run: SimulationResult): number | null {
  const busy = new Set(run.events.map((e) => e.t));
  const middle = window.from + Math.floor((window.to - window.from) / 2);
  for (let step = 0; middle + step < window.to || middle - step > window.from; step++) {
    for (const t of [middle + step, middle - step]) if (t > window.from && t < window.to && !busy.has(t)) return t;
  }
  return null;
}
