import type { ParamsDoc } from '../case.js';
import { paramsOf, withParams } from '../case.js';
import { segmentKey, type RunDiff } from '../diff.js';
import type { LaneSegment } from '../lanes.js';
import { frameAt } from '../run.js';
import { chartsPanel } from './charts-panel.js';
import { compareSummary, paramsDifference } from './compare.js';
import { h } from './dom.js';
import { eventsList } from './events.js';
import { ladderCard } from './ladder-card.js';
import { nowView } from './now.js';
import { outcomeView } from './outcome.js';
import type { Side, Store } from './store.js';
import { timeAtX, timelineSvg } from './timeline.js';

/** `A — switch_at_once: true`: the side's values of the parameters that differ (titles of the compared timelines). */
function sideTitle(name: string, own: ParamsDoc, other: ParamsDoc): string {
  const values = paramsDifference(own, other).map((line) => line.replace(/ → .*$/, ''));
  return values.length ? `${name} — ${values.join(', ')}` : name;
}

/** Up to a little after the talk starts (where the call's logic is; the 60 s talk would squeeze it). */
function untilTalk(store: Store, end: number): number {
  const talks = [store.a, store.b].flatMap((side) => side?.run?.lanes.moments.filter((m) => m.type === 'talk.started') ?? []);
  const talk = talks.length ? Math.max(...talks.map((m) => m.t)) : null;
  return talk === null ? end : Math.min(end, talk + Math.max(5000, talk * 0.4));
}

/** The time window drawn, as chosen; it widens when the cursor goes past it, so the cursor stays in sight. */
function viewEnd(store: Store): number {
  const end = Math.max(store.end(), 1000);
  const window = store.zoom === 'all' ? end : store.zoom === 'auto' ? untilTalk(store, end) : Number(store.zoom);
  return Math.max(window, Math.min(end, store.cursor() + 1000));
}

/**
 * The call as the page shows it: the outcome (or the comparison's summary), the timelines, what is
 * heard and in which state the machines are at the cursor, the state charts and the events.
 */
export function callView(store: Store) {
  const outcome = h('div', { id: 'outcome' });
  const lanes = h('div', { id: 'lanes', class: 'lanes' });
  const compare = h('div', { id: 'compare' });
  const now = h('div', { id: 'now' });
  const charts = chartsPanel();
  const events = eventsList((index) => store.setIndex(index));
  const ladder = ladderCard(store);
  lanes.addEventListener('click', (event) => {
    const svg = (event.target as Element).closest('svg.timeline');
    const t = svg ? timeAtX(svg as SVGSVGElement, event.clientX) : null;
    if (t !== null) store.setTime(t);
  });

  /** One side's timeline, or a line saying why there is none (the platform refused the request). */
  const timeline = (side: Side, width: number, title: string | undefined, only: LaneSegment[] | undefined, diff: RunDiff | null) => {
    if (!side.run) return null;
    if (side.run.result.events.length === 0)
      return h('p', { class: 'note no-call' }, `${title ? `${title}: no call` : 'No call'} — the platform rejected the request (its error is shown above).`);
    const keys = only && new Set(only.map(segmentKey));
    return timelineSvg(side.run.lanes, {
      width, viewEnd: viewEnd(store), cursor: store.cursor(), title,
      diff: keys && diff ? { keys, first: diff.firstTime } : undefined,
    });
  };

  function render(): void {
    const { a, b, diff } = store;
    const paramsA = paramsOf(a.doc) ?? {};
    const paramsB = store.case.compare ?? {};
    const width = Math.max(300, lanes.clientWidth || 900);
    const titles = { a: sideTitle('A', paramsA, paramsB), b: sideTitle('B', paramsB, paramsA) };
    lanes.replaceChildren(
      ...[
        timeline(a, width, b ? titles.a : undefined, b ? diff?.onlyA : undefined, diff),
        b ? timeline(b, width, titles.b, diff?.onlyB, diff) : null,
      ].filter((el) => el !== null),
    );
    outcome.replaceChildren(b ? '' : outcomeView(a, '', (params) => store.setScenario(withParams(store.case.scenario, params), 'fix')));
    compare.replaceChildren(b ? compareSummary(a, b, paramsA, paramsB, diff) : '');
    events.render(a.run?.result.events ?? [], store.index, diff?.firstIndex ?? null);
    const frame = a.run ? frameAt(a.run, store.cursor()) : null;
    now.replaceChildren(nowView(frame?.snapshot ?? null, store.cursor(), frame ? frame.end - frame.first : 0));
    charts.render(frame?.snapshot ? frame.actors : null);
    ladder.render(b ? titles : { a: String(a.doc.name ?? 'the call'), b: titles.b });
  }

  return { outcome, lanes, compare, now, charts: charts.el, ladder: ladder.el, events: events.el, render };
}
