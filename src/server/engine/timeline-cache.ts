import type { CallParams, SimEvent } from '../deps.js';
import { BudgetedMap, type Budget } from '../sessions/budgeted-map.js';
import type { RecordedRun } from './replay.js';

/** Timelines kept for reuse: 1024 of them, 8 MiB. */
export const TIMELINE_CACHE_BUDGET: Budget = { count: 1024, bytes: 8 * 1024 * 1024 };
const BYTES_PER_EVENT = 256;

/**
 * Timelines of calls without commands, reused for a later call with the same parameters. The simulation
 * is deterministic and the server's account, platform and default world are fixed, so a call's timeline
 * is a function of its parameters — except `session.started`, which names the call (`call_session_id`,
 * `external_id`), and the virtual number when a usage rule draws or remembers one (those calls are not
 * cached). The events and the machines' states along them are shared between calls, frozen so that
 * nobody can change them.
 * @example
 * const hit = cache.get(params, 1001); // null the first time
 * cache.set(params, recordedRun(input, []));
 */
export class TimelineCache {
  private readonly runs: BudgetedMap<string, RecordedRun>;

  constructor(budget: Budget = TIMELINE_CACHE_BUDGET) {
    this.runs = new BudgetedMap(budget);
  }

  /** The run of a call with these params and this id, or null when none is kept. */
  get(params: CallParams, callSessionId: number): RecordedRun | null {
    const key = keyOf(params);
    const run = key === null ? undefined : this.runs.get(key);
    if (key === null || !run) return null;
    this.runs.set(key, run, bytesOf(key, run.events)); // the newest again: least recently used go first
    const events = run.events.map((event) => (event.type === 'session.started' ? { ...event, call_session_id: callSessionId, external_id: params.external_id } : event));
    return { events, stateChanges: run.stateChanges }; // frozen by StatesTrail
  }

  set(params: CallParams, run: RecordedRun): void {
    const key = keyOf(params);
    if (key === null) return;
    for (const event of run.events) deepFreeze(event);
    this.runs.set(key, run, bytesOf(key, run.events));
  }

  clear(): void {
    this.runs.clear();
  }
}

/** What a timeline depends on beyond the server's fixed setup; null when the virtual number is drawn or remembered. */
function keyOf(params: CallParams): string | null {
  if (params.virtual_phone_usage_rule !== 'fixed') return null;
  const { access_token: _token, external_id: _name, ...rest } = params;
  return JSON.stringify(rest);
}

function bytesOf(key: string, timeline: readonly SimEvent[]): number {
  return 2 * key.length + timeline.length * BYTES_PER_EVENT;
}

function deepFreeze(value: object): void {
  Object.freeze(value);
  for (const child of Object.values(value)) if (child && typeof child === 'object' && !Object.isFrozen(child)) deepFreeze(child as object);
}
