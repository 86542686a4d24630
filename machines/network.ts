import { enqueueActions, setup, type AnyActorRef } from 'xstate';
import type { LegBehaviour, World } from '../src/scenario/schema.js';
import type { LegName, WorldCommand } from '../src/sim/types.js';
import type { LegEvent, LineEvent } from './leg.js';

/**
 * The world: the telephone network and the people on it. When a leg dials a number, the network plays
 * that party's scripted behaviour (answer, failure, early media, hang-up) back to the leg at the right
 * moments; hand-driven commands (mock server, inspector) reach the leg at once. Swapping the world is
 * swapping this actor's input: a scenario's script, the mock server's defaults, a generated world.
 *
 * Event contract — in: LINE.DIAL / LINE.CLOSED (from legs), TALK.STARTED (from the session), COMMAND
 * (from outside); out: ANSWER / FAIL / EARLY_MEDIA / HANGUP to the leg actors `employeeLeg`, `contactLeg`.
 */
export const DEFAULTS = {
  /** D14 */
  answerAfterMs: 3_000,
  /** A failure without `after`. */
  failAfterMs: 1_000,
  /** D12 */
  talkMs: 60_000,
};

export interface NetworkInput {
  world: World;
  dialTimeoutMs: number;
}

export interface NetworkContext extends NetworkInput {
  /** The attempt each leg is on, for hand-driven commands. */
  attempts: Record<LegName, number>;
  /** The behaviour of the number each leg dialled last. */
  dialled: Record<LegName, LegBehaviour | null>;
  /** Ids of the events scheduled per leg, to cancel when its line closes. */
  scheduled: Record<LegName, string[]>;
}

export type NetworkEvent =
  | LineEvent
  | { type: 'TALK.STARTED' }
  | { type: 'COMMAND'; command: WorldCommand };

export function behaviourOf(world: World, leg: LegName, number: string): LegBehaviour {
  if (leg === 'contact') return world.contact;
  return world.employee.byNumber[number] ?? world.employee.shared;
}

const legActor = (leg: LegName) => ({ system }: { system: { get(id: string): AnyActorRef | undefined } }) =>
  system.get(`${leg}Leg`)!;
const toLeg = (event: LegEvent) => event;

/** The events one dialled party will cause, with their delays from the start of dialling. */
export function scriptFor(behaviour: LegBehaviour, attempt: number, dialTimeoutMs: number) {
  const script: { delay: number; event: LegEvent }[] = [];
  const beforeTimeout = (delay: number) => delay < dialTimeoutMs;
  const answerAt = behaviour.answer_after ?? DEFAULTS.answerAfterMs;
  const endOfRinging = behaviour.outcome === 'answer' && beforeTimeout(answerAt) ? answerAt : dialTimeoutMs;
  const failAt = behaviour.after ?? DEFAULTS.failAfterMs;
  for (const media of behaviour.early_media) {
    if (media.at < endOfRinging) script.push({ delay: media.at, event: { type: 'EARLY_MEDIA', attempt, kind: media.kind } });
  }
  if (behaviour.outcome === 'answer' && beforeTimeout(answerAt)) {
    script.push({ delay: answerAt, event: { type: 'ANSWER', attempt } });
    if (behaviour.hangup_after !== undefined)
      script.push({ delay: answerAt + behaviour.hangup_after, event: { type: 'HANGUP', attempt } });
  }
  const failure = behaviour.outcome;
  if ((failure === 'busy' || failure === 'unavailable' || failure === 'rejected') && beforeTimeout(failAt))
    script.push({ delay: failAt, event: { type: 'FAIL', attempt, reason: failure } });
  return script;
}

export const networkMachine = setup({
  types: {
    input: {} as NetworkInput,
    context: {} as NetworkContext,
    events: {} as NetworkEvent,
  },
  guards: {
    /** D12 applies only when no party that answered will hang up by itself. */
    nobodyWillHangUp: ({ context }) =>
      context.dialled.employee?.hangup_after === undefined && context.dialled.contact?.hangup_after === undefined,
  },
  actions: {
    playScript: enqueueActions(({ context, event, enqueue }) => {
      const { leg, number, attempt } = event as Extract<LineEvent, { type: 'LINE.DIAL' }>;
      const behaviour = behaviourOf(context.world, leg, number);
      const ids: string[] = [];
      scriptFor(behaviour, attempt, context.dialTimeoutMs).forEach(({ delay, event: legEvent }, i) => {
        const id = `${leg}#${attempt}.${i}`;
        ids.push(id);
        enqueue.sendTo(legActor(leg), legEvent, { delay, id });
      });
      enqueue.assign({
        attempts: { ...context.attempts, [leg]: attempt },
        dialled: { ...context.dialled, [leg]: behaviour },
        scheduled: { ...context.scheduled, [leg]: ids },
      });
    }),
    cancelScript: enqueueActions(({ context, event, enqueue }) => {
      const { leg } = event as Extract<LineEvent, { type: 'LINE.CLOSED' }>;
      for (const id of context.scheduled[leg]) enqueue.cancel(id);
      enqueue.assign({ scheduled: { ...context.scheduled, [leg]: [] } });
    }),
    scheduleDefaultHangup: enqueueActions(({ enqueue, context }) => {
      const id = 'contact.defaultHangup';
      enqueue.sendTo(legActor('contact'), toLeg({ type: 'HANGUP', attempt: context.attempts.contact }), {
        delay: DEFAULTS.talkMs,
        id,
      });
      enqueue.assign({ scheduled: { ...context.scheduled, contact: [...context.scheduled.contact, id] } });
    }),
    forwardCommand: enqueueActions(({ context, event, enqueue }) => {
      const { command } = event as Extract<NetworkEvent, { type: 'COMMAND' }>;
      const attempt = context.attempts[command.leg];
      const legEvent: LegEvent =
        command.type === 'answer'
          ? { type: 'ANSWER', attempt }
          : command.type === 'fail'
            ? { type: 'FAIL', attempt, reason: command.reason }
            : command.type === 'hangup'
              ? { type: 'HANGUP', attempt }
              : { type: 'EARLY_MEDIA', attempt, kind: command.kind };
      enqueue.sendTo(legActor(command.leg), legEvent);
    }),
  },
}).createMachine({
  id: 'network',
  context: ({ input }) => ({
    ...input,
    attempts: { employee: 0, contact: 0 },
    dialled: { employee: null, contact: null },
    scheduled: { employee: [], contact: [] },
  }),
  initial: 'connected',
  states: {
    connected: {
      on: {
        'LINE.DIAL': { actions: 'playScript' },
        'LINE.CLOSED': { actions: 'cancelScript' },
        'TALK.STARTED': { guard: 'nobodyWillHangUp', actions: 'scheduleDefaultHangup' },
        COMMAND: { actions: 'forwardCommand' },
      },
    },
  },
});
