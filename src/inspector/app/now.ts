import { employeeCallMachine } from '../../../machines/employee-call.js';
import type { SessionSnapshot } from '../../sim/types.js';
import type { StateNodeLike } from '../chart.js';
import { LEGS, sourceLabel } from '../lanes.js';
import { chartSvg } from './chart-view.js';
import { h, seconds } from './dom.js';

/** A region's node with paths relative to the region, as the snapshot gives its states. */
function relative(node: StateNodeLike): StateNodeLike {
  const states = Object.fromEntries(Object.entries(node.states ?? {}).map(([key, child]) => [key, relative(child)]));
  return { ...node, key: node.key, type: node.type, path: node.path.slice(1), states, initial: node.initial, on: node.on, after: node.after };
}

/** One region of the session machine (the flow, a leg's line, what a leg hears), as its own chart. */
const region = (name: string) => relative((employeeCallMachine.root.states as unknown as Record<string, StateNodeLike>)[name]!);

/** What a leg hears at the cursor, in words. */
function hearingText(snapshot: SessionSnapshot, leg: 'employee' | 'contact'): string {
  const source = snapshot.hearing[leg];
  if (source) return sourceLabel(source);
  const status = snapshot.legs[leg].status;
  if (status === 'dialing') return 'nothing (ringing)';
  if (status === 'idle') return 'nothing (not dialled)';
  if (status === 'answered') return 'silence';
  return `nothing (${status.replace('_', ' ')})`;
}

/**
 * The machines at the cursor: what each side hears now, each leg's status, and the charts of the
 * session, leg and playback machines with their active states filled in.
 */
export function nowView(snapshot: SessionSnapshot | null, t: number, eventsAtT: number): { now: HTMLElement; charts: HTMLElement } {
  if (!snapshot) {
    const note = () => h('p', { class: 'note' }, 'No machines ran: the call did not start (see why above).');
    return { now: note(), charts: note() };
  }
  const now = h(
    'div',
    { class: 'now', 'data-t': t },
    h('div', { class: 'now-time' }, 'at ', h('b', {}, seconds(t)), eventsAtT > 1 ? h('span', { class: 'muted' }, ` (after all ${eventsAtT} events of this instant)`) : null),
    h(
      'table',
      { class: 'now-table' },
      h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, 'hears now'), h('th', {}, 'leg'), h('th', {}, 'machines: leg · playback'))),
      h(
        'tbody',
        {},
        ...LEGS.map((leg) =>
          h(
            'tr',
            { 'data-leg': leg },
            h('th', {}, leg),
            h('td', { class: 'hearing', 'data-hearing': snapshot.hearing[leg]?.kind ?? 'none' }, hearingText(snapshot, leg)),
            h('td', {}, snapshot.legs[leg].status, snapshot.legs[leg].number ? h('span', { class: 'muted' }, ` ${snapshot.legs[leg].number}`) : null),
            h(
              'td',
              {},
              h('code', { 'data-machine-state': `${leg}Leg` }, snapshot.states[`${leg}Leg`]),
              ' · ',
              h('code', { 'data-machine-state': `${leg}Playback` }, snapshot.states[`${leg}Playback`]),
            ),
          ),
        ),
      ),
    ),
    h('div', {}, 'session machine: ', h('code', { 'data-machine-state': 'session' }, snapshot.states.session)),
  );
  const charts = h(
    'div',
    { class: 'charts' },
    h('div', { class: 'chart-main' }, chartSvg(region('flow'), snapshot.states.session, 'session', 620)),
    h(
      'div',
      { class: 'chart-small' },
      ...LEGS.flatMap((leg) => [
        h('div', {}, chartSvg(region(`${leg}Leg`), snapshot.states[`${leg}Leg`], `${leg}Leg`, 300)),
        h('div', {}, chartSvg(region(`${leg}Playback`), snapshot.states[`${leg}Playback`], `${leg}Playback`, 300)),
      ]),
    ),
  );
  return { now, charts };
}
