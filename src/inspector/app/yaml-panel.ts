import { docFromYaml, docToYaml, type ScenarioDoc } from '../case.js';
import { h } from './dom.js';

export interface YamlPanel {
  el: HTMLElement;
  show(doc: ScenarioDoc): void;
}

/** The whole case as a scenario file: edited or pasted text is read once typing pauses; problems are listed. */
export function yamlPanel(set: (doc: ScenarioDoc) => void, unreadable: (problems: { path: string; expected: string }[]) => void): YamlPanel {
  const text = h('textarea', { id: 'yaml', spellcheck: 'false', rows: 30 });
  const problems = h('div', { class: 'form-error', id: 'yaml-problems', hidden: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  text.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const parsed = docFromYaml(text.value);
      problems.hidden = parsed.ok;
      if (!parsed.ok) {
        problems.textContent = parsed.problems.map((p) => `${p.path || 'YAML'}: ${p.expected}`).join('\n');
        return unreadable(parsed.problems);
      }
      set(parsed.doc);
    }, 200);
  });
  const el = h('div', { class: 'yaml-panel' }, h('p', { class: 'note' }, 'The whole case as a scenario file: edit or paste one here.'), problems, text);
  return {
    el,
    show(doc) {
      text.value = docToYaml(doc);
      problems.hidden = true;
    },
  };
}
