import { outcomeOf, type CallParams, type LegName, type Outcome, type RealTimeRun, type SimEvent, type Simulation } from '../deps.js';

/** One dialled number of a leg, as `list.calls` shows it: every `leg.dialing` opens one. */
export interface TrackedLeg {
  leg_id: number;
  leg: LegName;
  number: string;
  caller_id: string;
  /** Failed, hung up or released. */
  ended: boolean;
}

/**
 * How many DTMF digits `dtmf_string` sends (dots are pauses, R15).
 * @example dtmfDigits('.12.1..4') // 4
 */
export function dtmfDigits(dtmf: string | null): number {
  return dtmf === null ? 0 : dtmf.replaceAll('.', '').length;
}

/**
 * A call the server accepted: the simulation, how it is being run, and what the server keeps track of
 * from its events (the legs for `list.calls`, DTMF progress, the chosen virtual number, the outcome).
 * @example
 * const session = new CallSession(1000, params, Date.now(), sim, 'Анна Сотрудникова');
 * for (const event of sim.result().events) session.track(event, () => ++legIds);
 */
export class CallSession {
  readonly legs: TrackedLeg[] = [];
  virtualPhoneNumber: string;
  talkStartedAt: number | null = null;
  contactAnswered = false;
  dtmfSent = 0;
  employeeNumber: string | null = null;
  outcome: Outcome | null = null;
  run: RealTimeRun | null = null;

  constructor(
    readonly id: number,
    readonly params: CallParams,
    /** Wall clock (ms) when the request was accepted. */
    readonly startedAt: number,
    readonly sim: Simulation,
    readonly employeeFullName: string | null,
  ) {
    this.virtualPhoneNumber = params.virtual_phone_number;
  }

  /** Updates what the server tracks from one event; `nextLegId` numbers a new leg. */
  track(event: SimEvent, nextLegId: () => number): void {
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
      case 'dtmf.sent':
        this.dtmfSent++;
        break;
      case 'talk.started':
        this.talkStartedAt = event.t;
        break;
      case 'session.ended':
        this.outcome = outcomeOf([event]);
        for (const leg of this.legs) leg.ended = true;
        break;
    }
  }

  /** Digits still to go out to an answered contact (R15): the contact's leg is "Отправка dtmf". */
  dtmfPending(): boolean {
    return this.contactAnswered && this.dtmfSent < dtmfDigits(this.params.dtmf_string);
  }

  get live(): boolean {
    return this.outcome === null;
  }
}
