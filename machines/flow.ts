import { and, not } from 'xstate';
import type { PlaybackCommand, SessionEvent } from './events.js';
import { eventOf, other, sessionAction, type LegParams, type SessionContext, type SessionGuard } from './session-context.js';
import type { FailReason, FinishReason, LegName } from './types.js';

/**
 * The session's flow, a region of the session machine: the rules of the seed page in one chart. It
 * commands the lines (DIAL) and what each leg hears (PLAY_MESSAGE, HOLD, CONTACT_LINE), reacts to what
 * they report, and tells every region when the talk starts (BRIDGE) and when the session ends (END).
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

const toPlayback = (command: PlaybackCommand) => command;

export const flowActions = {
  announceSession: sessionAction(({ context: { plan }, enqueue }) =>
    enqueue.emit({
      type: 'session.started',
      call_session_id: plan.callSessionId,
      external_id: plan.externalId,
      first_call: plan.firstCall,
      direction: plan.direction,
      virtual_phone_number: plan.virtualNumber,
      contact_name: plan.contactName,
    }),
  ),
  dial: sessionAction<LegParams>(({ enqueue }, { leg }) => enqueue.raise({ type: 'DIAL', leg })),
  playMessage: sessionAction<LegParams>(({ context, enqueue }, { leg }) => {
    const message = context.plan.messages[leg];
    if (message) enqueue.raise(toPlayback({ type: 'PLAY_MESSAGE', leg, message }));
  }),
  /** R3: while the contact is dialled the employee hears hold music, or the contact's line with early_switching. */
  employeeWaitsForContact: sessionAction(({ context, enqueue }) =>
    enqueue.raise(
      context.plan.earlySwitching
        ? toPlayback({ type: 'CONTACT_LINE', leg: 'employee', plays: 'silence' })
        : toPlayback({ type: 'HOLD', leg: 'employee' }),
    ),
  ),
  /** R3: with early_switching the employee hears whatever the contact's line carries now. */
  followContactLine: sessionAction(({ context, event, enqueue }) => {
    if (context.plan.earlySwitching)
      enqueue.raise(toPlayback({ type: 'CONTACT_LINE', leg: 'employee', plays: eventOf(event, 'EARLY_MEDIA').kind }));
  }),
  /** D9: with early_switching and no switch in force, the answered contact's line carries their message. */
  lineCarriesContactMessage: sessionAction(({ context, enqueue }) => {
    if (context.plan.earlySwitching) enqueue.raise(toPlayback({ type: 'CONTACT_LINE', leg: 'employee', plays: 'message' }));
  }),
  /** R7–R9: a side hears its own message; with none it has finished at once and waits on hold music. */
  beginOwnMessage: sessionAction<LegParams>(({ context, enqueue }, { leg }) => {
    const message = context.plan.messages[leg];
    if (message) {
      enqueue.raise(toPlayback({ type: 'PLAY_MESSAGE', leg, message }));
      return;
    }
    enqueue.assign({ messageDone: { ...context.messageDone, [leg]: true } });
    if (!context.messageDone[other(leg)]) enqueue.raise({ type: 'WAIT', leg }, { delay: 0 });
  }),
  /** R8: whoever's message ends first hears hold music until the talk starts. */
  finishOwnMessage: sessionAction(({ context, event, enqueue }) => {
    const { leg } = eventOf(event, 'PLAYBACK.MESSAGE_DONE');
    enqueue.assign({ messageDone: { ...context.messageDone, [leg]: true } });
    if (!context.messageDone[other(leg)]) enqueue.raise({ type: 'WAIT', leg }, { delay: 0 });
  }),
  waitOnHoldMusic: sessionAction(({ event, enqueue }) => enqueue.raise(toPlayback({ type: 'HOLD', leg: eventOf(event, 'WAIT').leg }))),
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
  /** Told after the old sounds stopped and before both sides hear the talk (the BRIDGE step's order). */
  startTalk: sessionAction(({ context, enqueue }) => {
    enqueue.emit({ type: 'talk.started' });
    enqueue.assign({ talkStartedAt: context.now() });
  }),
  endSession: sessionAction<{ reason: FinishReason }>(({ enqueue }, { reason }) => enqueue.raise({ type: 'END', reason })),
  /** D11, D12: told last, once every sound has stopped and every live line is released. */
  announceEnd: sessionAction(({ context, event, enqueue }) => {
    const now = context.now();
    enqueue.emit({
      type: 'session.ended',
      finish_reason: eventOf(event, 'END').reason,
      is_lost: context.talkStartedAt === null,
      talk_duration_ms: context.talkStartedAt === null ? 0 : now - context.talkStartedAt,
      total_duration_ms: now,
    });
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
const finishReasonOf = ({ event }: { event: SessionEvent }) => {
  if (event.type === 'LEG.HUNG_UP') return { reason: event.leg === 'contact' ? 'subscriber_disconnects' : 'operator_disconnects' } as const;
  const failed = eventOf(event, 'LEG.FAILED');
  return { reason: FAILURE_FINISH[failed.leg][failed.reason] };
};

export const flowRegion = {
  initial: 'starting',
  on: {
    'LEG.HUNG_UP': { actions: { type: 'endSession', params: finishReasonOf } },
    'LEG.FAILED': { actions: { type: 'endSession', params: finishReasonOf } },
    RELEASE: { actions: { type: 'endSession', params: { reason: 'success_finish' } } },
    END: { target: '.ended' },
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
          on: { 'PLAYBACK.MESSAGE_DONE': { guard: from(EMPLOYEE), target: 'dialingContact' } },
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
          on: { 'PLAYBACK.MESSAGE_DONE': { guard: from(CONTACT), target: '#employeeCall.flow.talk' } },
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
            'PLAYBACK.MESSAGE_DONE': { actions: 'finishOwnMessage' },
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
            'PLAYBACK.MESSAGE_DONE': [{ guard: 'otherSideDone', target: '#employeeCall.flow.talk' }, { actions: 'finishOwnMessage' }],
          },
        },
      },
    },
    talk: {
      initial: 'connecting',
      states: {
        connecting: { entry: 'bridgeSoon', on: { BRIDGE: { target: 'connected', actions: ['startTalk', 'scheduleDefaultHangup'] } } },
        connected: {},
      },
    },
    ended: { type: 'final', entry: 'announceEnd' },
  },
} as const;
