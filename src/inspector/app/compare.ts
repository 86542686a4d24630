import type { ParamsDoc } from '../case.js';
import { describeEvent, whoOf } from '../../sim/format-timeline.js';
import type { RunDiff } from '../diff.js';
import type { SimEvent } from '../../sim/types.js';
import { h } from './dom.js';
import { readableTime } from '../../duration.js';
import { outcomeView } from './outcome.js';
import type { Side } from './store.js';

/** Names of the parameters that differ between A and B, with their values (`switch_at_once: true → false`). */
export function paramsDifference(a: ParamsDoc, b: ParamsDoc): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  const show = (v: unknown) => (v === undefined ? 'not sent' : JSON.stringify(v));
  return [...names].filter((n) => JSON.stringify(a[n]) !== JSON.stringify(b[n])).map((n) => `${n}: ${show(a[n])} → ${show(b[n])}`);
}

/** B's parameters when comparing starts: A's with switch_at_once flipped (the most asked comparison). */
export function initialB(a: ParamsDoc): ParamsDoc {
  return { ...structuredClone(a), switch_at_once: a.switch_at_once !== true };
}

function eventLine(label: string, event: SimEvent | null): HTMLElement {
  const body = event
    ? h('span', {}, `${readableTime(event.t)} ${whoOf(event)} — `, h('code', {}, event.type), ` ${describeEvent(event)}`)
    : h('span', { class: 'muted' }, 'no more events');
  return h('div', { class: 'diff-event' }, h('b', {}, label), body);
}

/** The comparison's summary: what differs in the parameters, where the runs part, both outcomes. */
export function compareSummary(a: Side, b: Side, aParams: ParamsDoc, bParams: ParamsDoc, diff: RunDiff | null): HTMLElement {
  const changed = paramsDifference(aParams, bParams);
  return h(
    'div',
    { class: 'compare-summary', 'data-first-diff': diff?.firstTime ?? '' },
    h('div', {}, h('b', {}, 'B differs from A in: '), changed.length ? changed.join('; ') : h('span', { class: 'muted' }, 'nothing (edit B in the “Parameters B” tab)')),
    diff === null
      ? h('p', { class: 'muted' }, 'One of the two requests did not run: see its outcome below.')
      : diff.firstIndex === null
        ? h('p', { class: 'same' }, 'Same events, same sounds: the difference does not change this call.')
        : h(
            'div',
            { class: 'first-diff' },
            h('div', {}, h('b', {}, `First difference at ${readableTime(diff.firstTime ?? 0)}`), ` (event #${diff.firstIndex + 1}):`),
            eventLine('A: ', diff.a),
            eventLine('B: ', diff.b),
            h('div', { class: 'muted' }, `${diff.onlyA.length} segment(s) only in A, ${diff.onlyB.length} only in B (outlined in orange).`),
          ),
    h('div', { class: 'compare-outcomes' }, outcomeView(a, 'A: '), outcomeView(b, 'B: ')),
  );
}
