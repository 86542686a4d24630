import type { SimEvent } from '../../../sim/types.js';
import { scenarioParams } from '../case.js';
import { copyCase, relabelling, type Relation } from './relation.js';

/** A neighbour with one request parameter changed; null when it already has that value. */
function withParam(name: string, value: unknown) {
  return (base: Parameters<Relation['neighbour']>[0]) => {
    if (scenarioParams(base.scenario)[name] === value) return null;
    const next = copyCase(base);
    if (value === undefined) delete scenarioParams(next.scenario)[name];
    else scenarioParams(next.scenario)[name] = value;
    return next;
  };
}

const same = (event: SimEvent) => event;

export const directionIsALabel = relabelling({
  name: 'direction-is-a-label',
  rules: ['R16'],
  statement: '`direction: out` instead of `in` changes only session.started.direction',
  neighbour: withParam('direction', 'out'),
  relabel: (event) => (event.type === 'session.started' ? { ...event, direction: 'out' } : event),
});

/** The account's system file `dialing_music` (id 1) instead of file 2701. */
const OTHER_HOLD_MUSIC = 1;

export const holdMusicIsALabel = relabelling({
  name: 'hold-music-is-a-label',
  rules: ['R3', 'R8', 'R9', 'D13'],
  statement: 'another `media_file_id` changes only the media_file_id of the hold_music sources: when and how long it plays stay',
  neighbour: withParam('media_file_id', OTHER_HOLD_MUSIC),
  relabel: (event) =>
    (event.type === 'audio.started' || event.type === 'audio.stopped') && event.source.kind === 'hold_music'
      ? { ...event, source: { ...event.source, media_file_id: OTHER_HOLD_MUSIC } }
      : event,
});

export const externalIdIsALabel = relabelling({
  name: 'external-id-is-a-label',
  rules: ['R16'],
  statement: 'without `external_id` only session.started.external_id changes (to null)',
  neighbour: withParam('external_id', undefined),
  relabel: (event) => (event.type === 'session.started' ? { ...event, external_id: null } : event),
});

export const callerIdIsALabel = relabelling({
  name: 'caller-id-is-a-label',
  rules: ['R11', 'D5'],
  statement: '`show_virtual_phone_number: true` instead of false changes only the employee’s caller_id, to the virtual number',
  neighbour: withParam('show_virtual_phone_number', true),
  relabel: (event, baseRun) => {
    if (event.type !== 'leg.dialing' || event.leg !== 'employee') return same(event);
    const started = baseRun.events.find((e) => e.type === 'session.started');
    return { ...event, caller_id: started?.type === 'session.started' ? started.virtual_phone_number : '?' };
  },
});
