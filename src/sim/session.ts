import { createActor, type Actor } from 'xstate';
import { employeeCallMachine } from '../../machines/employee-call.js';
import type { Emitted } from '../../machines/types.js';
import { worldEventFor } from '../../machines/world.js';
import type { JsonRpcResponse } from '../protocol/errors.js';
import { DiscreteClock } from './clock.js';
import type { CallPlan } from './plan.js';
import { hearsOf, outcomeOf, statePath } from './timeline.js';
import type {
  AudioSource,
  Inspector,
  LegName,
  LegStatus,
  SessionSnapshot,
  SimEvent,
  Simulation,
  SimulationResult,
  StateValueLike,
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

/** What a leg hears, as a state name (what the snapshot's `employeePlayback` / `contactPlayback` say). */
const HEARING_STATE: Record<AudioSource['kind'], string> = {
  message: 'message',
  hold_music: 'holdMusic',
  contact_line: 'contactLine',
  talk: 'talk',
};

/**
 * A live session: the session machine on a discrete-event clock, with every event it emits stamped with
 * the clock's time. The timeline is what the machine emits — nothing else. Once `session.ended` is out,
 * the actor is stopped (its timers, and the world's, are cancelled); its last state stays readable.
 */
export class SessionRun implements Simulation {
  private readonly clock = new DiscreteClock();
  private readonly log: SimEvent[] = [];
  private readonly listeners = new Set<(event: SimEvent) => void>();
  private readonly root: Actor<typeof employeeCallMachine>;
  private ended = false;
  /** When a scripted `release.call` is due (ms), until it has been sent. */
  private releaseAt: number | null;

  /**
   * `inspect` also receives XState's inspection events (e.g. for the Stately Inspector); `releaseAt`
   * sends `release.call` at that time, once everything due by then has happened.
   */
  constructor(
    plan: CallPlan,
    readonly response: JsonRpcResponse,
    { inspect, releaseAt }: { inspect?: Inspector; releaseAt?: number } = {},
  ) {
    this.releaseAt = releaseAt ?? null;
    this.root = createActor(employeeCallMachine, {
      id: 'employeeCall',
      clock: this.clock,
      input: { plan, now: () => this.clock.now() },
      ...(inspect ? { inspect } : {}),
    });
    this.root.on('*', (emitted) => this.record(emitted as Emitted));
    this.root.start();
    this.settle();
  }

  now(): number {
    return this.clock.now();
  }

  done(): boolean {
    return this.ended;
  }

  nextTime(): number | null {
    if (this.ended) return null;
    const next = this.clock.nextTime();
    return this.releaseAt === null || (next !== null && next <= this.releaseAt) ? next : this.releaseAt;
  }

  step(): SimEvent[] {
    const from = this.log.length;
    const t = this.nextTime();
    if (t !== null) while (this.nextTime() === t) this.fire();
    return this.log.slice(from);
  }

  advanceTo(t: number): SimEvent[] {
    const from = this.log.length;
    for (let next = this.nextTime(); next !== null && next <= t; next = this.nextTime()) this.fire();
    this.clock.advanceTo(Math.max(t, this.clock.now()));
    return this.log.slice(from);
  }

  runToEnd(): SimulationResult {
    while (this.nextTime() !== null) this.fire();
    return this.result();
  }

  result(): SimulationResult {
    const events = [...this.log];
    return {
      response: this.response,
      events,
      hears: hearsOf(events, this.ended ? undefined : this.now()),
      outcome: outcomeOf(events),
    };
  }

  snapshot(): SessionSnapshot {
    const { value, context } = this.root.getSnapshot();
    const regions = value as Record<'flow' | 'employeeLeg' | 'contactLeg', StateValueLike>;
    const leg = (name: LegName) => {
      const line = context.lines[name];
      const status = LEG_STATUS[statePath(regions[`${name}Leg`])] ?? 'idle';
      return { status, number: line.attempt > 0 ? (context.plan.numbers[name][line.index] ?? null) : null };
    };
    const hearing = (name: LegName) => {
      const source = context.hearing[name];
      return source ? HEARING_STATE[source.kind] : 'silent';
    };
    return {
      t: this.now(),
      done: this.ended,
      states: {
        session: statePath(regions.flow),
        employeeLeg: statePath(regions.employeeLeg),
        contactLeg: statePath(regions.contactLeg),
        employeePlayback: hearing('employee'),
        contactPlayback: hearing('contact'),
      },
      hearing: { employee: context.hearing.employee, contact: context.hearing.contact },
      legs: { employee: leg('employee'), contact: leg('contact') },
    };
  }

  subscribe(listener: (event: SimEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  command(command: WorldCommand): void {
    if (this.ended) return;
    this.root.send(worldEventFor(command, this.root.getSnapshot().context.lines[command.leg].attempt));
    this.settle();
  }

  release(): void {
    if (this.ended) return;
    this.root.send({ type: 'RELEASE' });
    this.settle();
  }

  /** The next thing due: a timer, or the scripted release once no timer is due before or with it. */
  private fire(): void {
    const next = this.clock.nextTime();
    if (this.releaseAt !== null && (next === null || next > this.releaseAt)) {
      this.clock.advanceTo(this.releaseAt);
      this.releaseAt = null;
      this.release();
      return;
    }
    this.clock.fireNext();
    this.settle();
  }

  /** After the session ended, nothing else may happen: its timers (the world's among them) are cancelled. */
  private settle(): void {
    if (this.ended && this.root.getSnapshot().status === 'active') this.root.stop();
  }

  private record(emitted: Emitted): void {
    const event = { t: this.clock.now(), ...emitted } as SimEvent;
    if (event.type === 'session.ended') this.ended = true;
    this.log.push(event);
    for (const listener of this.listeners) listener(event);
  }
}
