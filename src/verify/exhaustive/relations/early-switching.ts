import type { HearSegment, SimulationResult } from '../../../sim/types.js';
import { scenarioParams } from '../case.js';
import { canonical, differences } from '../compare.js';
import type { Window } from '../phases.js';
import { copyCase, type Relation } from './relation.js';

/** From the contact's leg.dialing to the talk (or, without a talk, the session's end); null if never dialled. */
function contactDialled(run: SimulationResult): Window | null {
  const dialing = run.events.find((e) => e.type === 'leg.dialing' && e.leg === 'contact');
  const until = run.events.find((e) => e.type === 'talk.started') ?? run.events.find((e) => e.type === 'session.ended');
  return dialing && until ? { from: dialing.t, to: until.t } : null;
}

const inside = (s: HearSegment, w: Window) => s.from >= w.from && s.to <= w.to;
const nonEmpty = (segments: HearSegment[]) => segments.filter((s) => s.to > s.from);

/** Problems unless `segments` are all of `kind` and follow each other from w.from to w.to without a gap. */
function covers(segments: HearSegment[], w: Window, kind: HearSegment['kind'], who: string): string[] {
  const problems = segments.filter((s) => s.kind !== kind).map((s) => `${who}: the employee hears ${s.kind} at ${s.from}–${s.to}, expected only ${kind}`);
  let at = w.from;
  for (const s of segments) {
    if (s.from !== at) problems.push(`${who}: the employee hears nothing at ${at}–${s.from}, expected ${kind}`);
    at = s.to;
  }
  if (at !== w.to) problems.push(`${who}: the employee's ${kind} ends at ${at}, expected ${w.to}`);
  return problems;
}

const withoutEmployeeAudio = (run: SimulationResult) => ({
  events: run.events.filter((e) => !((e.type === 'audio.started' || e.type === 'audio.stopped') && e.leg === 'employee')),
  outcome: run.outcome,
});

export const earlySwitchingOnlyChangesTheLine: Relation = {
  name: 'early-switching-only-changes-the-line',
  rules: ['R3', 'D9', 'V4'],
  statement:
    '`early_switching: false` instead of true changes only what the employee hears while the contact is dialled (with R10 in force: until the talk, D9) — the contact’s line (in as many segments as it changes) becomes one hold music segment; every other event is the same',
  neighbour: (base) => {
    if (scenarioParams(base.scenario).early_switching !== true) return null;
    const next = copyCase(base);
    scenarioParams(next.scenario).early_switching = false;
    return next;
  },
  compare: (baseRun, neighbourRun) => {
    const problems = differences(withoutEmployeeAudio(baseRun), withoutEmployeeAudio(neighbourRun));
    const window = contactDialled(baseRun);
    const [early, plain] = [nonEmpty(baseRun.hears.employee), nonEmpty(neighbourRun.hears.employee)];
    if (!window) return canonical(early) === canonical(plain) ? problems : [...problems, 'the employee hears differently though the contact was never dialled'];
    const outside = (segments: HearSegment[]) => canonical(segments.filter((s) => s.to <= window.from || s.from >= window.to));
    if (outside(early) !== outside(plain)) problems.push(`outside ${window.from}–${window.to} the employee hears ${outside(plain)} instead of ${outside(early)}`);
    const within = (segments: HearSegment[]) => segments.filter((s) => s.to > window.from && s.from < window.to);
    const straddling = [...within(early), ...within(plain)].filter((s) => !inside(s, window));
    if (straddling.length > 0) problems.push(`segments cross the edges of ${window.from}–${window.to}: ${canonical(straddling)}`);
    if (window.to > window.from) {
      problems.push(...covers(within(early), window, 'contact_line', 'with early_switching'));
      problems.push(...covers(within(plain), window, 'hold_music', 'without early_switching'));
    }
    return problems;
  },
};
