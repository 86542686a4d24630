import charts from 'virtual:charts';
import type { LaidOutChart } from '../../diagram/statechart.js';
import type { ActorFrame } from '../machine-trace.js';
import { chartSvg, stateDetails } from './chart-view.js';
import { h } from './dom.js';

const byMachine = new Map<string, LaidOutChart>(charts.map((chart) => [chart.machine, chart]));

/** `contactLeg (leg)`: the actor, and the machine it runs when the names differ. */
function titleOf(actor: ActorFrame): string {
  return actor.id === actor.machine ? actor.id : `${actor.id} (${actor.machine})`;
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
    const blocks = actors.flatMap((actor, i) => {
      const chart = byMachine.get(actor.machine);
      if (!chart) return [];
      const title = titleOf(actor);
      const pick = selected.get(actor.id) ?? null;
      const svg = chartSvg(chart, actor, title, pick);
      svg.addEventListener('click', (event) => {
        const id = (event.target as Element).closest('g.state')?.getAttribute('data-id');
        if (!id) return;
        if (selected.get(actor.id) === id) selected.delete(actor.id);
        else selected.set(actor.id, id);
        render(shown);
      });
      return [
        h(
          'figure',
          { class: i === 0 ? 'chart-block main' : 'chart-block', 'data-actor': actor.id },
          h('figcaption', {}, h('b', {}, title), ' ', h('code', { class: 'muted' }, actor.state)),
          h('div', { class: 'chart-scroll' }, svg),
          pick ? stateDetails(chart, pick, title) : null,
        ),
      ];
    });
    el.replaceChildren(legend, h('div', { class: 'charts' }, ...blocks));
  }
  return { el, render };
}
