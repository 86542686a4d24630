import type { Account, CallParams, JsonRpcId, Platform, RealTimeRun, SimEvent, Simulation, World } from '../deps.js';
import { numaMemoryOf, startCall } from '../deps.js';
import { CallSession } from './call-session.js';
import { callReport, type CallReport } from './report.js';

/** Runs a simulation against a clock: real timers at `--speed` by default, a manual driver in tests. */
export type SessionDriver = (sim: Simulation) => RealTimeRun;

export interface RegistryOptions {
  account: Account;
  platform: Platform;
  /** The world of one call (magic numbers applied). */
  worldFor: (contact: string) => World;
  driver: SessionDriver;
  now: () => number;
  firstCallSessionId: number;
  /** Called for every timeline event of every session, after the session has tracked it. */
  onEvent: (session: CallSession, event: SimEvent) => void;
  /** How many finished sessions stay readable with their timeline (default 1000) and report lines kept (default 10 000). */
  keep?: { sessions: number; reports: number };
}

/**
 * The server's calls: live ones, the finished ones still readable by the control API, and the call
 * report. `call_session_id`s increase for the server's lifetime (a reset does not reuse them), and the
 * `*_fixed_for_numa` pairs are remembered for the lifetime too (D15).
 * @example const session = registry.start('req1', params); registry.live.get(session.id) === session
 */
export class SessionRegistry {
  readonly live = new Map<number, CallSession>();
  readonly finished = new Map<number, CallSession>();
  reports: CallReport[] = [];
  private readonly numaMemory: Map<string, string>;
  private readonly unsubscribe = new Map<number, () => void>();
  private nextId: number;
  private nextLegId: number;
  private closed = false;

  constructor(private readonly options: RegistryOptions) {
    this.numaMemory = numaMemoryOf(options.account);
    this.nextId = options.firstCallSessionId;
    this.nextLegId = options.firstCallSessionId * 10;
  }

  start(id: JsonRpcId, params: CallParams): CallSession {
    if (this.closed) throw new Error('the server is shutting down');
    const { account, platform, now } = this.options;
    const callSessionId = this.nextId++;
    const world = this.options.worldFor(params.contact);
    const sim = startCall({ id, params, account, platform, world, seed: callSessionId, callSessionId, numaMemory: this.numaMemory });
    const fullName = account.employees.find((e) => e.id === params.employee.id)?.full_name ?? null;
    const session = new CallSession(callSessionId, params, now(), sim, fullName);
    this.live.set(callSessionId, session);
    const earlier = sim.result().events;
    this.unsubscribe.set(callSessionId, sim.subscribe((event) => this.observe(session, event)));
    for (const event of earlier) this.observe(session, event);
    if (!session.live) return session;
    try {
      session.run = this.options.driver(sim);
    } catch (error) {
      this.forget(session);
      throw error;
    }
    session.run.finished.catch(() => undefined);
    return session;
  }

  get(id: number): CallSession | undefined {
    return this.live.get(id) ?? this.finished.get(id);
  }

  private observe(session: CallSession, event: SimEvent): void {
    session.track(event, () => ++this.nextLegId);
    this.options.onEvent(session, event);
    if (event.type === 'session.ended') this.finish(session);
  }

  private forget(session: CallSession): void {
    this.unsubscribe.get(session.id)?.();
    this.unsubscribe.delete(session.id);
    this.live.delete(session.id);
  }

  private finish(session: CallSession): void {
    this.forget(session);
    this.finished.set(session.id, session);
    const report = callReport(session);
    if (report) this.reports.push(report);
    const keep = this.options.keep ?? { sessions: 1000, reports: 10_000 };
    for (const id of this.finished.keys()) {
      if (this.finished.size <= keep.sessions) break;
      this.finished.delete(id);
    }
    if (this.reports.length > keep.reports) this.reports.splice(0, this.reports.length - keep.reports);
  }

  /** Shutdown: no new calls; every live call is released (its events and notifications go out). */
  releaseAll(): void {
    this.closed = true;
    for (const session of [...this.live.values()]) {
      session.run?.release();
      session.run?.stop();
    }
  }

  /** `POST /control/reset`: live calls are dropped silently (no events, no notifications), all is forgotten. */
  reset(): void {
    for (const session of this.live.values()) {
      this.unsubscribe.get(session.id)?.();
      session.run?.stop();
    }
    this.unsubscribe.clear();
    this.live.clear();
    this.finished.clear();
    this.reports = [];
  }
}
