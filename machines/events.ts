import type { EarlyMediaKind, FailReason, FinishReason, LegName, Sound } from './types.js';

/**
 * The events of the session machine, by who sends them. Every event about one leg names it (`leg`), so
 * that the regions can tell theirs apart.
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
 * What a leg's line region reports to the flow: what it alone can tell from the world's events — that a
 * failure ended the leg rather than moving on to its next number, or that its dial timeout ran out. The
 * flow follows answers, early media and hang-ups straight from the world's events, in the line's step.
 */
export type LineReport = { type: 'LEG.FAILED'; leg: LegName; reason: FailReason };

/** The flow's own events: its timers, and a change of what a leg hears that must follow a raised DIAL. */
export type FlowEvent =
  /** A leg's message has played to its end (machines/hearing.ts). */
  | { type: 'MESSAGE.END'; leg: LegName }
  | { type: 'HEAR'; leg: LegName; sound: Sound }
  /** The plan's DTMF burst number `burst` is due. */
  | { type: 'DTMF.DUE'; burst: number }
  /**
   * A side that has finished its message waits on hold music from the next moment the talk has not
   * started by — so when both messages end at the same instant, nobody hears a zero-length burst (R8).
   */
  | { type: 'WAIT'; leg: LegName }
  /** The talk starts, a zero-length moment after what made it due (R4, R7). */
  | { type: 'BRIDGE' }
  /**
   * The session ends (D8, D11, D12). Every region takes its own transition in this one step, and the
   * step's actions run in document order — exits, then transition actions, then entries — so the sounds
   * stop, the live lines are released, and the outcome is told last (see machines/employee-call.ts).
   */
  | { type: 'END'; reason: FinishReason };

export type SessionEvent = WorldEvent | ReleaseEvent | LineCommand | LineReport | FlowEvent;
