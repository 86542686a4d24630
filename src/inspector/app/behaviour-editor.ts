import { EarlyMediaKind, FAILS_AFTER, LegOutcome } from '../../scenario/schema.js';
import type { BehaviourDoc } from '../world.js';
import { codeName, h } from './dom.js';

/** `2s` stays text, `1500` becomes a number of ms, empty is not set. */
export function durationValue(text: string): string | number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function textOf(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** A labelled text field of the world form; `path` names it in the scenario (`world.contact.answer_after`) for errors. */
export function textField(path: string, label: string, value: unknown, placeholder: string, hint: string, onText: (text: string) => void): HTMLElement {
  return h(
    'div',
    { class: 'field' },
    h('label', {}, codeName(label)),
    h('input', {
      type: 'text', 'data-path': path, value: textOf(value), placeholder,
      oninput: (e: Event) => onText((e.target as HTMLInputElement).value),
    }),
    h('small', {}, hint),
    h('div', { class: 'field-error', 'data-error-for': path, hidden: true }),
  );
}

const DURATIONS = {
  answer_after: { placeholder: '3s', hint: 'from its dialling; default 3s (D14)' },
  after: { placeholder: '1s', hint: 'when the failure comes; default 1s' },
  hangup_after: { placeholder: 'never', hint: 'from its answer; default never (D12: contact ends the talk after 60 s)' },
};

const OUTCOME_LABELS: Record<string, string> = { answer: 'answers', manual: 'manual (a control command answers or fails it)' };

type EarlyMedia = NonNullable<BehaviourDoc['early_media']>;

/** Item `i` of an early media list: when (from the dialling) and what the line plays; edits change `list` in place. */
function earlyMediaRow(path: string, list: EarlyMedia, i: number, changed: (reshaped?: boolean) => void): HTMLElement {
  const item = list[i]!;
  return h(
    'div',
    { class: 'row' },
    h('input', {
      type: 'text', class: 'short', 'data-path': `${path}.early_media[${i}].at`, value: textOf(item.at), placeholder: 'at',
      oninput: (e: Event) => ((list[i] = { ...list[i]!, at: durationValue((e.target as HTMLInputElement).value) ?? 0 }), changed()),
    }),
    h(
      'select',
      { onchange: (e: Event) => ((list[i] = { ...list[i]!, kind: (e.target as HTMLSelectElement).value }), changed()) },
      ...EarlyMediaKind.options.map((k) => h('option', { value: k, selected: k === item.kind }, k)),
    ),
    h('button', { type: 'button', class: 'icon', title: 'remove', onclick: () => (list.splice(i, 1), changed(true)) }, '×'),
  );
}

/**
 * Editor of one party's behaviour: outcome, its timings, and (for the contact) early media. `path` is its
 * place in the scenario (`world.contact`) for error messages. `onChange(b, reshaped)`: reshaped when the
 * editor's fields change (outcome, an item added or removed), so it must be drawn anew.
 */
export function behaviourEditor(
  path: string,
  behaviour: BehaviourDoc,
  withEarlyMedia: boolean,
  onChange: (b: BehaviourDoc, reshaped: boolean) => void,
): HTMLElement {
  const current: BehaviourDoc = { ...behaviour, early_media: [...(behaviour.early_media ?? [])] };
  const changed = (reshaped = false) => onChange({ ...current }, reshaped);
  const outcome = current.outcome ?? 'answer';
  const duration = (key: keyof typeof DURATIONS) =>
    textField(`${path}.${key}`, key, current[key], DURATIONS[key].placeholder, DURATIONS[key].hint, (text) => {
      current[key] = durationValue(text);
      changed();
    });
  const outcomes: string[] = LegOutcome.options.includes(outcome as never) ? LegOutcome.options : [...LegOutcome.options, outcome];
  const select = h(
    'select',
    {
      'data-path': `${path}.outcome`,
      onchange: (e: Event) => {
        current.outcome = (e.target as HTMLSelectElement).value;
        // Keep only the timings the new outcome has (the schema refuses the others).
        if (current.outcome !== 'answer') delete current.answer_after;
        if (current.outcome !== 'answer') delete current.hangup_after;
        if (!FAILS_AFTER.includes(current.outcome as never)) delete current.after;
        changed(true);
      },
    },
    ...outcomes.map((o) => h('option', { value: o, selected: o === outcome }, OUTCOME_LABELS[o] ?? o)),
  );
  const rows: (HTMLElement | null)[] = [
    h('div', { class: 'field' }, h('label', {}, h('code', {}, 'outcome')), select, h('div', { class: 'field-error', 'data-error-for': `${path}.outcome`, hidden: true })),
    outcome === 'answer' ? duration('answer_after') : null,
    outcome === 'answer' ? duration('hangup_after') : null,
    FAILS_AFTER.includes(outcome as never) ? duration('after') : null,
  ];
  if (withEarlyMedia) {
    const list = current.early_media!;
    rows.push(
      h(
        'div',
        { class: 'field early-media' },
        h('label', {}, h('code', {}, 'early_media')),
        ...list.map((_, i) => earlyMediaRow(path, list, i, changed)),
        h('button', { type: 'button', class: 'small', onclick: () => (list.push({ at: '0s', kind: 'ringback' }), changed(true)) }, '+ early media'),
        h('div', { class: 'field-error', 'data-error-for': `${path}.early_media`, hidden: true }),
      ),
    );
  }
  return h('div', { class: 'behaviour' }, ...rows);
}
