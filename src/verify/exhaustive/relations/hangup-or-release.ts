import type { SimEvent, SimulationResult } from '../../../sim/types.js';
import { scenarioWorld } from '../case.js';
import { canonical, differences } from '../compare.js';
import { copyCase, type Relation } from './relation.js';

const hungUp = (run: SimulationResult) => run.events.find((e) => e.type === 'leg.hung_up');

/** What release.call at the hang-up's instant must give there: the hang-up becomes a release, the reason success_finish. */
function asRelease(event: SimEvent): SimEvent {
  if (event.type === 'leg.hung_up') return { ...event, type: 'leg.released' };
  if (event.type === 'session.ended') return { ...event, finish_reason: 'success_finish' };
  return event;
}

/** The events at `t`, in any order (the explorer places endings where nothing else happens: only the ending's own). */
const sortedAt = (events: SimEvent[], t: number) =>
  events
    .filter((e) => e.t === t)
    .map(canonical)
    .sort();

export const hangupOrRelease: Relation = {
  name: 'hangup-or-release',
  rules: ['D8', 'D11'],
  statement:
    'release.call at the instant a party would hang up gives the same run up to that instant, and at it the same events — the hang-up a leg.released — with finish_reason success_finish',
  neighbour: (base, run) => {
    const hangup = hungUp(run);
    const next = copyCase(base);
    const world = scenarioWorld(next.scenario);
    const scripted = [world.contact, ...Object.values(world.employee)].filter((b) => b.hangup_after !== undefined);
    // A hang-up the world scripts, not D12's default one (which would come at that instant all the same).
    if (!hangup || scripted.length === 0) return null;
    for (const behaviour of scripted) delete behaviour.hangup_after;
    next.releaseAt = hangup.t;
    return next;
  },
  compare: (baseRun, neighbourRun) => {
    const t = hungUp(baseRun)!.t;
    const before = (run: SimulationResult) => run.events.filter((e) => e.t < t);
    const problems = differences({ events: before(baseRun) }, { events: before(neighbourRun) });
    const [want, got] = [sortedAt(baseRun.events.map(asRelease), t), sortedAt(neighbourRun.events, t)];
    if (canonical(want) !== canonical(got)) problems.push(`at ${t}: expected the events ${want.join(' ')}, got ${got.join(' ')}`);
    if (neighbourRun.events.some((e) => e.t > t)) problems.push(`events after the release at ${t}`);
    const outcome = baseRun.outcome && { ...baseRun.outcome, finish_reason: 'success_finish' };
    if (canonical(outcome) !== canonical(neighbourRun.outcome)) problems.push(`outcome: expected ${canonical(outcome)}, got ${canonical(neighbourRun.outcome)}`);
    return problems;
  },
};
