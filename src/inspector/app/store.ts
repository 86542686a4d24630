import { checkScenario, seedCase, withParams, type Checked, type InspectorCase, type ParamsDoc, type ScenarioDoc } from '../case.js';
import { encodeCase } from '../codec.js';
import { diffRuns, type RunDiff } from '../diff.js';
import { eventIndexAt, runScenario, type Run, type RunOptions } from '../run.js';

/** One side of the page (A, or B when comparing): the scenario as checked and, when valid, its run. */
export interface Side {
  doc: ScenarioDoc;
  checked: Checked;
  run: Run | null;
  /** A crash of the simulator itself (a bug, shown as such). */
  crash: string | null;
  /** The YAML tab's text cannot be read as YAML at all: `checked` lists where; nothing runs. */
  unreadable?: boolean;
}

export type Zoom = 'auto' | 'all' | '10000' | '30000' | '60000';

/** Where a change came from, so the view that made it is not re-rendered under the user's cursor. */
export type Origin = 'load' | 'form' | 'formB' | 'world' | 'yaml' | 'cursor' | 'view' | 'fix';

/**
 * The page's single source of truth: the case (what a link holds), the derived runs, the cursor.
 * Every change re-runs the simulation(s) at once (they take about a millisecond) and tells the views.
 */
export class Store {
  case: InspectorCase = seedCase();
  zoom: Zoom = 'auto';
  /** Index of the event under the cursor (-1: before the first). */
  index = -1;
  a!: Side;
  b: Side | null = null;
  diff: RunDiff | null = null;
  runOptions: () => RunOptions | undefined = () => undefined;
  /** Problems of YAML text that does not parse: while set, the page shows them instead of any result. */
  yamlProblems: { path: string; expected: string }[] | null = null;
  private listeners: ((origin: Origin) => void)[] = [];
  private hashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.recompute();
  }

  subscribe(listener: (origin: Origin) => void): void {
    this.listeners.push(listener);
  }

  /** Replaces the whole case (a link, a scenario file). */
  load(next: InspectorCase): void {
    this.yamlProblems = null;
    this.case = { scenario: next.scenario, compare: next.compare, t: next.t, edited: next.edited ?? false };
    this.recompute();
    this.emit('load');
  }

  /** Runs the same case again (e.g. with other run options: the Stately Inspector switched on). */
  rerun(): void {
    this.recompute();
    this.emit('view');
  }

  /** The YAML tab's text does not parse (a syntax error): the results go, as for a schema error. */
  setYamlProblems(problems: { path: string; expected: string }[]): void {
    this.yamlProblems = problems;
    this.recompute();
    this.emit('yaml');
  }

  setScenario(scenario: ScenarioDoc, origin: Origin): void {
    this.yamlProblems = null;
    this.case = { ...this.case, scenario, edited: true };
    this.recompute();
    this.emit(origin);
  }

  setCompare(compare: ParamsDoc | null, origin: Origin): void {
    this.case = { ...this.case, compare, edited: this.case.edited || origin !== 'load' };
    this.recompute();
    this.emit(origin);
  }

  /** Moves the cursor to an event (clamped); its time becomes the cursor's time. */
  setIndex(index: number): void {
    const events = this.a.run?.result.events ?? [];
    this.index = Math.max(-1, Math.min(events.length - 1, index));
    this.case = { ...this.case, t: this.index < 0 ? 0 : events[this.index]!.t };
    this.emit('cursor');
  }

  /** Moves the cursor to a time; the current event is the last one at or before it. */
  setTime(t: number): void {
    const end = this.end();
    const clamped = Math.max(0, Math.min(end, Math.round(t)));
    this.case = { ...this.case, t: clamped };
    this.index = eventIndexAt(this.a.run?.result.events ?? [], clamped);
    this.emit('cursor');
  }

  setZoom(zoom: Zoom): void {
    this.zoom = zoom;
    this.emit('view');
  }

  cursor(): number {
    return this.case.t ?? 0;
  }

  /** The end of the longer run (the scrubber's range). */
  end(): number {
    return Math.max(this.a.run?.lanes.end ?? 0, this.b?.run?.lanes.end ?? 0);
  }

  /** Re-runs everything after a change of the case (also applied to the cursor's range). */
  recompute(): void {
    if (this.yamlProblems) {
      this.a = { doc: this.case.scenario, checked: { ok: false, problems: this.yamlProblems }, run: null, crash: null, unreadable: true };
      this.b = null;
    } else {
      this.a = side(this.case.scenario, this.runOptions());
      this.b = this.case.compare ? side(withParams(this.case.scenario, this.case.compare), undefined) : null;
    }
    this.diff =
      this.a.run && this.b?.run
        ? diffRuns(this.a.run.result.events, this.a.run.lanes, this.b.run.result.events, this.b.run.lanes)
        : null;
    const events = this.a.run?.result.events ?? [];
    if (this.case.t !== null && this.case.t > this.end()) this.case = { ...this.case, t: this.end() };
    this.index = this.case.t === null ? -1 : eventIndexAt(events, this.case.t);
  }

  private emit(origin: Origin): void {
    for (const listener of this.listeners) listener(origin);
    clearTimeout(this.hashTimer);
    document.body.dataset.linkPending = 'true';
    this.hashTimer = setTimeout(() => void this.writeHash(), 120);
  }

  /** Keeps the link in the address bar up to date without adding history entries. */
  async writeHash(): Promise<void> {
    const hash = `#${await encodeCase(this.case)}`;
    if (location.hash !== hash) {
      try {
        history.replaceState(null, '', hash);
      } catch {
        location.replace(hash);
      }
    }
    delete document.body.dataset.linkPending;
  }
}

function side(doc: ScenarioDoc, options: RunOptions | undefined): Side {
  const checked = checkScenario(doc);
  if (!checked.ok) return { doc, checked, run: null, crash: null };
  try {
    return { doc, checked, run: runScenario(checked.scenario, options), crash: null };
  } catch (error) {
    return { doc, checked, run: null, crash: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
