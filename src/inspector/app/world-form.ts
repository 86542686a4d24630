import { BUILTIN_ACCOUNTS } from '../../account/builtin.js';
import { Account } from '../../account/schema.js';
import type { LegName } from '../../sim/types.js';
import { paramsOf, type ScenarioDoc } from '../case.js';
import { behaviourOf, employeeNumbersWithBehaviour, OUTCOMES, withBehaviour, type BehaviourDoc, type WorldDoc } from '../world.js';
import { h } from './dom.js';
import type { Side } from './store.js';

/** The account a scenario names (built-in) or holds (inline), or null when it is neither. */
export function accountOf(doc: ScenarioDoc): Account | null {
  const account = doc.account ?? 'demo';
  if (typeof account === 'string') return BUILTIN_ACCOUNTS[account] ?? null;
  const parsed = Account.safeParse(account);
  return parsed.success ? parsed.data : null;
}

/** Suggestions for the form's text fields, from the account. */
export function accountLists(account: Account | null, employeeId: unknown): HTMLElement {
  const list = (id: string, options: [string, string][]) =>
    h('datalist', { id }, ...options.map(([value, label]) => h('option', { value }, label)));
  const employee = account?.employees.find((e) => e.id === Number(employeeId));
  return h(
    'div',
    { hidden: true },
    list('dl-media', (account?.media_files ?? []).map((f) => [String(f.id), `${f.name} (${f.duration_ms / 1000} s)`])),
    list('dl-employees', (account?.employees ?? []).map((e) => [String(e.id), e.full_name])),
    list('dl-employee-numbers', (employee?.numbers ?? []).map((n) => [n.number, `${n.kind}, ${n.status}`])),
    list('dl-virtual', (account?.virtual_numbers ?? []).map((v) => [v.number, v.region])),
    list('dl-contacts', [
      ...(account?.address_book ?? []).map((a): [string, string] => [a.number, a.name]),
      ...(account?.blacklist ?? []).map((b): [string, string] => [b, 'blacklisted']),
    ]),
  );
}

/** `2s` stays text, `1500` becomes a number of ms, empty is not set. */
function durationValue(text: string): string | number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** A copy of the scenario with `key` set, or removed when `value` is undefined. */
function withKey(doc: ScenarioDoc, key: string, value: unknown): ScenarioDoc {
  const next = { ...doc, [key]: value };
  if (value === undefined) delete next[key];
  return next;
}

function textOf(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

const HINT = {
  answer_after: 'from its dialling; default 3s (D14)',
  after: 'when the failure comes; default 1s',
  hangup_after: 'from its answer; default never (D12: contact ends the talk after 60 s)',
};

/** Editor of one behaviour; `path` is its place in the scenario (`world.contact`) for error messages. */
function behaviourEditor(
  path: string,
  behaviour: BehaviourDoc,
  withEarlyMedia: boolean,
  onChange: (b: BehaviourDoc, reshaped: boolean) => void,
): HTMLElement {
  const current: BehaviourDoc = { ...behaviour, early_media: [...(behaviour.early_media ?? [])] };
  /** `reshaped`: the editor's fields change (outcome, a list item added or removed), so it is drawn anew. */
  const changed = (reshaped = false) => onChange({ ...current }, reshaped);
  const outcome = current.outcome ?? 'answer';
  const duration = (key: 'answer_after' | 'after' | 'hangup_after') =>
    h(
      'div',
      { class: 'field' },
      h('label', {}, h('code', {}, key)),
      h('input', {
        type: 'text',
        'data-path': `${path}.${key}`,
        value: textOf(current[key]),
        placeholder: key === 'answer_after' ? '3s' : key === 'after' ? '1s' : 'never',
        oninput: (e: Event) => {
          current[key] = durationValue((e.target as HTMLInputElement).value);
          changed();
        },
      }),
      h('small', {}, HINT[key]),
      h('div', { class: 'field-error', 'data-error-for': `${path}.${key}`, hidden: true }),
    );
  const outcomes = OUTCOMES.includes(outcome as never) ? OUTCOMES : [...OUTCOMES, outcome];
  const rows: (HTMLElement | null)[] = [
    h(
      'div',
      { class: 'field' },
      h('label', {}, h('code', {}, 'outcome')),
      h(
        'select',
        {
          'data-path': `${path}.outcome`,
          onchange: (e: Event) => {
            current.outcome = (e.target as HTMLSelectElement).value;
            // Keep only the timings the new outcome has (the schema refuses the others).
            if (current.outcome !== 'answer') delete current.answer_after;
            if (current.outcome !== 'answer') delete current.hangup_after;
            if (!['busy', 'unavailable', 'rejected'].includes(current.outcome)) delete current.after;
            changed(true);
          },
        },
        ...outcomes.map((o) => h('option', { value: o, selected: o === outcome }, o === 'answer' ? 'answers' : o)),
      ),
      h('div', { class: 'field-error', 'data-error-for': `${path}.outcome`, hidden: true }),
    ),
    outcome === 'answer' ? duration('answer_after') : null,
    outcome === 'answer' ? duration('hangup_after') : null,
    ['busy', 'unavailable', 'rejected'].includes(outcome) ? duration('after') : null,
  ];
  if (withEarlyMedia) {
    const list = current.early_media!;
    rows.push(
      h(
        'div',
        { class: 'field early-media' },
        h('label', {}, h('code', {}, 'early_media')),
        ...list.map((item, i) =>
          h(
            'div',
            { class: 'row' },
            h('input', {
              type: 'text',
              class: 'short',
              'data-path': `${path}.early_media[${i}].at`,
              value: textOf(item.at),
              placeholder: 'at',
              oninput: (e: Event) => {
                list[i] = { ...list[i]!, at: durationValue((e.target as HTMLInputElement).value) ?? 0 };
                changed();
              },
            }),
            h(
              'select',
              {
                onchange: (e: Event) => {
                  list[i] = { ...list[i]!, kind: (e.target as HTMLSelectElement).value };
                  changed();
                },
              },
              ...['ringback', 'voicemail', 'announcement'].map((k) => h('option', { value: k, selected: k === item.kind }, k)),
            ),
            h('button', { type: 'button', class: 'icon', title: 'remove', onclick: () => (list.splice(i, 1), changed(true)) }, '×'),
          ),
        ),
        h('button', { type: 'button', class: 'small', onclick: () => (list.push({ at: '0s', kind: 'ringback' }), changed(true)) }, '+ early media'),
        h('div', { class: 'field-error', 'data-error-for': `${path}.early_media`, hidden: true }),
      ),
    );
  }
  return h('div', { class: 'behaviour' }, ...rows);
}

export interface WorldForm {
  el: HTMLElement;
  render(doc: ScenarioDoc): void;
  showProblems(side: Side): void;
}

/**
 * The world (how each party behaves), the platform settings, the account and the random seed. Editing
 * re-renders it (a field that changes the form's shape, like outcome, needs it).
 */
export function worldForm(set: (doc: ScenarioDoc) => void): WorldForm {
  const el = h('div', { class: 'world' });
  let doc: ScenarioDoc = {};

  const worldNow = () => (doc.world ?? {}) as WorldDoc;
  /** Hands the new scenario to the store; redraws this form only when its shape changed. */
  const commit = (next: ScenarioDoc, reshaped: boolean) => {
    doc = next;
    set(next);
    if (reshaped) render(next);
  };
  const setWorld = (world: WorldDoc, reshaped: boolean) => commit(withKey(doc, 'world', Object.keys(world).length ? world : undefined), reshaped);
  const platformField = (key: 'dial_timeout' | 'tts_ms_per_char', placeholder: string, hint: string) => {
    const platform = () => (doc.platform ?? {}) as Record<string, unknown>;
    return h(
      'div',
      { class: 'field' },
      h('label', {}, h('code', {}, key)),
      h('input', {
        type: 'text',
        'data-path': `platform.${key}`,
        value: textOf(platform()[key]),
        placeholder,
        oninput: (e: Event) => {
          const text = (e.target as HTMLInputElement).value;
          const values: Record<string, unknown> = { ...platform() };
          if (key === 'tts_ms_per_char') values[key] = text.trim() === '' ? undefined : Number(text);
          else values[key] = durationValue(text);
          for (const k of Object.keys(values)) if (values[k] === undefined) delete values[k];
          commit(withKey(doc, 'platform', Object.keys(values).length ? values : undefined), false);
        },
      }),
      h('small', {}, hint),
      h('div', { class: 'field-error', 'data-error-for': `platform.${key}`, hidden: true }),
    );
  };

  function render(next: ScenarioDoc): void {
    doc = next;
    const world = worldNow();
    const account = accountOf(doc);
    const employeeId = paramsOf(doc)?.employee;
    const employee = account?.employees.find((e) => e.id === Number((employeeId as { id?: unknown } | undefined)?.id));
    const numbers = [...new Set([...(employee?.numbers.map((n) => n.number) ?? []), ...employeeNumbersWithBehaviour(world)])];
    const editor = (leg: LegName, number: string | null, early: boolean) =>
      behaviourEditor(
        number ? `world.${leg}.${number}` : `world.${leg}`,
        behaviourOf(world, leg, number) ?? {},
        early,
        (b, reshaped) => setWorld(withBehaviour(worldNow(), leg, number, b), reshaped),
      );
    el.replaceChildren(
      h('fieldset', {}, h('legend', {}, 'Contact (the client)'), editor('contact', null, true)),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Employee — every number'),
        editor('employee', null, false),
        ...numbers.map((number) => {
          const own = behaviourOf(world, 'employee', number);
          const info = employee?.numbers.find((n) => n.number === number);
          return h(
            'div',
            { class: 'per-number' },
            h(
              'label',
              { class: 'check' },
              h('input', {
                type: 'checkbox',
                checked: own !== null,
                'data-number': number,
                onchange: (e: Event) =>
                  setWorld(
                    withBehaviour(worldNow(), 'employee', number, (e.target as HTMLInputElement).checked ? { outcome: 'busy' } : null),
                    true,
                  ),
              }),
              ' own behaviour for ',
              h('code', {}, number),
              info ? h('span', { class: 'muted' }, ` (${info.kind}, ${info.status})`) : null,
            ),
            own ? editor('employee', number, false) : null,
          );
        }),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Platform and account'),
        platformField('dial_timeout', '30s', 'per number (D3)'),
        platformField('tts_ms_per_char', '75', 'TTS length per character (D2)'),
        h(
          'div',
          { class: 'field' },
          h('label', {}, h('code', {}, 'account')),
          typeof doc.account === 'object' && doc.account !== null
            ? h('span', {}, 'inline account (edit it in YAML)')
            : h(
                'select',
                { 'data-path': 'account', onchange: (e: Event) => commit({ ...doc, account: (e.target as HTMLSelectElement).value }, true) },
                ...Object.keys(BUILTIN_ACCOUNTS).map((name) => h('option', { value: name, selected: name === (doc.account ?? 'demo') }, name)),
              ),
          h('div', { class: 'field-error', 'data-error-for': 'account', hidden: true }),
        ),
        h(
          'div',
          { class: 'field' },
          h('label', {}, h('code', {}, 'seed')),
          h('input', {
            type: 'text',
            'data-path': 'seed',
            value: textOf(doc.seed),
            placeholder: '1',
            oninput: (e: Event) => {
              const text = (e.target as HTMLInputElement).value.trim();
              commit(withKey(doc, 'seed', text === '' ? undefined : Number(text)), false);
            },
          }),
          h('small', {}, 'random usage rules (D15)'),
          h('div', { class: 'field-error', 'data-error-for': 'seed', hidden: true }),
        ),
      ),
      accountLists(account, (employeeId as { id?: unknown } | undefined)?.id),
    );
  }

  return {
    el,
    render,
    showProblems(side) {
      for (const slot of el.querySelectorAll<HTMLElement>('.field-error')) slot.hidden = true;
      if (side.checked.ok) return;
      for (const problem of side.checked.problems) {
        const slot = [...el.querySelectorAll<HTMLElement>('.field-error')].find(
          (s) => problem.path === s.dataset.errorFor || problem.path.startsWith(`${s.dataset.errorFor}[`),
        );
        if (!slot) continue;
        slot.textContent = problem.expected;
        slot.hidden = false;
      }
    },
  };
}
