import { and, not, stateIn } from 'xstate';
import type { SessionEvent } from './events.js';
import { hear } from './hearing.js';
import { eventOf, other, sessionAction, sessionEmit, sessionRaise, type Enqueue, type LegParams, type SessionContext, type SessionGuard } from './session-context.js';
import type { FailReason, FinishReason, LegName } from './types.js';

/**
 * The session's flow, a region of the session machine: the rules of the seed page in one chart. It
 * dials the lines (DIAL), decides what each leg hears (machines/hearing.ts), reacts to the world's
 * answers and hang-ups and to a line's failure, and ends the session for every region at once (END).
 *
 * - `employeeFirst` (R1–R4): dial the employee → the employee hears their message to the end → dial the
 *   contact while the employee hears hold music (or, with early_switching, the contact's line) → the
 *   contact answers: switch in force → talk; else the contact hears their message to the end → talk.
 * - `contactFirst` (R5–R8): dial the contact → the contact hears their message and the employee is
 *   dialled → the employee answers: switch in force → the contact's message is cut, talk (D10: no
 *   employee message); else each side hears its own message to the end, whoever ends first hears hold
 *   music (R8), and the talk starts when both have finished.
 * - "switch in force" = switch_at_once and no TTS contact message (R10, D4). A side with no message of
 *   its own has finished at once and waits on hold music (R9).
 * - Anywhere: a hang-up, a failed leg (D8), release.call or the 4-hour cut (D12) ends the session.
 */

const FAILURE_FINISH: Record<LegName, Record<FailReason, FinishReason>> = {
  contact: {
    busy: 'subscriber_busy',
    no_answer: 'subscriber_not_responsible',
    unavailable: 'no_success_subscriber_call',
    rejected: 'no_success_subscriber_call',
  },
  employee: {
    busy: 'operator_busy',
    no_answer: 'operator_not_responsible',
    unavailable: 'no_success_operator_call',
    rejected: 'no_success_operator_call',
  },
};

/** R8: whoever's message ends first (or has none, R9) waits on hold music until the talk starts. */
function ownMessageOver(context: SessionContext, enqueue: Enqueue, leg: LegName): void {
  enqueue.assign({ messageDone: { ...context.messageDone, [leg]: true } });
  if (!context.messageDone[other(leg)]) enqueue.raise({ type: 'WAIT', leg }, { delay: 0 });
}

export const flowActions = {
  announceSession: sessionEmit(({ context: { plan } }) => ({
    type: 'session.started',
    call_session_id: plan.callSessionId,
    external_id: plan.externalId,
    first_call: plan.firstCall,
    direction: plan.direction,
    virtual_phone_number: plan.virtualNumber,
    contact_name: plan.contactName,
  })),
  dial: sessionRaise<LegParams>((_, { leg }) => ({ type: 'DIAL', leg })),
  /**
   * R3: while the contact is dialled the employee hears hold music, or the contact's line with
   * early_switching — from just after the contact's dialling, on the timeline.
   */
  employeeWaitsForContact: sessionAction(({ context, enqueue }) =>
    enqueue.raise({ type: 'HEAR', leg: 'employee', sound: context.plan.earlySwitching ? { line: 'silence' } : 'holdMusic' }),
  ),
  hearAsTold: sessionAction(({ context, event, enqueue }) => {
    const { leg, sound } = eventOf(event, 'HEAR');
    hear(context, enqueue, leg, sound);
  }),
  /** R3: with early_switching the employee hears whatever the contact's line carries now. */
  followContactLine: sessionAction(({ context, event, enqueue }) => {
    if (context.plan.earlySwitching) hear(context, enqueue, 'employee', { line: eventOf(event, 'EARLY_MEDIA').kind });
  }),
  /** D9: with early_switching and no switch in force, the answered contact's line carries their message. */
  lineCarriesContactMessage: sessionAction(({ context, enqueue }) => {
    if (context.plan.earlySwitching) hear(context, enqueue, 'employee', { line: 'message' });
  }),
  /** R2, R4: a leg hears its message, if it has one. */
  playMessage: sessionAction<LegParams>(({ context, enqueue }, { leg }) => {
    if (context.plan.messages[leg]) hear(context, enqueue, leg, 'message');
  }),
  /** R7–R9: a side hears its own message; with none it has finished at once and waits on hold music. */
  beginOwnMessage: sessionAction<LegParams>(({ context, enqueue }, { leg }) => {
    if (context.plan.messages[leg]) {
      hear(context, enqueue, leg, 'message');
      return;
    }
    ownMessageOver(context, enqueue, leg);
  }),
  finishOwnMessage: sessionAction(({ context, event, enqueue }) => ownMessageOver(context, enqueue, eventOf(event, 'MESSAGE.END').leg)),
  waitOnHoldMusic: sessionAction(({ context, event, enqueue }) => hear(context, enqueue, eventOf(event, 'WAIT').leg, 'holdMusic')),
  /** R15, D6: DTMF bursts from the contact's answer, each `.` a second later. */
  scheduleDtmf: sessionAction(({ context, enqueue }) =>
    context.plan.dtmf.forEach(({ offset_ms }, burst) =>
      enqueue.raise({ type: 'DTMF.DUE', burst }, { delay: offset_ms, id: `dtmf.${burst}` }),
    ),
  ),
  sendDtmf: sessionAction(({ context, event, enqueue }) => {
    for (const digit of context.plan.dtmf[eventOf(event, 'DTMF.DUE').burst]!.digits)
      enqueue.emit({ type: 'dtmf.sent', leg: 'contact', digit });
  }),
  /**
   * The bridge is made a moment of zero length later, once whatever triggered it (a message that ended,
   * an answer) has settled: so the talk starts in the same order whatever triggered it.
   */
  bridgeSoon: sessionAction(({ enqueue }) => enqueue.raise({ type: 'BRIDGE' }, { delay: 0 })),
  endSession: sessionRaise<{ reason: FinishReason }>((_, { reason }) => ({ type: 'END', reason })),
  /** D11, D12: told last, once every sound has stopped and every live line is released. */
  announceEnd: sessionEmit(({ context, event }) => {
    const now = context.now();
    return {
      type: 'session.ended',
      finish_reason: eventOf(event, 'END').reason,
      is_lost: context.talkStartedAt === null,
      talk_duration_ms: context.talkStartedAt === null ? 0 : now - context.talkStartedAt,
      total_duration_ms: now,
    };
  }),
};

export const flowGuards = {
  firstCallEmployee: (({ context }) => context.plan.firstCall === 'employee') satisfies SessionGuard,
  switchInForce: (({ context }) => context.plan.switchInForce) satisfies SessionGuard,
  hasMessage: (({ context }, { leg }) => context.plan.messages[leg] !== null) satisfies SessionGuard<LegParams>,
  otherSideDone: (({ context, event }) => 'leg' in event && context.messageDone[other(event.leg)]) satisfies SessionGuard,
  bothSidesDone: (({ context }) => context.messageDone.employee && context.messageDone.contact) satisfies SessionGuard,
};

export const flowDelays = {
  sessionLimit: ({ context }: { context: SessionContext }) => context.plan.sessionLimitMs,
};

const EMPLOYEE = { leg: 'employee' } as const;
const CONTACT = { leg: 'contact' } as const;
const from = (params: LegParams) => ({ type: 'isFor', params }) as const;
/** The world's event is about the number this leg is dialling now (the line takes it in the same step). */
const answerOf = (params: LegParams) => ({ type: 'isCurrentAttempt', params }) as const;
const failureFinish = ({ event }: { event: SessionEvent }) => {
  const failed = eventOf(event, 'LEG.FAILED');
  return { reason: FAILURE_FINISH[failed.leg][failed.reason] };
};
/** D8, D11: a connected party that hangs up ends the session (the line takes the hang-up in the same step). */
const hangUpBy = (leg: LegName, reason: FinishReason) =>
  ({
    guard: and([answerOf({ leg }), stateIn(`#employeeCall.${leg}Leg.answered`)]),
    actions: { type: 'endSession', params: { reason } },
  }) as const;

export const flowRegion = {
  initial: 'starting',
  on: {
    HANGUP: [hangUpBy('contact', 'subscriber_disconnects'), hangUpBy('employee', 'operator_disconnects')],
    'LEG.FAILED': { actions: { type: 'endSession', params: failureFinish } },
    RELEASE: { actions: { type: 'endSession', params: { reason: 'success_finish' } } },
    END: { target: '.ended', actions: 'silenceAll' },
    HEAR: { actions: 'hearAsTold' },
    'DTMF.DUE': { actions: 'sendDtmf' },
  },
  after: {
    sessionLimit: { actions: { type: 'endSession', params: { reason: 'timeout' } } },
  },
  states: {
    starting: {
      entry: 'announceSession',
      always: [{ guard: 'firstCallEmployee', target: 'employeeFirst' }, { target: 'contactFirst' }],
    },
    employeeFirst: {
      initial: 'dialingEmployee',
      states: {
        dialingEmployee: {
          entry: { type: 'dial', params: EMPLOYEE },
          on: { ANSWER: { guard: answerOf(EMPLOYEE), target: 'employeeMessage' } },
        },
        employeeMessage: {
          entry: { type: 'playMessage', params: EMPLOYEE },
          always: { guard: not({ type: 'hasMessage', params: EMPLOYEE }), target: 'dialingContact' },
          on: { 'MESSAGE.END': { guard: from(EMPLOYEE), target: 'dialingContact', actions: 'finishMessage' } },
        },
        dialingContact: {
          entry: [{ type: 'dial', params: CONTACT }, 'employeeWaitsForContact'],
          on: {
            EARLY_MEDIA: { guard: answerOf(CONTACT), actions: 'followContactLine' },
            ANSWER: [
              {
                guard: and([answerOf(CONTACT), { type: 'hasMessage', params: CONTACT }, not('switchInForce')]),
                target: 'contactMessage',
                actions: 'scheduleDtmf',
              },
              { guard: answerOf(CONTACT), target: '#employeeCall.flow.talk', actions: 'scheduleDtmf' },
            ],
          },
        },
        contactMessage: {
          entry: [{ type: 'playMessage', params: CONTACT }, 'lineCarriesContactMessage'],
          on: { 'MESSAGE.END': { guard: from(CONTACT), target: '#employeeCall.flow.talk', actions: 'finishMessage' } },
        },
      },
    },
    contactFirst: {
      initial: 'dialingContact',
      on: { WAIT: { actions: 'waitOnHoldMusic' } },
      states: {
        dialingContact: {
          entry: { type: 'dial', params: CONTACT },
          on: { ANSWER: { guard: answerOf(CONTACT), target: 'contactMessage', actions: 'scheduleDtmf' } },
        },
        /** R6: the contact hears their message and, at the same moment, the employee is dialled. */
        contactMessage: {
          entry: [{ type: 'beginOwnMessage', params: CONTACT }, { type: 'dial', params: EMPLOYEE }],
          on: {
            'MESSAGE.END': { actions: ['finishMessage', 'finishOwnMessage'] },
            ANSWER: [
              { guard: and([answerOf(EMPLOYEE), 'switchInForce']), target: '#employeeCall.flow.talk' },
              { guard: answerOf(EMPLOYEE), target: 'bothMessages' },
            ],
          },
        },
        /** R7: without switch in force, each side hears its own message to the end. */
        bothMessages: {
          entry: { type: 'beginOwnMessage', params: EMPLOYEE },
          always: { guard: 'bothSidesDone', target: '#employeeCall.flow.talk' },
          on: {
            'MESSAGE.END': [
              { guard: 'otherSideDone', target: '#employeeCall.flow.talk', actions: 'finishMessage' },
              { actions: ['finishMessage', 'finishOwnMessage'] },
            ],
          },
        },
      },
    },
    talk: {
      initial: 'connecting',
      states: {
        connecting: { entry: 'bridgeSoon', on: { BRIDGE: { target: 'connected', actions: ['bridge', 'scheduleDefaultHangup'] } } },
        connected: {},
      },
    },
    ended: { type: 'final', entry: 'announceEnd' },
  },
} as const;
