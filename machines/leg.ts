import { and, emit, enqueueActions, sendParent, setup, type AnyActorRef } from 'xstate';
import type { EarlyMediaKind, FailReason, LegName } from '../src/sim/types.js';

/**
 * One call leg: dials its numbers one after another (R14, D7), each with its own dial timeout (D3),
 * until one answers; then waits for that party to hang up or for the session to release the leg.
 *
 * The network (machines/network.ts) answers for the people: ANSWER / FAIL / EARLY_MEDIA / HANGUP, each
 * stamped with the dial attempt it belongs to, so that a late event for an earlier number is ignored.
 */
export interface LegInput {
  leg: LegName;
  numbers: string[];
  callerId: string;
  dialTimeoutMs: number;
}

export interface LegContext extends LegInput {
  index: number;
  /** Increases with every number dialled. */
  attempt: number;
}

export type LegEvent =
  | { type: 'DIAL' }
  | { type: 'RELEASE' }
  | { type: 'ANSWER'; attempt: number }
  | { type: 'FAIL'; attempt: number; reason: FailReason }
  | { type: 'EARLY_MEDIA'; attempt: number; kind: EarlyMediaKind }
  | { type: 'HANGUP'; attempt: number };

/** What the leg tells the session. */
export type LegReport =
  | { type: 'LEG.ANSWERED'; leg: LegName; number: string }
  | { type: 'LEG.FAILED'; leg: LegName; number: string; reason: FailReason }
  | { type: 'LEG.HUNG_UP'; leg: LegName };

export type LegEmitted =
  | { type: 'leg.dialing'; leg: LegName; number: string; caller_id: string }
  | { type: 'leg.early_media'; leg: 'contact'; kind: EarlyMediaKind }
  | { type: 'leg.answered'; leg: LegName; number: string }
  | { type: 'leg.failed'; leg: LegName; number: string; reason: FailReason }
  | { type: 'leg.hung_up'; leg: LegName }
  | { type: 'leg.released'; leg: LegName };

/** What a leg tells the network about its line. */
export type LineEvent =
  | { type: 'LINE.DIAL'; leg: LegName; number: string; attempt: number }
  | { type: 'LINE.CLOSED'; leg: LegName };

const number = (context: LegContext) => context.numbers[context.index] ?? '';
const network = ({ system }: { system: { get(id: string): AnyActorRef | undefined } }) => system.get('network')!;
const line = (event: LineEvent) => event;

export const legMachine = setup({
  types: {
    input: {} as LegInput,
    context: {} as LegContext,
    events: {} as LegEvent,
    emitted: {} as LegEmitted,
  },
  delays: {
    dialTimeout: ({ context }) => context.dialTimeoutMs,
  },
  guards: {
    isCurrentAttempt: ({ context, event }) => 'attempt' in event && event.attempt === context.attempt,
    hasNextNumber: ({ context }) => context.index + 1 < context.numbers.length,
    isContactLeg: ({ context }) => context.leg === 'contact',
  },
  actions: {
    dialCurrentNumber: enqueueActions(({ context, enqueue }) => {
      const attempt = context.attempt + 1;
      enqueue.assign({ attempt });
      enqueue.emit({ type: 'leg.dialing', leg: context.leg, number: number(context), caller_id: context.callerId });
      enqueue.sendTo(network, line({ type: 'LINE.DIAL', leg: context.leg, number: number(context), attempt }));
    }),
    reportNumberFailed: enqueueActions(({ context, enqueue }, params: { reason: FailReason }) => {
      enqueue.emit({ type: 'leg.failed', leg: context.leg, number: number(context), reason: params.reason });
      enqueue.sendTo(network, line({ type: 'LINE.CLOSED', leg: context.leg }));
    }),
    moveToNextNumber: enqueueActions(({ context, enqueue }) => enqueue.assign({ index: context.index + 1 })),
    reportLegFailed: sendParent(({ context }, params: { reason: FailReason }) => ({
      type: 'LEG.FAILED',
      leg: context.leg,
      number: number(context),
      reason: params.reason,
    })),
    reportEarlyMedia: emit(({ event }) => ({
      type: 'leg.early_media' as const,
      leg: 'contact' as const,
      kind: (event as Extract<LegEvent, { type: 'EARLY_MEDIA' }>).kind,
    })),
    reportAnswered: enqueueActions(({ context, enqueue }) => {
      enqueue.emit({ type: 'leg.answered', leg: context.leg, number: number(context) });
      enqueue.sendParent({ type: 'LEG.ANSWERED', leg: context.leg, number: number(context) });
    }),
    reportHungUp: enqueueActions(({ context, enqueue }) => {
      enqueue.emit({ type: 'leg.hung_up', leg: context.leg });
      enqueue.sendTo(network, line({ type: 'LINE.CLOSED', leg: context.leg }));
      enqueue.sendParent({ type: 'LEG.HUNG_UP', leg: context.leg });
    }),
    reportReleased: enqueueActions(({ context, enqueue }) => {
      enqueue.emit({ type: 'leg.released', leg: context.leg });
      enqueue.sendTo(network, line({ type: 'LINE.CLOSED', leg: context.leg }));
    }),
  },
}).createMachine({
  id: 'leg',
  context: ({ input }) => ({ ...input, index: 0, attempt: 0 }),
  initial: 'idle',
  states: {
    idle: {
      on: { DIAL: 'dialing' },
    },
    dialing: {
      entry: 'dialCurrentNumber',
      after: {
        dialTimeout: [
          {
            guard: 'hasNextNumber',
            target: 'dialing',
            reenter: true,
            actions: [{ type: 'reportNumberFailed', params: { reason: 'no_answer' } }, 'moveToNextNumber'],
          },
          {
            target: 'failed',
            actions: [
              { type: 'reportNumberFailed', params: { reason: 'no_answer' } },
              { type: 'reportLegFailed', params: { reason: 'no_answer' } },
            ],
          },
        ],
      },
      on: {
        ANSWER: { guard: 'isCurrentAttempt', target: 'answered', actions: 'reportAnswered' },
        FAIL: [
          {
            guard: and(['isCurrentAttempt', 'hasNextNumber']),
            target: 'dialing',
            reenter: true,
            actions: [{ type: 'reportNumberFailed', params: ({ event }) => ({ reason: event.reason }) }, 'moveToNextNumber'],
          },
          {
            guard: 'isCurrentAttempt',
            target: 'failed',
            actions: [
              { type: 'reportNumberFailed', params: ({ event }) => ({ reason: event.reason }) },
              { type: 'reportLegFailed', params: ({ event }) => ({ reason: event.reason }) },
            ],
          },
        ],
        EARLY_MEDIA: { guard: and(['isCurrentAttempt', 'isContactLeg']), actions: 'reportEarlyMedia' },
        RELEASE: { target: 'released' },
      },
    },
    answered: {
      on: {
        HANGUP: { guard: 'isCurrentAttempt', target: 'hungUp', actions: 'reportHungUp' },
        RELEASE: { target: 'released' },
      },
    },
    // The ends are plain states, not final ones: the leg stays readable in snapshots to the session's end.
    failed: {},
    hungUp: {},
    released: { entry: 'reportReleased' },
  },
});

