import { createActor, emit, sendParent, sendTo, setup, type AnyActorRef, type EventObject } from 'xstate';
import { DiscreteClock } from '../src/sim/clock.js';

/**
 * The floor `simulate()` is measured against: the least XState machinery that produces the seed
 * example's timeline — a session machine and two leg machines (three actors) on the same discrete-event
 * clock, with the same timers (answers after 3 s, the 5 s and 0.45 s messages, DTMF at +1/+2/+3 s, the
 * hang-up after 60 s) and the same 22 emitted events, but no rules, no world, no request checks, no plan.
 * Whatever `simulate()` costs above this is the price of the project's own work.
 */
const leg = setup({
  types: { input: {} as { leg: 'employee' | 'contact' }, context: {} as { leg: 'employee' | 'contact' } },
  delays: { answer: 3000 },
}).createMachine({
  context: ({ input }) => ({ leg: input.leg }),
  initial: 'idle',
  states: {
    idle: { on: { DIAL: 'dialing' } },
    dialing: {
      entry: emit(({ context }) => ({ type: 'leg.dialing', leg: context.leg })),
      after: {
        answer: {
          target: 'answered',
          actions: [
            emit(({ context }) => ({ type: 'leg.answered', leg: context.leg })),
            sendParent(({ context }) => ({ type: 'ANSWERED', leg: context.leg })),
          ],
        },
      },
    },
    answered: {
      on: { RELEASE: 'released' },
      after: { 60000: { guard: ({ context }) => context.leg === 'contact', target: 'hungUp' } },
    },
    hungUp: {
      entry: [emit(({ context }) => ({ type: 'leg.hung_up', leg: context.leg })), sendParent({ type: 'HUNG_UP' })],
    },
    released: { entry: emit(({ context }) => ({ type: 'leg.released', leg: context.leg })) },
  },
});

const audio = (type: 'audio.started' | 'audio.stopped', leg: string) => emit({ type, leg });
const dtmf = { actions: emit({ type: 'dtmf.sent', leg: 'contact' }) };

const session = setup({ actors: { leg } }).createMachine({
  invoke: [
    { id: 'employee', src: 'leg', input: { leg: 'employee' } },
    { id: 'contact', src: 'leg', input: { leg: 'contact' } },
  ],
  entry: emit({ type: 'session.started' }),
  initial: 'dialingEmployee',
  states: {
    dialingEmployee: { entry: sendTo('employee', { type: 'DIAL' }), on: { ANSWERED: 'employeeMessage' } },
    employeeMessage: {
      entry: audio('audio.started', 'employee'),
      after: { 5000: { target: 'dialingContact', actions: audio('audio.stopped', 'employee') } },
    },
    dialingContact: {
      entry: [sendTo('contact', { type: 'DIAL' }), audio('audio.started', 'employee')],
      on: { ANSWERED: 'contactMessage' },
    },
    contactMessage: {
      entry: audio('audio.started', 'contact'),
      after: {
        450: {
          target: 'talk',
          actions: [audio('audio.stopped', 'contact'), audio('audio.stopped', 'employee'), emit({ type: 'talk.started' })],
        },
      },
    },
    talk: {
      entry: [audio('audio.started', 'employee'), audio('audio.started', 'contact')],
      after: { 550: dtmf, 1550: dtmf, 2550: dtmf },
      on: {
        HUNG_UP: {
          target: 'ended',
          actions: [audio('audio.stopped', 'employee'), audio('audio.stopped', 'contact'), sendTo('employee', { type: 'RELEASE' })],
        },
      },
    },
    ended: { type: 'final', entry: emit({ type: 'session.ended' }) },
  },
});

/**
 * Runs the bare system to its end; returns its timeline (22 events).
 * @example runBareSystem().length // 22
 */
export function runBareSystem(): { t: number; type: string }[] {
  const clock = new DiscreteClock();
  const timeline: { t: number; type: string }[] = [];
  const actor = createActor(session, {
    clock,
    inspect: (inspection) => {
      if (inspection.type === '@xstate.actor')
        (inspection.actorRef as AnyActorRef).on('*', (event: EventObject) => timeline.push({ t: clock.now(), ...event }));
    },
  });
  actor.start();
  while (actor.getSnapshot().status === 'active' && clock.fireNext());
  return timeline;
}
