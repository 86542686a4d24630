import { and } from 'xstate';
import type { SessionEvent } from './events.js';
import { eventOf, sessionAction, sessionEmit, sessionRaise, type LegParams, type SessionContext, type SessionGuard } from './session-context.js';
import type { FailReason, LegName } from './types.js';

/**
 * One leg's line, a region of the session machine: dials the leg's numbers one after another (R14, D7),
 * each with its own dial timeout (D3), until one answers; then waits for that party to hang up or for the
 * session's end (END) to release the line. Dialling a number plays that party's script from the world
 * (machines/world.ts); a failed number's script is cancelled. It tells the flow LEG.FAILED when its last
 * number failed (an answer, early media and a hang-up the flow follows itself, in the same step). The
 * world's events name the dial attempt they belong to, so that a late event for an earlier number is
 * ignored.
 */

const numberOf = (context: SessionContext, leg: LegName) => context.plan.numbers[leg][context.lines[leg].index] ?? '';

export const legActions = {
  dialCurrentNumber: sessionAction<LegParams>(({ context, enqueue }, { leg }) => {
    const line = context.lines[leg];
    const attempt = line.attempt + 1;
    const number = numberOf(context, leg);
    enqueue.assign({ lines: { ...context.lines, [leg]: { ...line, attempt } } });
    enqueue.emit({ type: 'leg.dialing', leg, number, caller_id: context.plan.callerIds[leg] });
  }),
  reportNumberFailed: sessionEmit<LegParams & { reason: FailReason }>(({ context }, { leg, reason }) => ({
    type: 'leg.failed',
    leg,
    number: numberOf(context, leg),
    reason,
  })),
  moveToNextNumber: sessionAction<LegParams>(({ context, enqueue }, { leg }) => {
    const line = context.lines[leg];
    enqueue.assign({ lines: { ...context.lines, [leg]: { ...line, index: line.index + 1 } } });
  }),
  reportLegFailed: sessionRaise<LegParams & { reason: FailReason }>((_, { leg, reason }) => ({ type: 'LEG.FAILED', leg, reason })),
  reportEarlyMedia: sessionEmit(({ event }) => ({ type: 'leg.early_media', leg: 'contact', kind: eventOf(event, 'EARLY_MEDIA').kind })),
  reportAnswered: sessionEmit<LegParams>(({ context }, { leg }) => ({ type: 'leg.answered', leg, number: numberOf(context, leg) })),
  reportHungUp: sessionEmit<LegParams>((_, { leg }) => ({ type: 'leg.hung_up', leg })),
  reportReleased: sessionEmit<LegParams>((_, { leg }) => ({ type: 'leg.released', leg })),
};

export const legGuards = {
  /** The world's event concerns the number this leg has dialled last. */
  isCurrentAttempt: (({ context, event }, { leg }) =>
    'attempt' in event && event.leg === leg && event.attempt > 0 && event.attempt === context.lines[leg].attempt) satisfies SessionGuard<LegParams>,
  hasNextNumber: (({ context }, { leg }) => context.lines[leg].index + 1 < context.plan.numbers[leg].length) satisfies SessionGuard<LegParams>,
};

export const legDelays = {
  dialTimeout: ({ context }: { context: SessionContext }) => context.plan.dialTimeoutMs,
};

/** The failure's reason from the world's FAIL event. */
const failure = (leg: LegName) => ({ event }: { event: SessionEvent }) => ({
  leg,
  reason: eventOf(event, 'FAIL').reason,
});

/**
 * The line region of `leg`. Only the employee has more than one number (R14, D7), so only the employee's
 * line moves on to a next number; only the contact's line carries early media (R3). The ends are plain
 * states, not final ones: the line stays readable to the end.
 */
export function legRegion<const L extends LegName>(leg: L) {
  const self = { leg } as const;
  const current = { type: 'isCurrentAttempt', params: self } as const;
  const next = { type: 'hasNextNumber', params: self } as const;
  const noAnswer = { leg, reason: 'no_answer' } as const;
  const giveUp = (params: typeof noAnswer | ReturnType<typeof failure>) =>
    [
      { type: 'reportNumberFailed', params },
      { type: 'cancelScript', params: self },
      { type: 'reportLegFailed', params },
    ] as const;
  const moveOn = (params: typeof noAnswer | ReturnType<typeof failure>) =>
    [
      { type: 'reportNumberFailed', params },
      { type: 'cancelScript', params: self },
      { type: 'moveToNextNumber', params: self },
    ] as const;
  const timedOut = { target: 'failed', actions: giveUp(noAnswer) } as const;
  const failed = { guard: current, target: 'failed', actions: giveUp(failure(leg)) } as const;
  const employeeOnly = {
    timedOut: [{ guard: next, target: 'dialing', reenter: true, actions: moveOn(noAnswer) }, timedOut],
    failed: [{ guard: and([current, next]), target: 'dialing', reenter: true, actions: moveOn(failure(leg)) }, failed],
  } as const;
  const contactOnly = { EARLY_MEDIA: { guard: current, actions: 'reportEarlyMedia' } } as const;
  return {
    initial: 'idle',
    states: {
      idle: {
        on: { DIAL: { guard: { type: 'isFor', params: self }, target: 'dialing' } },
      },
      dialing: {
        entry: [
          { type: 'dialCurrentNumber', params: self },
          { type: 'playScript', params: self },
        ],
        after: { dialTimeout: leg === 'employee' ? employeeOnly.timedOut : timedOut },
        on: {
          ANSWER: { guard: current, target: 'answered', actions: { type: 'reportAnswered', params: self } },
          FAIL: leg === 'employee' ? employeeOnly.failed : failed,
          ...(leg === 'contact' ? contactOnly : {}),
          END: { target: 'released' },
        },
      },
      answered: {
        on: {
          HANGUP: { guard: current, target: 'hungUp', actions: { type: 'reportHungUp', params: self } },
          END: { target: 'released' },
        },
      },
      failed: {},
      hungUp: {},
      released: { entry: { type: 'reportReleased', params: self } },
    },
  } as const;
}
