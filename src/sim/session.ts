import { createActor, type Actor, type AnyActorRef } from 'xstate';
import { employeeCallMachine } from '../../machines/employee-call.js';
import type { LegContext } from '../../machines/leg.js';
import type { PlaybackContext } from '../../machines/playback.js';
import type { JsonRpcResponse } from '../protocol/errors.js';
import { DiscreteClock } from './clock.js';
import type { CallPlan } from './plan.js';
import { hearsOf, outcomeOf, statePath } from './timeline.js';
import type {
  Inspector,
  LegName,
  LegStatus,
  SessionSnapshot,
  SimEvent,
  Simulation,
  SimulationResult,
  WorldCommand,
} from './types.js';

const LEG_STATUS: Record<string, LegStatus> = {
  idle: 'idle',
  dialing: 'dialing',
  answered: 'answered',
  failed: 'failed',
  hungUp: 'hung_up',
  released: 'released',
};

/**
 * A live session: the session machine and its children on a discrete-event clock, with every event
 * they emit stamped with the clock's time. The timeline is what the machines emit — nothing else.
 */
export class SessionRun implements Simulation {
  private readonly clock = new DiscreteClock();
  private readonly log: SimEvent[] = [];
  private readonly listeners = new Set<(event: SimEvent) => void>();
  private readonly actors = new Map<string, AnyActorRef>();
  private readonly root: Actor<typeof employeeCallMachine>;

  /** `inspect` also receives XState's inspection events (e.g. for the Stately Inspector). */
  constructor(
    plan: CallPlan,
    readonly response: JsonRpcResponse,
    inspect?: Inspector,
  ) {
    this.root = createActor(employeeCallMachine, {
      id: 'employeeCall',
      clock: this.clock,
      input: { plan, now: () => this.clock.now() },
      // Children are caught as they are created, so that none of their events is missed.
      inspect: (inspection) => {
        if (inspection.type === '@xstate.actor') this.attach(inspection.actorRef as AnyActorRef);
        if (typeof inspect === 'function') inspect(inspection);
        else inspect?.next?.(inspection);
      },
    });
    this.root.start();
  }

  now(): number {
    return this.clock.now();
  }

  done(): boolean {
    return this.root.getSnapshot().status !== 'active';
  }

  nextTime(): number | null {
    return this.done() ? null : this.clock.nextTime();
  }

  step(): SimEvent[] {
    const from = this.log.length;
    const t = this.nextTime();
    if (t !== null) while (this.clock.nextTime() === t) this.clock.fireNext();
    return this.log.slice(from);
  }

  advanceTo(t: number): SimEvent[] {
    const from = this.log.length;
    this.clock.advanceTo(t);
    return this.log.slice(from);
  }

  runToEnd(): SimulationResult {
    while (this.nextTime() !== null) this.step();
    return this.result();
  }

  result(): SimulationResult {
    const events = [...this.log];
    return {
      response: this.response,
      events,
      hears: hearsOf(events, this.done() ? undefined : this.now()),
      outcome: outcomeOf(events),
    };
  }

  snapshot(): SessionSnapshot {
    const valueOf = (id: string) => statePath(this.actor(id).getSnapshot().value);
    const leg = (name: LegName) => {
      const snapshot = this.actor(`${name}Leg`).getSnapshot();
      const context = snapshot.context as LegContext;
      const status = LEG_STATUS[statePath(snapshot.value)] ?? 'idle';
      return { status, number: context.attempt > 0 ? (context.numbers[context.index] ?? null) : null };
    };
    const hearing = (name: LegName) => (this.actor(`${name}Playback`).getSnapshot().context as PlaybackContext).current;
    return {
      t: this.now(),
      done: this.done(),
      states: {
        session: statePath(this.root.getSnapshot().value),
        employeeLeg: valueOf('employeeLeg'),
        contactLeg: valueOf('contactLeg'),
        employeePlayback: valueOf('employeePlayback'),
        contactPlayback: valueOf('contactPlayback'),
      },
      hearing: { employee: hearing('employee'), contact: hearing('contact') },
      legs: { employee: leg('employee'), contact: leg('contact') },
    };
  }

  subscribe(listener: (event: SimEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  command(command: WorldCommand): void {
    if (!this.done()) this.actor('network').send({ type: 'COMMAND', command });
  }

  release(): void {
    if (!this.done()) this.root.send({ type: 'RELEASE' });
  }

  private actor(id: string): AnyActorRef {
    const actor = this.actors.get(id);
    if (!actor) throw new Error(`no actor "${id}" in this session`);
    return actor;
  }

  private attach(actor: AnyActorRef): void {
    this.actors.set(actor.id, actor);
    actor.on('*', (emitted) => {
      const event = { t: this.clock.now(), ...emitted } as SimEvent;
      this.log.push(event);
      for (const listener of this.listeners) listener(event);
    });
  }
}
