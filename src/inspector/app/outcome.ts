import { isErrorResponse } from '../../protocol/errors.js';
import { LEGS, type Lanes } from '../lanes.js';
import { paramsOf, type ParamsDoc } from '../case.js';
import { accountOf } from './account-lists.js';
import { h } from './dom.js';
import { readableTime } from '../../duration.js';
import { explanationView } from './explain-view.js';
import { segmentFill } from './timeline-legend.js';
import type { Side } from './store.js';

/** What each side hears, as one line per leg: `contact: ringing 0–3 s · tts «Привет» 3–3.45 s · talk 5–65 s`. */
function hearsSummary(lanes: Lanes): HTMLElement {
  return h(
    'ul',
    { class: 'hears-summary' },
    ...LEGS.map((leg) =>
      h(
        'li',
        { 'data-leg': leg },
        h('b', {}, `${leg}: `),
        lanes.segments.some((segment) => segment.leg === leg) ? null : h('span', { class: 'muted' }, 'never dialled'),
        ...lanes.segments
          .filter((segment) => segment.leg === leg)
          .flatMap((segment, i) => [
            i ? ' · ' : '',
            // Each chip has its lane's colour (a TTS message is violet there, a file blue).
            h('span', { class: `chip kind-${segment.kind}`, style: segment.kind === 'ringing' ? null : `background: ${segmentFill(segment)}` }, segment.label),
            ` ${readableTime(segment.from)}–${readableTime(segment.to)}`,
          ]),
      ),
    ),
  );
}

/**
 * The result of one side: the platform's error when the request is rejected (code, message, mnemonic,
 * field, value), or the outcome (finish_reason, is_lost, durations) and what each side hears.
 */
export function outcomeView(side: Side, label = '', applyFix: ((params: ParamsDoc) => void) | null = null): HTMLElement {
  if (!side.checked.ok)
    return h(
      'div',
      { class: 'outcome problems', 'data-state': side.unreadable ? 'unreadable-yaml' : 'invalid-scenario' },
      h('b', {}, side.unreadable ? `${label}The YAML cannot be read (a syntax error), so nothing runs until it is fixed:` : `${label}The scenario does not match the scenario format:`),
      h('ul', {}, ...side.checked.problems.map((p) => h('li', {}, h('code', {}, p.path || '(top level)'), ` ${p.expected}`))),
    );
  if (side.crash || !side.run)
    return h('div', { class: 'outcome problems', 'data-state': 'crash' }, h('b', {}, `${label}The simulator failed: `), side.crash ?? 'no result');
  const { response, outcome } = side.run.result;
  if (isErrorResponse(response)) {
    const { code, message, data } = response.error;
    return h(
      'div',
      { class: 'outcome rejected', 'data-state': 'rejected', 'data-code': code, 'data-mnemonic': data.mnemonic, 'data-field': data.field ?? '' },
      h('div', { class: 'headline' }, `${label}Request rejected: `, h('b', {}, `${code} ${data.mnemonic}`)),
      h('div', {}, message),
      h(
        'dl',
        {},
        h('dt', {}, 'field'), h('dd', {}, h('code', {}, data.field ?? 'null')),
        h('dt', {}, 'value'), h('dd', {}, h('code', {}, data.value === undefined ? '(not sent)' : JSON.stringify(data.value))),
        h('dt', {}, 'params'), h('dd', {}, h('code', {}, JSON.stringify(data.params))),
      ),
      explanationView(response.error, paramsOf(side.doc) ?? {}, accountOf(side.doc), applyFix),
    );
  }
  const id = (response.result.data as { call_session_id?: number }).call_session_id;
  return h(
    'div',
    {
      class: `outcome ${outcome?.is_lost ? 'lost' : 'ok'}`,
      'data-state': outcome ? 'ended' : 'running',
      'data-finish-reason': outcome?.finish_reason ?? '',
      'data-is-lost': String(outcome?.is_lost ?? ''),
    },
    h(
      'div',
      { class: 'headline' },
      label,
      outcome ? h('span', { class: 'big' }, outcome.finish_reason) : 'still running',
      outcome ? h('span', { class: `badge ${outcome.is_lost ? 'bad' : 'good'}` }, outcome.is_lost ? 'lost (no talk)' : 'talk happened') : null,
    ),
    outcome
      ? h(
          'div',
          { class: 'figures' },
          h('span', {}, 'talk ', h('b', { 'data-talk': outcome.talk_duration_ms }, readableTime(outcome.talk_duration_ms))),
          h('span', {}, 'total ', h('b', { 'data-total': outcome.total_duration_ms }, readableTime(outcome.total_duration_ms))),
          h('span', {}, 'call_session_id ', h('b', {}, String(id ?? '—'))),
          h('span', { class: 'muted' }, `simulated in ${side.run.ms.toFixed(1)} ms`),
        )
      : null,
    hearsSummary(side.run.lanes),
  );
}
