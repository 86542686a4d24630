import charts from 'virtual:charts';
import type { LaidOutChart } from '../../diagram/statechart.js';
import type { ActorFrame } from '../machine-trace.js';
import { chartSvg, stateDetails } from './chart-view.js';
import { h } from './dom.js';

/** The charts of each machine (several for a machine drawn region by region), the largest first. */
const byMachine = new Map<string, LaidOutChart[]>();
for (const chart of charts) byMachine.set(chart.machine, [...(byMachine.get(chart.machine) ?? []), chart]);
for (const list of byMachine.values()) list.sort((a, b) => b.nodes.length - a.nodes.length);

/** `contactLeg (leg)`: the actor, and the machine it runs when the names differ; a region by its name. */
function titleOf(actor: ActorFrame, chart: LaidOutChart): string {
  if (chart.region) return chart.region;
  return actor.id === actor.machine ? actor.id : `${actor.id} (${actor.machine})`;
}

/** A region's part of the actor's state (`flow.talk.connected, employeeLeg.answered` → `talk.connected`). */
function regionState(state: string, region: string | undefined): string {
  if (!region) return state;
  return state
    .split(/,\s*/)
    .filter((part) => part === region || part.startsWith(`${region}.`))
    .map((part) => part.slice(region.length + 1))
    .join(', ');
}

export interface ChartsPanel {
  el: HTMLElement;
  render(actors: readonly ActorFrame[] | null): void;
}

/**
 * The state charts of every actor of the session at the cursor, drawn from the build's ELK layouts: the
 * first actor (the session) full width, the others below. Clicking a state shows what it does.
 */
export function chartsPanel(): ChartsPanel {
  const el = h('div', { id: 'chart-panel' });
  const selected = new Map<string, string>();
  let shown: readonly ActorFrame[] | null = null;
  const fit = h('input', { type: 'checkbox', id: 'chart-fit', checked: true });
  fit.addEventListener('change', () => el.classList.toggle('actual-size', !fit.checked));
  const legend = h(
    'p',
    { class: 'note chart-legend' },
    'Filled: the active states. Orange: the transitions taken to reach this instant. Hover an arrow for where it leads; click a state for its entry actions and guards. ',
    h('label', { class: 'check' }, fit, ' fit to width'),
  );

  function render(actors: readonly ActorFrame[] | null): void {
    shown = actors;
    if (!actors || actors.length === 0) {
      el.replaceChildren(h('p', { class: 'note' }, 'No machines ran: the call did not start (see why above).'));
      return;
    }
    let first = true;
    const blocks = actors.flatMap((actor) =>
      (byMachine.get(actor.machine) ?? []).map((chart) => {
        const title = titleOf(actor, chart);
        const key = `${actor.id}/${title}`;
        const pick = selected.get(key) ?? null;
        const state = regionState(actor.state, chart.region);
        const svg = chartSvg(chart, { ...actor, state }, title, pick);
        svg.addEventListener('click', (event) => {
          const id = (event.target as Element).closest('g.state')?.getAttribute('data-id');
          if (!id) return;
          if (selected.get(key) === id) selected.delete(key);
          else selected.set(key, id);
          render(shown);
        });
        const main = first;
        first = false;
        return h(
          'figure',
          { class: main ? 'chart-block main' : 'chart-block', 'data-actor': actor.id, 'data-region': chart.region ?? null },
          h('figcaption', {}, h('b', {}, title), ' ', h('code', { class: 'muted' }, state)),
          h('div', { class: 'chart-scroll' }, svg),
          pick ? stateDetails(chart, pick, title) : null,
        );
      }),
    );
    el.replaceChildren(legend, h('div', { class: 'charts' }, ...blocks));
  }
  return { el, render };
}
