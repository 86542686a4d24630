import { enqueueActions, setup } from 'xstate';
import type { NetworkEvent, WorldEvent } from './events.js';
import type { LegBehaviour, LegName, World } from './types.js';

/**
 * The world: the telephone network and the people on it, as an actor the session invokes. When a leg
 * dials a number, the network plays that party's scripted behaviour (answer, failure, early media,
 * hang-up) back to the session at the right moments; hand-driven commands (mock server, inspector) reach
 * the session at once. Swapping the world is swapping this actor's input: a scenario's script, the mock
 * server's defaults, a generated world.
 *
 * Event contract — in: LINE.DIAL / LINE.CLOSED / TALK.STARTED (from the session), COMMAND (from
 * outside); out, to the session: ANSWER / FAIL / EARLY_MEDIA / HANGUP, each naming the leg and the
 * dial attempt it belongs to.
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

/** The behaviour of the party a leg reaches at `number`. */
export function behaviourOf(world: World, leg: LegName, number: string): LegBehaviour {
  if (leg === 'contact') return world.contact;
  return world.employee.byNumber[number] ?? world.employee.shared;
}

/**
 * The events one dialled party will cause, with their delays from the start of dialling (D3, D14).
 * @example scriptFor({ outcome: 'answer', answer_after: 4000, early_media: [] }, 'contact', 1, 30000)
 * // [{ delay: 4000, event: { type: 'ANSWER', leg: 'contact', attempt: 1 } }]
 */
export function scriptFor(behaviour: LegBehaviour, leg: LegName, attempt: number, dialTimeoutMs: number) {
  const script: { delay: number; event: WorldEvent }[] = [];
  const beforeTimeout = (delay: number) => delay < dialTimeoutMs;
  const answerAt = behaviour.answer_after ?? DEFAULTS.answerAfterMs;
  const answers = behaviour.outcome === 'answer' && beforeTimeout(answerAt);
  const endOfRinging = answers ? answerAt : dialTimeoutMs;
  const failAt = behaviour.after ?? DEFAULTS.failAfterMs;
  for (const media of behaviour.early_media) {
    if (media.at < endOfRinging) script.push({ delay: media.at, event: { type: 'EARLY_MEDIA', leg, attempt, kind: media.kind } });
  }
  if (answers) {
    script.push({ delay: answerAt, event: { type: 'ANSWER', leg, attempt } });
    if (behaviour.hangup_after !== undefined)
      script.push({ delay: answerAt + behaviour.hangup_after, event: { type: 'HANGUP', leg, attempt } });
  }
  const failure = behaviour.outcome;
  if ((failure === 'busy' || failure === 'unavailable' || failure === 'rejected') && beforeTimeout(failAt))
    script.push({ delay: failAt, event: { type: 'FAIL', leg, attempt, reason: failure } });
  return script;
}

const toSession = (event: WorldEvent) => event;

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
      const { leg, number, attempt } = event as Extract<NetworkEvent, { type: 'LINE.DIAL' }>;
      const behaviour = behaviourOf(context.world, leg, number);
      const ids: string[] = [];
      scriptFor(behaviour, leg, attempt, context.dialTimeoutMs).forEach(({ delay, event: worldEvent }, i) => {
        const id = `${leg}#${attempt}.${i}`;
        ids.push(id);
        enqueue.sendParent(worldEvent, { delay, id });
      });
      enqueue.assign({
        attempts: { ...context.attempts, [leg]: attempt },
        dialled: { ...context.dialled, [leg]: behaviour },
        scheduled: { ...context.scheduled, [leg]: ids },
      });
    }),
    cancelScript: enqueueActions(({ context, event, enqueue }) => {
      const { leg } = event as Extract<NetworkEvent, { type: 'LINE.CLOSED' }>;
      for (const id of context.scheduled[leg]) enqueue.cancel(id);
      enqueue.assign({ scheduled: { ...context.scheduled, [leg]: [] } });
    }),
    scheduleDefaultHangup: enqueueActions(({ enqueue, context }) => {
      const id = 'contact.defaultHangup';
      enqueue.sendParent(toSession({ type: 'HANGUP', leg: 'contact', attempt: context.attempts.contact }), {
        delay: DEFAULTS.talkMs,
        id,
      });
      enqueue.assign({ scheduled: { ...context.scheduled, contact: [...context.scheduled.contact, id] } });
    }),
    forwardCommand: enqueueActions(({ context, event, enqueue }) => {
      const { command } = event as Extract<NetworkEvent, { type: 'COMMAND' }>;
      const leg = command.leg;
      const attempt = context.attempts[leg];
      const worldEvent: WorldEvent =
        command.type === 'answer'
          ? { type: 'ANSWER', leg, attempt }
          : command.type === 'fail'
            ? { type: 'FAIL', leg, attempt, reason: command.reason }
            : command.type === 'hangup'
              ? { type: 'HANGUP', leg, attempt }
              : { type: 'EARLY_MEDIA', leg, attempt, kind: command.kind };
      enqueue.sendParent(worldEvent);
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
