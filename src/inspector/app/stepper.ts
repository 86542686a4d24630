import { h } from './dom.js';
import { readableTime } from '../../duration.js';
import type { Store, Zoom } from './store.js';

const ZOOMS: [Zoom, string][] = [
  ['auto', 'show: up to the talk'],
  ['all', 'show: whole call'],
  ['10000', 'show: 10 s'],
  ['30000', 'show: 30 s'],
  ['60000', 'show: 1 min'],
];

export interface Stepper {
  el: HTMLElement;
  render(): void;
}

/**
 * Stepping through the call: start / previous / next / end buttons (and the keys → ← n p Home End when
 * no text field has focus), the time scrubber, the cursor's time and event number, the time window.
 */
export function stepper(store: Store): Stepper {
  const scrubber = h('input', { type: 'range', id: 'scrubber', min: 0, max: 0, step: 10, value: 0, 'aria-label': 'time' });
  scrubber.addEventListener('input', () => store.setTime(Number(scrubber.value)));
  const label = h('span', { id: 'cursor-time', class: 'cursor-time' });
  const zoom = h('select', { id: 'zoom', title: 'Time window' }, ...ZOOMS.map(([value, text]) => h('option', { value }, text)));
  zoom.addEventListener('change', () => store.setZoom(zoom.value as Zoom));
  const step = (delta: number | 'start' | 'end') => () => {
    const count = store.a.run?.result.events.length ?? 0;
    store.setIndex(delta === 'start' ? -1 : delta === 'end' ? count - 1 : store.index + delta);
  };
  const button = (id: string, title: string, text: string, action: () => void) => h('button', { type: 'button', id, title, onclick: action }, text);
  const el = h(
    'div',
    { class: 'stepper' },
    button('first-event', 'Start (Home)', '|◀', step('start')),
    button('prev-event', 'Previous event (←)', '◀ prev', step(-1)),
    button('next-event', 'Next event (→)', 'next ▶', step(1)),
    button('last-event', 'End (End)', '▶|', step('end')),
    scrubber,
    label,
    zoom,
  );
  const keys: Record<string, () => void> = { ArrowRight: step(1), ArrowLeft: step(-1), Home: step('start'), End: step('end'), n: step(1), p: step(-1) };
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) && target !== scrubber) return;
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });
  return {
    el,
    render() {
      scrubber.max = String(store.end());
      scrubber.value = String(store.cursor());
      label.textContent = `t = ${readableTime(store.cursor())} · event ${store.index + 1} / ${store.a.run?.result.events.length ?? 0}`;
      label.dataset.t = String(store.cursor());
      label.dataset.index = String(store.index);
    },
  };
}
