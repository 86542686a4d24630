import type { SimEvent } from '../../sim/types.js';
import { describeEvent, whoOf } from '../../sim/format-timeline.js';
import { h } from './dom.js';
import { readableTime } from '../../duration.js';

export interface EventsList {
  el: HTMLElement;
  render(events: readonly SimEvent[], index: number, firstDiff: number | null): void;
}

/** The events in order, in step with the timeline: the current one marked, clicking one moves the cursor. */
export function eventsList(onPick: (index: number) => void): EventsList {
  const body = h('tbody');
  const el = h(
    'div',
    { class: 'events-scroll' },
    h('table', { class: 'events' }, h('thead', {}, h('tr', {}, h('th', {}, 't'), h('th', {}, 'who'), h('th', {}, 'what'))), body),
  );
  let shown: readonly SimEvent[] | null = null;
  return {
    el,
    render(events, index, firstDiff) {
      if (shown !== events) {
        shown = events;
        body.replaceChildren(
          ...events.map((event, i) =>
            h(
              'tr',
              { 'data-index': i, 'data-type': event.type, 'data-t': event.t, class: `who-${whoOf(event)}`, onclick: () => onPick(i) },
              h('td', { class: 'num' }, readableTime(event.t)),
              h('td', {}, whoOf(event)),
              h('td', {}, h('code', {}, event.type), ' ', describeEvent(event)),
            ),
          ),
        );
      }
      const rows = body.children;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as HTMLElement;
        row.classList.toggle('current', i === index);
        row.classList.toggle('future', i > index);
        row.classList.toggle('first-diff', i === firstDiff);
      }
      const current = rows[index] as HTMLElement | undefined;
      if (current) {
        const top = current.offsetTop - el.clientHeight / 2;
        if (current.offsetTop < el.scrollTop + 30 || current.offsetTop > el.scrollTop + el.clientHeight - 30) el.scrollTop = Math.max(0, top);
      }
    },
  };
}
