/**
 * The output contract of a simulation (SPEC §5). Public: other programs parse it, so a change here is a
 * change to the contract and needs an issue that asks for it.
 */
import type { JsonRpcResponse } from '../protocol/errors.js';
import type { InspectionEvent, Observer } from 'xstate';
import type { FirstCall } from '../protocol/params.js';

export type LegName = 'employee' | 'contact';
export type FailReason = 'busy' | 'no_answer' | 'unavailable' | 'rejected';
export type EarlyMediaKind = 'ringback' | 'voicemail' | 'announcement';
export type StopReason = 'finished' | 'interrupted' | 'released';

export type MessageSource = { kind: 'message'; type: 'media' | 'tts'; value: string; duration_ms: number };
export type HoldMusicSource = { kind: 'hold_music'; media_file_id: number };
export type ContactLineSource = { kind: 'contact_line' };
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

/** Event payloads by type; every event also has `t` (ms since the request). */
export interface EventPayloads {
  'session.started': {
    call_session_id: number;
    external_id: string | null;
    first_call: FirstCall;
    direction: 'in' | 'out';
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
export type SimEvent = { [K in EventType]: { t: number; type: K } & EventPayloads[K] }[EventType];
export type EventOf<K extends EventType> = Extract<SimEvent, { type: K }>;

/** One stretch of what a leg hears: the source's fields flattened next to `from`/`to`. */
export type HearSegment = { from: number; to: number } & AudioSource;
export type Hears = Record<LegName, HearSegment[]>;

export interface SimulationResult {
  response: JsonRpcResponse;
  events: SimEvent[];
  hears: Hears;
  outcome: Outcome | null;
}

/** XState's state value, without importing XState into the contract. */
export type StateValueLike = string | { [key: string]: StateValueLike };

/** A hand-driven change to the world: what the mock server's control API and the inspector send. */
export type WorldCommand =
  | { type: 'answer'; leg: LegName }
  | { type: 'fail'; leg: LegName; reason: FailReason }
  | { type: 'hangup'; leg: LegName }
  | { type: 'early_media'; leg: 'contact'; kind: EarlyMediaKind };

/** Where a leg is, in the platform's terms (list.calls maps these to its leg states). */
export type LegStatus = 'idle' | 'dialing' | 'answered' | 'failed' | 'hung_up' | 'released';

export interface SessionSnapshot {
  t: number;
  done: boolean;
  /** Each machine's current state as a dotted path, e.g. `{ session: "connecting.contactDialing", … }`. */
  states: Record<'session' | 'employeeLeg' | 'contactLeg' | 'employeePlayback' | 'contactPlayback', string>;
  /** What each leg hears at this instant. */
  hearing: Record<LegName, AudioSource | null>;
  legs: Record<LegName, { status: LegStatus; number: string | null }>;
}

/**
 * A session being stepped through simulated time. Returned by `createSimulation` (from a scenario) and
 * `startCall` (from already-validated parameters). Stepping methods return the events they produced.
 */
export interface Simulation {
  /** The JSON-RPC answer to the request: the call_session_id, or the error (then `done()` is true at once). */
  readonly response: JsonRpcResponse;
  now(): number;
  done(): boolean;
  /** Simulated time of the next scheduled thing (timer), or null when nothing is scheduled. */
  nextTime(): number | null;
  /** Advances to the next scheduled time and fires everything due then. */
  step(): SimEvent[];
  /** Advances to `t` (ms), firing every timer due on the way at its own deadline. */
  advanceTo(t: number): SimEvent[];
  runToEnd(): SimulationResult;
  /** The result so far (`outcome` stays null until the session ends). */
  result(): SimulationResult;
  snapshot(): SessionSnapshot;
  /** Called with each event as it happens; returns the unsubscribe function. */
  subscribe(listener: (event: SimEvent) => void): () => void;
  /** Applies a world command at the current time. Ignored when it does not fit the leg's state. */
  command(command: WorldCommand): void;
  /** `release.call`: ends the session now, releasing both legs. */
  release(): void;
}

/** Receives XState's inspection events of a session's actors, as `createActor`'s `inspect` option does. */
export type Inspector = Observer<InspectionEvent> | ((inspection: InspectionEvent) => void);
