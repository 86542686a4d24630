import type { AudioSource, CallParams, JsonRpcId, LegName, LegStatus, Outcome, SimEvent, World } from '../deps.js';
import type { StateChanges } from '../engine/machine-states.js';
import type { TimedCommand } from '../engine/replay.js';
import { formatPlatformTime } from '../time.js';

/** One dialled number of a leg, as `list.calls` shows it: every `leg.dialing` opens one. */
export interface TrackedLeg {
  leg_id: number;
  leg: LegName;
  number: string;
  caller_id: string;
  /** Failed, hung up or released. */
  ended: boolean;
}

/** What re-runs a call: the request's id and checked params, the world it runs in, its id. */
export interface CallRecipe {
  id: JsonRpcId;
  params: CallParams;
  world: World;
  callSessionId: number;
}

/**
 * How many DTMF digits `dtmf_string` sends (dots are pauses, R15).
 * @example dtmfDigits('.12.1..4') // 4
 */
export function dtmfDigits(dtmf: string | null): number {
  return dtmf === null ? 0 : dtmf.replaceAll('.', '').length;
}

const STATUS_OF: Partial<Record<SimEvent['type'], LegStatus>> = {
  'leg.dialing': 'dialing',
  'leg.answered': 'answered',
  'leg.failed': 'failed',
  'leg.hung_up': 'hung_up',
  'leg.released': 'released',
};

/**
 * A call the server accepted, as data: the recipe, the commands that arrived, the timeline the machines
 * produced for them (computed once, to the end) with where the machines were along it, and how much of
 * it has been released. What the server shows of a live call — legs for `list.calls`, each leg's status
 * and what it hears, DTMF progress, the virtual number, the outcome — is tracked from the released
 * events, one `track` per event.
 * @example
 * const session = new CallSession(recipe, Date.now(), clock.now(), 'Анна Сотрудникова');
 * const run = recordedRun(input, []);
 * session.timeline = run.events;
 * session.stateChanges = run.stateChanges;
 */
export class CallSession {
  readonly legs: TrackedLeg[] = [];
  readonly legNow: Record<LegName, { status: LegStatus; number: string | null }> = {
    employee: { status: 'idle', number: null },
    contact: { status: 'idle', number: null },
  };
  readonly hearing: Record<LegName, AudioSource | null> = { employee: null, contact: null };
  readonly commands: TimedCommand[] = [];
  virtualPhoneNumber: string;
  talkStartedAt: number | null = null;
  contactAnswered = false;
  dtmfSent = 0;
  employeeNumber: string | null = null;
  outcome: Outcome | null = null;
  /** The whole timeline, released or not; replaced past `released` when a command re-runs the call. */
  timeline: readonly SimEvent[] = [];
  /** Where the machines are along the timeline (`statesAt`); replaced with it. */
  stateChanges: StateChanges = [];
  /** How many events of the timeline have been released. */
  released = 0;
  private formattedStart: string | undefined;

  constructor(
    readonly recipe: CallRecipe,
    /** Wall clock (ms) when the request was accepted. */
    readonly startedAt: number,
    /** The scheduler's clock when the request was accepted: event t is due at `startedTick + t / speed`. */
    readonly startedTick: number,
    readonly employeeFullName: string | null,
  ) {
    this.virtualPhoneNumber = recipe.params.virtual_phone_number;
  }

  get id(): number {
    return this.recipe.callSessionId;
  }

  get params(): CallParams {
    return this.recipe.params;
  }

  /** `start_time` as the platform writes it (Moscow time), formatted once. */
  get startTime(): string {
    return (this.formattedStart ??= formatPlatformTime(this.startedAt));
  }

  get live(): boolean {
    return this.outcome === null;
  }

  /** The events released so far. */
  events(): SimEvent[] {
    return this.timeline.slice(0, this.released);
  }

  /** The next event still to be released, if any. */
  next(): SimEvent | undefined {
    return this.timeline[this.released];
  }

  /** Updates what the server tracks from one released event; `nextLegId` numbers a new leg. */
  track(event: SimEvent, nextLegId: () => number): void {
    const status = STATUS_OF[event.type];
    if (status && 'leg' in event) {
      const now = this.legNow[event.leg];
      now.status = status;
      if (event.type === 'leg.dialing') now.number = event.number;
    }
    switch (event.type) {
      case 'session.started':
        this.virtualPhoneNumber = event.virtual_phone_number;
        break;
      case 'leg.dialing':
        this.legs.push({ leg_id: nextLegId(), leg: event.leg, number: event.number, caller_id: event.caller_id, ended: false });
        if (event.leg === 'employee') this.employeeNumber = event.number;
        break;
      case 'leg.answered':
        if (event.leg === 'contact') this.contactAnswered = true;
        break;
      case 'leg.failed':
      case 'leg.hung_up':
      case 'leg.released':
        for (const leg of this.legs) if (leg.leg === event.leg) leg.ended = true;
        break;
      case 'audio.started':
        this.hearing[event.leg] = event.source;
        break;
      case 'audio.stopped':
        this.hearing[event.leg] = null;
        break;
      case 'dtmf.sent':
        this.dtmfSent++;
        break;
      case 'talk.started':
        this.talkStartedAt = event.t;
        break;
      case 'session.ended': {
        const { finish_reason, is_lost, talk_duration_ms, total_duration_ms } = event;
        this.outcome = { finish_reason, is_lost, talk_duration_ms, total_duration_ms };
        for (const leg of this.legs) leg.ended = true;
        break;
      }
    }
  }

  /** Digits still to go out to an answered contact (R15): the contact's leg is "Отправка dtmf". */
  dtmfPending(): boolean {
    return this.contactAnswered && this.dtmfSent < dtmfDigits(this.params.dtmf_string);
  }
}
