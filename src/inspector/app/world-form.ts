import { BUILTIN_ACCOUNTS } from '../../account/builtin.js';
import type { LegName } from '../../sim/types.js';
import { paramsOf, type ScenarioDoc } from '../case.js';
import { behaviourOf, employeeNumbersWithBehaviour, withBehaviour, type WorldDoc } from '../world.js';
import { accountLists, accountOf } from './account-lists.js';
import { behaviourEditor, durationValue, textField } from './behaviour-editor.js';
import { h } from './dom.js';
import type { Side } from './store.js';

/** A copy of the scenario with `key` set, or removed when `value` is undefined. */
function withKey(doc: ScenarioDoc, key: string, value: unknown): ScenarioDoc {
  const next = { ...doc, [key]: value };
  if (value === undefined) delete next[key];
  return next;
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
    const platform = (doc.platform ?? {}) as Record<string, unknown>;
    return textField(`platform.${key}`, key, platform[key], placeholder, hint, (text) => {
      const values: Record<string, unknown> = { ...((doc.platform ?? {}) as Record<string, unknown>) };
      values[key] = key === 'tts_ms_per_char' ? (text.trim() === '' ? undefined : Number(text)) : durationValue(text);
      for (const k of Object.keys(values)) if (values[k] === undefined) delete values[k];
      commit(withKey(doc, 'platform', Object.keys(values).length ? values : undefined), false);
    });
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
        textField('seed', 'seed', doc.seed, '1', 'random usage rules (D15)', (text) =>
          commit(withKey(doc, 'seed', text.trim() === '' ? undefined : Number(text)), false),
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
