import type { SimEvent } from '../sim/types.js';
import type { LaneSegment, Lanes } from './lanes.js';

/** Where two runs of the same world part ways. */
export interface RunDiff {
  /** Index of the first event that differs (or that only one run has); null when the events are equal. */
  firstIndex: number | null;
  /** Time of that first difference: the earlier of the two differing events. */
  firstTime: number | null;
  a: SimEvent | null;
  b: SimEvent | null;
  /** Segments of each run that the other run does not have (same leg, kind, times and source). */
  onlyA: LaneSegment[];
  onlyB: LaneSegment[];
}

/** Events compare on everything but the call_session_id, which says nothing about the call's flow. */
function eventKey(event: SimEvent): string {
  const { call_session_id: _ignored, ...rest } = event as SimEvent & { call_session_id?: number };
  return JSON.stringify(rest);
}

export function segmentKey(segment: LaneSegment): string {
  return JSON.stringify([segment.leg, segment.kind, segment.from, segment.to, segment.label, segment.source ?? null]);
}

/**
 * Compares two runs: the first differing event and the segments each has that the other has not.
 * @example diffRuns(eventsA, lanesA, eventsB, lanesB).firstTime // 11450
 */
export function diffRuns(eventsA: readonly SimEvent[], lanesA: Lanes, eventsB: readonly SimEvent[], lanesB: Lanes): RunDiff {
  const length = Math.max(eventsA.length, eventsB.length);
  let firstIndex: number | null = null;
  for (let i = 0; i < length; i++) {
    const a = eventsA[i];
    const b = eventsB[i];
    if (!a || !b || eventKey(a) !== eventKey(b)) {
      firstIndex = i;
      break;
    }
  }
  const a = firstIndex === null ? null : (eventsA[firstIndex] ?? null);
  const b = firstIndex === null ? null : (eventsB[firstIndex] ?? null);
  const times = [a?.t, b?.t].filter((t): t is number => t !== undefined);
  const keysA = new Set(lanesA.segments.map(segmentKey));
  const keysB = new Set(lanesB.segments.map(segmentKey));
  return {
    firstIndex,
    firstTime: times.length ? Math.min(...times) : null,
    a,
    b,
    onlyA: lanesA.segments.filter((s) => !keysB.has(segmentKey(s))),
    onlyB: lanesB.segments.filter((s) => !keysA.has(segmentKey(s))),
  };
}
