import type { Hears, HearSegment, LegName, Outcome, SimEvent, StateValueLike } from './types.js';

/**
 * `hears[leg]`: that leg's audio as segments, derived from its `audio.started` / `audio.stopped`
 * events (SPEC §5). A sound still playing is cut at `until` (the current time of a session not ended).
 * A sound replaced at the instant it started (the contact's line when early media comes with the dial)
 * lasted no time and makes no segment.
 */
export function hearsOf(events: readonly SimEvent[], until?: number): Hears {
  const hears: Hears = { employee: [], contact: [] };
  const playing: Record<LegName, HearSegment | null> = { employee: null, contact: null };
  for (const event of events) {
    if (event.type === 'audio.started') playing[event.leg] = { from: event.t, to: event.t, ...event.source };
    if (event.type === 'audio.stopped' && playing[event.leg]) {
      if (event.t > playing[event.leg]!.from) hears[event.leg].push({ ...playing[event.leg]!, to: event.t });
      playing[event.leg] = null;
    }
  }
  for (const leg of ['employee', 'contact'] as const) {
    const open = playing[leg];
    if (open && until !== undefined) hears[leg].push({ ...open, to: until });
  }
  return hears;
}

/** The outcome told by `session.ended`, or null while the session goes on. */
export function outcomeOf(events: readonly SimEvent[]): Outcome | null {
  const ended = events.find((e) => e.type === 'session.ended');
  if (!ended || ended.type !== 'session.ended') return null;
  const { finish_reason, is_lost, talk_duration_ms, total_duration_ms } = ended;
  return { finish_reason, is_lost, talk_duration_ms, total_duration_ms };
}

/** An XState state value as a dotted path: `employeeFirst.dialingContact`. */
export function statePath(value: StateValueLike): string {
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([key, child]) => {
      const rest = statePath(child);
      return rest ? `${key}.${rest}` : key;
    })
    .join(', ');
}
