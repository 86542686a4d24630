/**
 * The vocabulary the machines speak: the parties, how a number fails, what a leg hears, how a session
 * ends, the plan a session is given and the world's script. Plain types with no imports, so that the
 * machines depend on nothing above them; `src/` builds on these (the output contract in
 * `src/sim/types.ts` re-exports them, the zod schemas of `src/scenario` are checked against them).
 */

export type LegName = 'employee' | 'contact';
export type FailReason = 'busy' | 'no_answer' | 'unavailable' | 'rejected';
export type EarlyMediaKind = 'ringback' | 'voicemail' | 'announcement';
export type StopReason = 'finished' | 'interrupted' | 'released';
export type FirstCall = 'employee' | 'contact';
export type Direction = 'in' | 'out';

/**
 * What the contact's line carries while the employee hears it (R3, D9): nothing yet, the network's
 * ringback tone, a voicemail greeting, an operator announcement, or — once the contact answered — the
 * message played to the contact.
 */
export type LinePlays = 'silence' | EarlyMediaKind | 'message';

export type MessageSource = { kind: 'message'; type: 'media' | 'tts'; value: string; duration_ms: number };
export type HoldMusicSource = { kind: 'hold_music'; media_file_id: number };
export type ContactLineSource = { kind: 'contact_line'; plays: LinePlays };
export type TalkSource = { kind: 'talk' };
export type AudioSource = MessageSource | HoldMusicSource | ContactLineSource | TalkSource;

/** D11, plus `timeout` for the 4-hour cut (D12) and `success_finish` for a call ended by `release.call`. */
export type FinishReason =
  | 'subscriber_disconnects'
  | 'operator_disconnects'
  | 'subscriber_busy'
  | 'subscriber_not_responsible'
  | 'no_success_subscriber_call'
  | 'operator_busy'
  | 'operator_not_responsible'
  | 'no_success_operator_call'
  | 'timeout'
  | 'success_finish';

export interface Outcome {
  finish_reason: FinishReason;
  is_lost: boolean;
  talk_duration_ms: number;
  total_duration_ms: number;
}

/** What the machines emit, by type: the timeline's events without their time (SPEC §5). */
export interface EventPayloads {
  'session.started': {
    call_session_id: number;
    external_id: string | null;
    first_call: FirstCall;
    direction: Direction;
    virtual_phone_number: string;
    contact_name: string | null;
  };
  'leg.dialing': { leg: LegName; number: string; caller_id: string };
  'leg.early_media': { leg: 'contact'; kind: EarlyMediaKind };
  'leg.answered': { leg: LegName; number: string };
  'leg.failed': { leg: LegName; number: string; reason: FailReason };
  'audio.started': { leg: LegName; source: AudioSource };
  'audio.stopped': { leg: LegName; source: AudioSource; reason: StopReason };
  'dtmf.sent': { leg: 'contact'; digit: string };
  'talk.started': Record<never, never>;
  'leg.hung_up': { leg: LegName };
  'leg.released': { leg: LegName };
  'session.ended': Outcome;
}
export type EventType = keyof EventPayloads;
/** One emitted event: `{ type, ...payload }`. */
export type Emitted = { [K in EventType]: { type: K } & EventPayloads[K] }[EventType];

/** How one dialled party behaves (a scenario's `world`, resolved: durations in ms). */
export interface LegBehaviour {
  answer_after?: number | undefined;
  outcome: 'answer' | 'busy' | 'no_answer' | 'unavailable' | 'rejected' | 'manual';
  after?: number | undefined;
  early_media: readonly { at: number; kind: EarlyMediaKind }[];
  hangup_after?: number | undefined;
}

/** The people on the line: the contact, and the employee's numbers (one shared behaviour, overridable per number). */
export interface World {
  employee: { shared: LegBehaviour; byNumber: Readonly<Record<string, LegBehaviour>> };
  contact: LegBehaviour;
}

/** A hand-driven change to the world: what the mock server's control API and the inspector send. */
export type WorldCommand =
  | { type: 'answer'; leg: LegName }
  | { type: 'fail'; leg: LegName; reason: FailReason }
  | { type: 'hangup'; leg: LegName }
  | { type: 'early_media'; leg: 'contact'; kind: EarlyMediaKind };

/** One burst of DTMF: digits that go out together, `offset_ms` after the contact answered (R15, D6). */
export interface DtmfBurst {
  offset_ms: number;
  digits: string;
}

/**
 * Everything a session needs, resolved from valid parameters and the account before the call starts:
 * numbers, caller IDs, message lengths, the DTMF schedule, and which flags are in force.
 */
export interface CallPlan {
  callSessionId: number;
  externalId: string | null;
  firstCall: FirstCall;
  direction: Direction;
  virtualNumber: string;
  contactName: string | null;
  numbers: Record<LegName, readonly string[]>;
  callerIds: Record<LegName, string>;
  messages: Record<LegName, MessageSource | null>;
  holdMusicId: number;
  /** `switch_at_once: true` and the contact's message is not TTS (R10, D4). */
  switchInForce: boolean;
  earlySwitching: boolean;
  dtmf: readonly DtmfBurst[];
  dialTimeoutMs: number;
  sessionLimitMs: number;
  world: World;
}
