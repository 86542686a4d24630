import type { SessionSnapshot } from '../../sim/types.js';
import { LEGS, sourceLabel } from '../lanes.js';
import { h } from './dom.js';
import { readableTime } from '../../duration.js';

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

/** The machines at the cursor: what each side hears now, each leg's status and number, each machine's state. */
export function nowView(snapshot: SessionSnapshot | null, t: number, eventsAtT: number): HTMLElement {
  if (!snapshot) return h('p', { class: 'note' }, 'No machines ran: the call did not start (see why above).');
  return h(
    'div',
    { class: 'now', 'data-t': t },
    h('div', { class: 'now-time' }, 'at ', h('b', {}, readableTime(t)), eventsAtT > 1 ? h('span', { class: 'muted' }, ` (after all ${eventsAtT} events of this instant)`) : null),
    h(
      'table',
      { class: 'now-table' },
      h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, 'hears now'), h('th', {}, 'leg'), h('th', {}, 'states: line · hearing'))),
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
}
