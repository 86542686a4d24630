import type { EarlyMediaKind, FailReason, FinishReason, LegName, LinePlays, MessageSource } from './types.js';

/**
 * The events of the session machine, by who sends them. Every event about one leg names it (`leg`), so
 * that the leg's regions — its line, and what it hears — can tell theirs apart.
 */

/** From the world (machines/world.ts): what the dialled party does. `attempt` ties it to one dialled number. */
export type WorldEvent =
  | { type: 'ANSWER'; leg: LegName; attempt: number }
  | { type: 'FAIL'; leg: LegName; attempt: number; reason: FailReason }
  | { type: 'EARLY_MEDIA'; leg: LegName; attempt: number; kind: EarlyMediaKind }
  | { type: 'HANGUP'; leg: LegName; attempt: number };

/** From outside the call: `release.call`. */
export type ReleaseEvent = { type: 'RELEASE' };

/** The flow's command to a leg's line region. */
export type LineCommand = { type: 'DIAL'; leg: LegName };

/**
 * What a leg's line region reports to the flow: what it alone can tell from the world's events (whether
 * a failure ends the leg or moves on to its next number, whether a hang-up ends a connected call). The
 * flow follows an answer and early media straight from the world's events, in the same step as the line.
 */
export type LineReport = { type: 'LEG.FAILED'; leg: LegName; reason: FailReason } | { type: 'LEG.HUNG_UP'; leg: LegName };

/** The flow's commands to what a leg hears. */
export type PlaybackCommand =
  | { type: 'PLAY_MESSAGE'; leg: LegName; message: MessageSource }
  | { type: 'HOLD'; leg: LegName }
  | { type: 'CONTACT_LINE'; leg: LegName; plays: LinePlays };

/**
 * What the flow tells every region at once. Each region takes its own transition in the same step, and
 * the step's actions run in document order — exits, then transition actions, then entries — which is
 * what orders these moments on the timeline (see the region order in machines/employee-call.ts).
 */
export type SessionWideEvent =
  /** The talk starts: old sounds stop, the talk is told, both sides hear it (R4, R7). */
  | { type: 'BRIDGE' }
  /** The session ends: sounds stop, live lines are released, the outcome is told (D8, D11, D12). */
  | { type: 'END'; reason: FinishReason };

/** What a leg's playback region reports to the flow. */
export type PlaybackReport = { type: 'PLAYBACK.MESSAGE_DONE'; leg: LegName };

/** The flow's own timers and its last word. */
export type FlowEvent =
  /** The plan's DTMF burst number `burst` is due. */
  | { type: 'DTMF.DUE'; burst: number }
  /**
   * A side that has finished its message waits on hold music from the next moment the talk has not
   * started by — so when both messages end at the same instant, nobody hears a zero-length burst (R8).
   */
  | { type: 'WAIT'; leg: LegName };

export type SessionEvent =
  | WorldEvent
  | ReleaseEvent
  | LineCommand
  | LineReport
  | PlaybackCommand
  | PlaybackReport
  | SessionWideEvent
  | FlowEvent;
