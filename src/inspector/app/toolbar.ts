import { paramsOf, withParams } from '../case.js';
import { fileNameOf } from '../export.js';
import { initialB } from './compare.js';
import { h } from './dom.js';
import { captionOf, exportPng, exportScenario, exportSvg, stackSvgs } from './export-actions.js';
import { flashLine, say } from './flash.js';
import { statelyToggle } from './stately.js';
import { scenarioPicker } from './scenario-picker.js';
import type { Store } from './store.js';

export interface Toolbar {
  el: HTMLElement;
  render(): void;
}

/**
 * The top bar: open a scenario file, compare A | B, copy the link, export (YAML, PNG, SVG), the Stately
 * Inspector, and a line for short messages. `timelines` gives the drawn timelines (the images' content).
 */
export function toolbar(store: Store, timelines: () => SVGSVGElement[], onCompare: (on: boolean) => void): Toolbar {
  const button = (id: string, text: string, title: string | null, action: () => unknown) =>
    h('button', { type: 'button', id, title, onclick: () => void action() }, text);

  const picker = scenarioPicker((next) => store.load(next));
  const compare = button('compare-toggle', 'Compare A | B', 'Run a second parameter set on the same world', () => {
    const on = store.case.compare === null;
    store.setCompare(on ? initialB(paramsOf(store.case.scenario) ?? {}) : null, 'load');
    onCompare(on);
  });
  const copyLink = button('copy-link', 'Copy link', 'The whole case is in the link', async () => {
    await store.writeHash();
    try {
      await navigator.clipboard.writeText(location.href);
      say('Link copied: it reproduces this case.');
    } catch {
      // No clipboard (permissions, file://): show the link selected, ready for Ctrl+C.
      const field = h('input', { type: 'text', readonly: true, value: location.href, class: 'link-field', id: 'link-field' });
      say('Copy the link: ', field);
      field.select();
    }
  });
  const name = (extension: string) => fileNameOf(store.case.scenario, extension);
  const withImage = (save: (svg: SVGSVGElement) => Promise<void> | void) => () => {
    const parts = timelines();
    if (parts.length === 0) return say('Nothing to draw: the request did not run.');
    return Promise.resolve(save(stackSvgs(parts, captionOf(store)))).catch((e: Error) => say(e.message));
  };
  const exportYaml = () => {
    if (!store.a.run) return say('Nothing to export: the scenario does not run.');
    const compareB = store.case.compare;
    if (!compareB || !store.b?.run) return say(`Saved ${exportScenario(store.case.scenario, store.a.run.result, store.case.edited ?? false)}`);
    // Comparing: both cases, each a scenario `verify` runs (same world, its own parameters).
    const a = exportScenario(store.case.scenario, store.a.run.result, store.case.edited ?? false, 'A');
    const b = exportScenario(withParams(store.case.scenario, compareB), store.b.run.result, true, 'B');
    say(`Saved ${a} and ${b}`);
  };
  const exports = h(
    'span',
    { class: 'group' },
    'Export: ',
    button('export-yaml', 'Export YAML', 'Scenario file with expect filled from this result (A and B when comparing)', exportYaml),
    button('export-png', 'PNG', 'The timeline as an image', withImage((svg) => exportPng(svg, name('png')))),
    button('export-svg', 'SVG', 'The timeline as a vector image', withImage((svg) => exportSvg(svg, name('svg')))),
  );
  const el = h(
    'header',
    { class: 'top' },
    h('h1', {}, 'Call inspector ', h('small', {}, 'start.employee_call')),
    picker,
    compare,
    copyLink,
    exports,
    statelyToggle(store, say),
    flashLine,
  );
  return {
    el,
    render() {
      compare.setAttribute('aria-pressed', String(store.b !== null));
      // A raw body has no parameters to vary: comparing starts from a request with params.
      const raw = paramsOf(store.case.scenario) === null && store.b === null;
      compare.toggleAttribute('disabled', raw);
      compare.title = raw
        ? 'This scenario sends a raw body, which has no parameters to vary: compare a request with params'
        : 'Run a second parameter set on the same world';
    },
  };
}
