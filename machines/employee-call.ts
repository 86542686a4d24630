import { and, enqueueActions, not, setup } from 'xstate';
import type { CallPlan } from '../src/sim/plan.js';
import type { FailReason, FinishReason, LegName, Outcome } from '../src/sim/types.js';
import { legMachine, type LegReport } from './leg.js';
import { networkMachine, type NetworkEvent } from './network.js';
import { playbackMachine, type PlaybackEvent, type PlaybackReport } from './playback.js';

/**
 * One `start.employee_call` session: the rules of the seed page in one chart.
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
export interface SessionInput {
  plan: CallPlan;
  /** The simulation clock's reading, for the durations of the outcome. */
  now: () => number;
}

export interface SessionContext extends SessionInput {
  talkStartedAt: number | null;
  /** Whether each side has heard its own message to the end (or has none). */
  messageDone: Record<LegName, boolean>;
}

export type SessionEvent =
  | LegReport
  | PlaybackReport
  | { type: 'RELEASE' }
  | { type: 'DTMF.DUE'; digits: string }
  /**
   * A side that has finished waits on hold music from the next moment the talk has not started by —
   * so when both messages end at the same instant, nobody hears a zero-length burst of music (R8).
   */
  | { type: 'WAIT'; leg: LegName };

export type SessionEmitted =
  | {
      type: 'session.started';
      call_session_id: number;
      external_id: string | null;
      first_call: CallPlan['firstCall'];
      direction: CallPlan['direction'];
      virtual_phone_number: string;
      contact_name: string | null;
    }
  | { type: 'dtmf.sent'; leg: 'contact'; digit: string }
  | { type: 'talk.started' }
  | ({ type: 'session.ended' } & Outcome);

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

const other = (leg: LegName): LegName => (leg === 'employee' ? 'contact' : 'employee');
const playbackOf = (leg: LegName) => `${leg}Playback` as const;
const toPlayback = (event: PlaybackEvent) => event;
const toNetwork = (event: NetworkEvent) => event;
type LegParams = { leg: LegName };
const EMPLOYEE = { leg: 'employee' } as const satisfies LegParams;
const CONTACT = { leg: 'contact' } as const satisfies LegParams;

export const employeeCallMachine = setup({
  types: {
    input: {} as SessionInput,
    context: {} as SessionContext,
    events: {} as SessionEvent,
    emitted: {} as SessionEmitted,
  },
  actors: { leg: legMachine, playback: playbackMachine, network: networkMachine },
  delays: {
    sessionLimit: ({ context }) => context.plan.sessionLimitMs,
  },
  guards: {
    firstCallEmployee: ({ context }) => context.plan.firstCall === 'employee',
    switchInForce: ({ context }) => context.plan.switchInForce,
    hasMessage: ({ context }, { leg }: LegParams) => context.plan.messages[leg] !== null,
    isFrom: ({ event }, { leg }: LegParams) => 'leg' in event && event.leg === leg,
    otherSideDone: ({ context, event }) => 'leg' in event && context.messageDone[other(event.leg)],
    bothSidesDone: ({ context }) => context.messageDone.employee && context.messageDone.contact,
  },
  actions: {
    announceSession: enqueueActions(({ context: { plan }, enqueue }) =>
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
    dial: enqueueActions(({ enqueue }, { leg }: LegParams) => enqueue.sendTo(`${leg}Leg`, { type: 'DIAL' })),
    playMessage: enqueueActions(({ context, enqueue }, { leg }: LegParams) => {
      const message = context.plan.messages[leg];
      if (message) enqueue.sendTo(playbackOf(leg), toPlayback({ type: 'PLAY_MESSAGE', message }));
    }),
    /** R3: while the contact is dialled the employee hears hold music, or the contact's line with early_switching. */
    employeeWaitsForContact: enqueueActions(({ context, enqueue }) =>
      enqueue.sendTo('employeePlayback', toPlayback({ type: context.plan.earlySwitching ? 'CONTACT_LINE' : 'HOLD' })),
    ),
    /** R7–R9: a side hears its own message; with none it has finished at once and waits on hold music. */
    beginOwnMessage: enqueueActions(({ context, enqueue }, { leg }: LegParams) => {
      const message = context.plan.messages[leg];
      if (message) {
        enqueue.sendTo(playbackOf(leg), toPlayback({ type: 'PLAY_MESSAGE', message }));
        return;
      }
      enqueue.assign({ messageDone: { ...context.messageDone, [leg]: true } });
      if (!context.messageDone[other(leg)]) enqueue.raise({ type: 'WAIT', leg }, { delay: 0 });
    }),
    /** R8: whoever's message ends first hears hold music until the talk starts. */
    finishOwnMessage: enqueueActions(({ context, event, enqueue }) => {
      const { leg } = event as PlaybackReport;
      enqueue.assign({ messageDone: { ...context.messageDone, [leg]: true } });
      if (!context.messageDone[other(leg)]) enqueue.raise({ type: 'WAIT', leg }, { delay: 0 });
    }),
    waitOnHoldMusic: enqueueActions(({ event, enqueue }) =>
      enqueue.sendTo(playbackOf((event as Extract<SessionEvent, { type: 'WAIT' }>).leg), toPlayback({ type: 'HOLD' })),
    ),
    /** R15, D6: DTMF bursts from the contact's answer, each `.` a second later. */
    scheduleDtmf: enqueueActions(({ context, enqueue }) => {
      context.plan.dtmf.forEach(({ offset_ms, digits }, i) =>
        enqueue.raise({ type: 'DTMF.DUE', digits }, { delay: offset_ms, id: `dtmf.${i}` }),
      );
    }),
    sendDtmf: enqueueActions(({ event, enqueue }) => {
      for (const digit of (event as Extract<SessionEvent, { type: 'DTMF.DUE' }>).digits)
        enqueue.emit({ type: 'dtmf.sent', leg: 'contact', digit });
    }),
    startTalk: enqueueActions(({ context, enqueue }) => {
      enqueue.sendTo('employeePlayback', toPlayback({ type: 'STOP', reason: 'interrupted' }));
      enqueue.sendTo('contactPlayback', toPlayback({ type: 'STOP', reason: 'interrupted' }));
      enqueue.emit({ type: 'talk.started' });
      enqueue.sendTo('employeePlayback', toPlayback({ type: 'TALK' }));
      enqueue.sendTo('contactPlayback', toPlayback({ type: 'TALK' }));
      enqueue.sendTo('network', toNetwork({ type: 'TALK.STARTED' }));
      enqueue.assign({ talkStartedAt: context.now() });
    }),
    /** D8, D11, D12: every sound stops, every live leg is released, the outcome is told. */
    endSession: enqueueActions(({ context, enqueue }, { reason }: { reason: FinishReason }) => {
      enqueue.sendTo('employeePlayback', toPlayback({ type: 'STOP', reason: 'released' }));
      enqueue.sendTo('contactPlayback', toPlayback({ type: 'STOP', reason: 'released' }));
      enqueue.sendTo('employeeLeg', { type: 'RELEASE' });
      enqueue.sendTo('contactLeg', { type: 'RELEASE' });
      const now = context.now();
      enqueue.emit({
        type: 'session.ended',
        finish_reason: reason,
        is_lost: context.talkStartedAt === null,
        talk_duration_ms: context.talkStartedAt === null ? 0 : now - context.talkStartedAt,
        total_duration_ms: now,
      });
    }),
  },
}).createMachine({
  id: 'employeeCall',
  context: ({ input }) => ({ ...input, talkStartedAt: null, messageDone: { employee: false, contact: false } }),
  invoke: [
    {
      id: 'network',
      systemId: 'network',
      src: 'network',
      input: ({ context: { plan } }) => ({ world: plan.world, dialTimeoutMs: plan.dialTimeoutMs }),
    },
    ...(['employee', 'contact'] as const).flatMap((leg) => [
      {
        id: `${leg}Leg`,
        systemId: `${leg}Leg`,
        src: 'leg' as const,
        input: ({ context: { plan } }: { context: SessionContext }) => ({
          leg,
          numbers: plan.numbers[leg],
          callerId: plan.callerIds[leg],
          dialTimeoutMs: plan.dialTimeoutMs,
        }),
      },
      {
        id: playbackOf(leg),
        systemId: playbackOf(leg),
        src: 'playback' as const,
        input: ({ context: { plan } }: { context: SessionContext }) => ({ leg, holdMusicId: plan.holdMusicId }),
      },
    ]),
  ],
  on: {
    'LEG.HUNG_UP': {
      target: '.ended',
      actions: {
        type: 'endSession',
        params: ({ event }) => ({ reason: event.leg === 'contact' ? 'subscriber_disconnects' : 'operator_disconnects' }),
      },
    },
    'LEG.FAILED': {
      target: '.ended',
      actions: { type: 'endSession', params: ({ event }) => ({ reason: FAILURE_FINISH[event.leg][event.reason] }) },
    },
    RELEASE: { target: '.ended', actions: { type: 'endSession', params: { reason: 'success_finish' } } },
    'DTMF.DUE': { actions: 'sendDtmf' },
  },
  after: {
    sessionLimit: { target: '.ended', actions: { type: 'endSession', params: { reason: 'timeout' } } },
  },
  initial: 'starting',
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
          on: { 'LEG.ANSWERED': { guard: { type: 'isFrom', params: EMPLOYEE }, target: 'employeeMessage' } },
        },
        employeeMessage: {
          entry: { type: 'playMessage', params: EMPLOYEE },
          always: { guard: not({ type: 'hasMessage', params: EMPLOYEE }), target: 'dialingContact' },
          on: {
            'PLAYBACK.MESSAGE_DONE': { guard: { type: 'isFrom', params: EMPLOYEE }, target: 'dialingContact' },
          },
        },
        dialingContact: {
          entry: [{ type: 'dial', params: CONTACT }, 'employeeWaitsForContact'],
          on: {
            'LEG.ANSWERED': [
              {
                guard: and([
                  { type: 'isFrom', params: CONTACT },
                  { type: 'hasMessage', params: CONTACT },
                  not('switchInForce'),
                ]),
                target: 'contactMessage',
                actions: 'scheduleDtmf',
              },
              { guard: { type: 'isFrom', params: CONTACT }, target: '#employeeCall.talk', actions: 'scheduleDtmf' },
            ],
          },
        },
        contactMessage: {
          entry: { type: 'playMessage', params: CONTACT },
          on: {
            'PLAYBACK.MESSAGE_DONE': { guard: { type: 'isFrom', params: CONTACT }, target: '#employeeCall.talk' },
          },
        },
      },
    },
    contactFirst: {
      initial: 'dialingContact',
      on: { WAIT: { actions: 'waitOnHoldMusic' } },
      states: {
        dialingContact: {
          entry: { type: 'dial', params: CONTACT },
          on: {
            'LEG.ANSWERED': { guard: { type: 'isFrom', params: CONTACT }, target: 'contactMessage', actions: 'scheduleDtmf' },
          },
        },
        /** R6: the contact hears their message and, at the same moment, the employee is dialled. */
        contactMessage: {
          entry: [{ type: 'beginOwnMessage', params: CONTACT }, { type: 'dial', params: EMPLOYEE }],
          on: {
            'PLAYBACK.MESSAGE_DONE': { actions: 'finishOwnMessage' },
            'LEG.ANSWERED': [
              { guard: and([{ type: 'isFrom', params: EMPLOYEE }, 'switchInForce']), target: '#employeeCall.talk' },
              { guard: { type: 'isFrom', params: EMPLOYEE }, target: 'bothMessages' },
            ],
          },
        },
        /** R7: without switch in force, each side hears its own message to the end. */
        bothMessages: {
          entry: { type: 'beginOwnMessage', params: EMPLOYEE },
          always: { guard: 'bothSidesDone', target: '#employeeCall.talk' },
          on: {
            'PLAYBACK.MESSAGE_DONE': [
              { guard: 'otherSideDone', target: '#employeeCall.talk' },
              { actions: 'finishOwnMessage' },
            ],
          },
        },
      },
    },
    talk: {
      initial: 'connecting',
      states: {
        // The bridge is made a moment of zero length later, once whatever triggered it (a message that
        // ended, an answer) has settled: so the talk starts in the same order whatever triggered it.
        connecting: { after: { 0: 'connected' } },
        connected: { entry: 'startTalk' },
      },
    },
    ended: { type: 'final' },
  },
});
