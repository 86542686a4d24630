/**
 * The output contract of a simulation (SPEC §5). Public: other programs parse it, so a change here is a
 * change to the contract and needs an issue that asks for it.
 */
import type { JsonRpcResponse } from '../protocol/errors.js';
import type { InspectionEvent, Observer } from 'xstate';
import type { AudioSource, EventPayloads, EventType, LegName, Outcome, WorldCommand } from '../../machines/types.js';

/** The machines' vocabulary is the contract's: parties, reasons, sounds, outcome, events' payloads. */
export type {
  AudioSource,
  ContactLineSource,
  Direction,
  EarlyMediaKind,
  EventPayloads,
  EventType,
  FailReason,
  FinishReason,
  FirstCall,
  HoldMusicSource,
  LegName,
  LinePlays,
  MessageSource,
  Outcome,
  StopReason,
  TalkSource,
  WorldCommand,
} from '../../machines/types.js';

/** One event of the timeline: what a machine emitted, with `t` (ms since the request). */
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
