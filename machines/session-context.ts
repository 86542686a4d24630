import { emit, enqueueActions, raise, type ParameterizedObject } from 'xstate';
import type { SessionEvent } from './events.js';
import type { AudioSource, CallPlan, Emitted, LegName } from './types.js';

/**
 * What the session machine knows, shared by its regions (machines/employee-call.ts): the plan it was
 * given, and for each leg where its line is and what it hears.
 */
export interface SessionInput {
  plan: CallPlan;
  /** The simulation clock's reading, for the durations of the outcome. */
  now: () => number;
}

export interface LineState {
  /** Which of the leg's numbers is dialled (R14, D7). */
  index: number;
  /** Increases with every number dialled; the world's events name the attempt they belong to. */
  attempt: number;
}

export interface SessionContext extends SessionInput {
  lines: Record<LegName, LineState>;
  /** What each leg hears now; null when silent. */
  hearing: Record<LegName, AudioSource | null>;
  /** Whether each side has heard its own message to the end, or has none (R7–R9). */
  messageDone: Record<LegName, boolean>;
  talkStartedAt: number | null;
}

export function initialContext(input: SessionInput): SessionContext {
  return {
    ...input,
    lines: { employee: { index: 0, attempt: 0 }, contact: { index: 0, attempt: 0 } },
    hearing: { employee: null, contact: null },
    messageDone: { employee: false, contact: false },
    talkStartedAt: null,
  };
}

/** Parameters of the implementations that concern one leg. */
export type LegParams = { leg: LegName };

export const other = (leg: LegName): LegName => (leg === 'employee' ? 'contact' : 'employee');

/** The event as the implementation knows it to be: only that event's transitions call it. */
export function eventOf<T extends SessionEvent['type']>(event: SessionEvent, _type: T): Extract<SessionEvent, { type: T }> {
  return event as Extract<SessionEvent, { type: T }>;
}

/**
 * An action of the session machine, declared in a region's own file: `enqueueActions` with the
 * session's types filled in, so that the regions' implementations can live apart from the one `setup`.
 */
export function sessionAction<P extends ParameterizedObject['params'] | undefined = undefined>(
  collect: Parameters<typeof enqueueActions<SessionContext, SessionEvent, P, SessionEvent, never, never, never, never, Emitted>>[0],
) {
  return enqueueActions<SessionContext, SessionEvent, P, SessionEvent, never, never, never, never, Emitted>(collect);
}

/** What a session action's helper is given to emit, assign and raise through (machines/hearing.ts, flow.ts). */
export type Enqueue = Parameters<Parameters<typeof sessionAction>[0]>[0]['enqueue'];

/** An action of the session machine that only raises one event (cheaper than `sessionAction`). */
export function sessionRaise<P extends ParameterizedObject['params'] | undefined = undefined>(
  expr: (args: { context: SessionContext; event: SessionEvent }, params: P) => SessionEvent,
) {
  return raise<SessionContext, SessionEvent, SessionEvent, P>(expr);
}

/** An action of the session machine that only emits one event (cheaper than `sessionAction`). */
export function sessionEmit<P extends ParameterizedObject['params'] | undefined = undefined>(
  expr: (args: { context: SessionContext; event: SessionEvent }, params: P) => Emitted,
) {
  return emit<SessionContext, SessionEvent, P, SessionEvent, Emitted>(expr);
}

/** A guard of the session machine, declared in a region's own file. */
export type SessionGuard<P = undefined> = (args: { context: SessionContext; event: SessionEvent }, params: P) => boolean;
