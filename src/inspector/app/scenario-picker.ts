import scenarioFiles from 'virtual:scenarios';
import { docFromYaml, seedCase, type InspectorCase } from '../case.js';
import { filterGroups, scenarioGroups } from '../scenario-index.js';
import { h } from './dom.js';

const GROUPS = scenarioGroups(scenarioFiles);

/**
 * "Open a scenario…": a dialog listing every file of `scenarios/` by its title, grouped by the rule it is
 * named after (R1…R16, D…, V…), in natural order, with a search box (title, file, rules, description).
 */
export function scenarioPicker(open: (next: InspectorCase) => void): HTMLElement {
  const search = h('input', { type: 'search', id: 'scenario-search', placeholder: 'Search: title, rule (R7), file, words…', autocomplete: 'off', 'aria-label': 'Search the scenarios' });
  const list = h('div', { class: 'picker-list', id: 'scenario-list' });
  const close = h('button', { type: 'button', class: 'icon picker-close', title: 'Close', 'aria-label': 'Close' }, '×');
  const dialog = h(
    'dialog',
    { class: 'picker', id: 'scenario-dialog', 'aria-label': 'Open a scenario' },
    h('div', { class: 'picker-head' }, h('b', {}, `Open a scenario (${scenarioFiles.length} files)`), close),
    search,
    list,
  );
  const choose = (next: InspectorCase) => {
    dialog.close();
    open(next);
  };
  const item = (file: string, title: string, detail: string, pick: () => void) =>
    h('button', { type: 'button', class: 'picker-item', 'data-file': file, title: detail, onclick: pick }, h('span', { class: 'picker-title' }, title), h('small', {}, detail));
  const render = () => {
    const groups = filterGroups(GROUPS, search.value);
    list.replaceChildren(
      ...(search.value.trim() ? [] : [item('#seed', 'seed example — the platform’s own request', 'the default case', () => choose(seedCase()))]),
      ...groups.map((group) =>
        h(
          'section',
          { class: 'picker-group', 'data-rule': group.rule },
          h('h3', {}, group.rule === 'Other' ? 'Other scenarios' : `${group.rule}`),
          ...group.entries.map((entry) =>
            item(entry.file, entry.title, `${entry.file}${entry.rules.length ? ` · ${entry.rules.join(', ')}` : ''}`, () => {
              const parsed = docFromYaml(scenarioFiles.find((f) => f.file === entry.file)?.text ?? '');
              if (parsed.ok) choose({ scenario: parsed.doc, compare: null, t: null, edited: false });
            }),
          ),
        ),
      ),
      ...(groups.length ? [] : [h('p', { class: 'note' }, 'No scenario matches.')]),
    );
  };
  search.addEventListener('input', render);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => event.target === dialog && dialog.close());
  const button = h('button', {
    type: 'button', id: 'open-scenario', class: 'picker-button', title: 'Open a scenario file from scenarios/',
    onclick: () => {
      render();
      dialog.showModal();
      search.focus();
    },
  }, `Open a scenario… (${scenarioFiles.length})`);
  return h('span', { class: 'picker-wrap' }, button, dialog);
}
