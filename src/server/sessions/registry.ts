import type { Account, CallParams, CallInput, JsonRpcId, Platform, SimEvent, World } from '../deps.js';
import { numaMemoryOf } from '../deps.js';
import { realTimeDriver, type SchedulerClock, type SessionDriver } from '../engine/clock.js';
import { recordedRun, replay, type CallCommand, type RecordedRun } from '../engine/replay.js';
import { Scheduler } from '../engine/scheduler.js';
import { TimelineCache } from '../engine/timeline-cache.js';
import { BudgetedMap, type Budget } from './budgeted-map.js';
import { CallSession } from './call-session.js';
import { RecentNumaMemory } from './numa-memory.js';
import { callReport, type CallReport } from './report.js';
import { REPORTS_BUDGET, ReportStore, textBytes } from './report-store.js';

export interface RegistryOptions {
  account: Account;
  platform: Platform;
  /** The world of one call (magic numbers applied). */
  worldFor: (contact: string) => World;
  /** The scheduler's clock (default: real time). */
  driver?: SessionDriver;
  /** Simulated ms per real ms, unless the driver's clock sets its own. */
  speed: number;
  now: () => number;
  firstCallSessionId: number;
  /** Called for every released event of every session, after the session has tracked it. */
  onEvent: (session: CallSession, event: SimEvent) => void;
  /**
   * What stays: readable finished sessions, report lines and contacts with a remembered `*_fixed_for_numa`
   * number (defaults: `FINISHED_BUDGET`, `REPORTS_BUDGET`, `NUMA_CONTACTS`).
   */
  keep?: { sessions?: Budget; reports?: Budget; numaContacts?: number };
  /** Reuse the timeline of an earlier call with the same parameters (default true; see `TimelineCache`). */
  timelineCache?: boolean;
}

/** Finished sessions readable by the control API: 1000 of them, 16 MiB. */
export const FINISHED_BUDGET: Budget = { count: 1000, bytes: 16 * 1024 * 1024 };
/** World commands one call takes (each re-runs the call from its start): more is refused; `release` always goes. */
export const MAX_COMMANDS_PER_CALL = 64;
/** A released event's share of a finished session's size, beside its params' text. */
const BYTES_PER_EVENT = 256;

/**
 * The server's calls and its one scheduler. A live call is data (`CallSession`): its timeline is computed
 * once by the deterministic simulation, and released event by event when its real time comes
 * (`startedTick + t / speed`); a command re-runs the call from its start with every command at its time
 * and replaces the not-yet-released rest. `call_session_id`s increase for the server's lifetime (a reset
 * does not reuse them), and the `*_fixed_for_numa` pairs are remembered across resets too (D15), for the
 * `NUMA_CONTACTS` contacts used most recently.
 * @example const session = registry.start('req1', params); registry.live.get(session.id) === session
 */
export class SessionRegistry {
  readonly live = new Map<number, CallSession>();
  private readonly finished: BudgetedMap<number, CallSession>;
  private readonly reportStore: ReportStore;
  private readonly numaMemory: RecentNumaMemory;
  private readonly clock: SchedulerClock;
  private readonly speed: number;
  private readonly scheduler: Scheduler<CallSession>;
  private readonly cache: TimelineCache | null;
  private nextId: number;
  private nextLegId: number;
  private closed = false;

  constructor(private readonly options: RegistryOptions) {
    this.numaMemory = new RecentNumaMemory(numaMemoryOf(options.account), options.keep?.numaContacts);
    this.nextId = options.firstCallSessionId;
    this.nextLegId = options.firstCallSessionId * 10;
    this.finished = new BudgetedMap(options.keep?.sessions ?? FINISHED_BUDGET);
    this.reportStore = new ReportStore(options.keep?.reports ?? REPORTS_BUDGET);
    this.clock = (options.driver ?? realTimeDriver)({
      releaseDue: () => this.scheduler.releaseDue(),
      lastDue: () => this.scheduler.lastDue(),
      liveCalls: () => this.live.size,
    });
    this.speed = this.clock.speed ?? (options.speed > 0 ? options.speed : 1);
    this.scheduler = new Scheduler(this.clock, (session) => this.releaseInstant(session));
    this.cache = options.timelineCache === false ? null : new TimelineCache();
  }

  /** Accepts a call: computes its timeline, releases what is due at once (t = 0), schedules the rest. */
  start(id: JsonRpcId, params: CallParams): CallSession {
    if (this.closed) throw new Error('the server is shutting down');
    const { account, now } = this.options;
    const recipe = { id, params, world: this.options.worldFor(params.contact), callSessionId: this.nextId++ };
    const fullName = account.employees.find((e) => e.id === params.employee.id)?.full_name ?? null;
    const session = new CallSession(recipe, now(), this.clock.now(), fullName);
    this.keepRun(session, this.cache?.get(params, session.id) ?? this.firstRun(session));
    this.live.set(session.id, session);
    this.scheduleNext(session);
    this.scheduler.releaseDue();
    return session;
  }

  get(id: number): CallSession | undefined {
    return this.live.get(id) ?? this.finished.get(id);
  }

  /** Finished sessions still readable, oldest first (bounded by count and bytes). */
  finishedSessions(): IterableIterator<CallSession> {
    return this.finished.values();
  }

  /** The call report: one line per finished call, bounded; `GET /control/reports` pages it. */
  get reports(): CallReport[] {
    return this.reportStore.all();
  }

  get reportLines(): ReportStore {
    return this.reportStore;
  }

  /** Contacts whose `*_fixed_for_numa` number is remembered (at most `keep.numaContacts`). */
  get rememberedContacts(): number {
    return this.numaMemory.size;
  }

  /** Releases every event whose time has come (before answering about "now"). */
  catchUp(): void {
    this.scheduler.releaseDue();
  }

  /** The call's simulated time now: its clock time since the start × speed (never before what was released). */
  simNow(session: CallSession): number {
    if (!session.live) return session.outcome!.total_duration_ms;
    const elapsed = Math.floor((this.clock.now() - session.startedTick) * this.speed);
    return Math.max(elapsed, session.timeline[session.released - 1]?.t ?? 0);
  }

  /**
   * A command (or `release`) to a live call at its current simulated time: what is due is released first,
   * the call is re-run from its start with every command at its time, the rest of its timeline replaced,
   * and the events due at once released. Returns those events. Throws `TooManyCommands` past
   * `MAX_COMMANDS_PER_CALL` world commands.
   */
  command(session: CallSession, command: CallCommand): SimEvent[] {
    this.catchUp();
    if (!session.live) return [];
    if (command.type !== 'release' && session.commands.length >= MAX_COMMANDS_PER_CALL) throw new TooManyCommands(session.id);
    session.commands.push({ t: this.simNow(session), command });
    const run = recordedRun(this.inputOf(session), session.commands);
    assertSamePrefix(session, run.events);
    this.keepRun(session, run);
    const before = session.released;
    this.scheduleNext(session);
    this.scheduler.releaseDue();
    return session.timeline.slice(before, session.released);
  }

  /** A re-run of the call up to simulated time `t` (default: now), to ask the machines where they are (`GET /control/sessions/:id`). */
  replayTo(session: CallSession, t = this.simNow(session)) {
    return replay(this.inputOf(session), session.commands, t);
  }

  /** Shutdown: no new calls; every live call is released (its events and notifications go out). */
  releaseAll(): void {
    this.closed = true;
    for (const session of [...this.live.values()]) this.command(session, { type: 'release' });
  }

  /** `POST /control/reset`: live calls are dropped silently (no events, no notifications), all is forgotten. */
  reset(): void {
    this.scheduler.clear();
    this.live.clear();
    this.finished.clear();
    this.reportStore.clear();
  }

  /** The call's first run, which also remembers *_fixed_for_numa choices (D15). */
  private firstRun(session: CallSession): RecordedRun {
    const run = recordedRun({ ...this.inputOf(session), numaMemory: this.numaMemory }, []);
    this.cache?.set(session.params, run);
    return run;
  }

  private keepRun(session: CallSession, run: RecordedRun): void {
    session.timeline = run.events;
    session.stateChanges = run.stateChanges;
  }

  private inputOf(session: CallSession): CallInput {
    const { id, params, world, callSessionId } = session.recipe;
    const { account, platform } = this.options;
    // Re-runs pin the number the call got, whatever was remembered for the contact since (D15).
    const numaMemory = new Map([[params.contact, session.virtualPhoneNumber]]);
    return { id, params, account, platform, world, callSessionId, seed: callSessionId, numaMemory };
  }

  private dueOf(session: CallSession, t: number): number {
    return session.startedTick + t / this.speed;
  }

  private scheduleNext(session: CallSession): void {
    const next = session.next();
    if (next) this.scheduler.schedule(session, this.dueOf(session, next.t));
    else this.scheduler.cancel(session);
  }

  /** Releases the events of the session's next instant; answers when the one after is due. */
  private releaseInstant(session: CallSession): number | null {
    const t = session.next()?.t;
    for (let event = session.next(); event && event.t === t; event = session.next()) {
      session.released++;
      session.track(event, () => ++this.nextLegId);
      this.options.onEvent(session, event);
      if (event.type === 'session.ended') {
        this.finish(session);
        return null;
      }
    }
    const next = session.next();
    return next ? this.dueOf(session, next.t) : null;
  }

  private finish(session: CallSession): void {
    this.live.delete(session.id);
    this.scheduler.cancel(session);
    const bytes = textBytes(JSON.stringify(session.params)) + session.timeline.length * BYTES_PER_EVENT;
    this.finished.set(session.id, session, bytes);
    const report = callReport(session);
    if (report) this.reportStore.add(report);
  }
}

/** A live call that has taken `MAX_COMMANDS_PER_CALL` commands. */
export class TooManyCommands extends Error {
  constructor(readonly callSessionId: number) {
    super(`session ${callSessionId} has taken its ${MAX_COMMANDS_PER_CALL} commands`);
  }
}

/** Determinism: a re-run reproduces every event already released; anything else is a bug in the machines. */
function assertSamePrefix(session: CallSession, timeline: readonly SimEvent[]): void {
  for (let i = 0; i < session.released; i++) {
    const before = session.timeline[i]!;
    const after = timeline[i];
    if (!after || after.t !== before.t || after.type !== before.type) {
      throw new Error(`session ${session.id}: the re-run differs from the released timeline at event ${i}`);
    }
  }
}
