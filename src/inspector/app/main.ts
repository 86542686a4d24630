import scenarioFiles from 'virtual:scenarios';
import './app.css';
import type { InspectionEvent } from 'xstate';
import { docFromYaml, docToYaml, paramsOf, seedCase, withParams, type ParamsDoc } from '../case.js';
import { decodeCase, encodeCase } from '../codec.js';
import { compareSummary, initialB, paramsDifference } from './compare.js';
import { byId, h, seconds } from './dom.js';
import { eventsList } from './events.js';
import { exportPng, exportScenario, exportSvg, stackSvgs } from './export-actions.js';
import { paramsForm } from './form.js';
import { liveView } from './live.js';
import { nowView } from './now.js';
import { outcomeView } from './outcome.js';
import { startStately } from './stately.js';
import { Store, type Origin, type Zoom } from './store.js';
import { timeAtX, timelineSvg } from './timeline.js';
import { worldForm } from './world-form.js';
import { frameAt } from '../run.js';
import { fileNameOf } from '../export.js';
import { segmentKey } from '../diff.js';

const store = new Store();

// ── Inputs: parameters (A and B), world, YAML ───────────────────────────────────────────────────────
const formA = paramsForm('a', () => paramsOf(store.case.scenario), (params) => store.setScenario(withParams(store.case.scenario, params), 'form'));
const formB = paramsForm('b', () => store.case.compare, (params) => store.setCompare(params, 'formB'));
const world = worldForm((doc) => store.setScenario(doc, 'world'));
const yamlText = h('textarea', { id: 'yaml', spellcheck: 'false', rows: 30 });
const yamlProblems = h('div', { class: 'form-error', id: 'yaml-problems', hidden: true });
let yamlTimer: ReturnType<typeof setTimeout> | undefined;
yamlText.addEventListener('input', () => {
  clearTimeout(yamlTimer);
  yamlTimer = setTimeout(() => {
    const parsed = docFromYaml(yamlText.value);
    yamlProblems.hidden = parsed.ok;
    if (!parsed.ok) return void (yamlProblems.textContent = parsed.problems.map((p) => `${p.path}: ${p.expected}`).join('\n'));
    store.setScenario(parsed.doc, 'yaml');
  }, 200);
});

const TABS = [
  { id: 'params', label: 'Parameters', body: formA.el },
  { id: 'world', label: 'World', body: world.el },
  { id: 'yaml', label: 'YAML', body: h('div', { class: 'yaml-panel' }, h('p', { class: 'note' }, 'The whole case as a scenario file: edit or paste one here.'), yamlProblems, yamlText) },
  { id: 'b', label: 'Parameters B', body: formB.el },
];
const tabBar = h('div', { class: 'tabs', role: 'tablist' });
const panels = h('div', { class: 'panels' });
function showTab(id: string): void {
  for (const button of tabBar.querySelectorAll<HTMLButtonElement>('button')) button.setAttribute('aria-selected', String(button.dataset.tab === id));
  for (const panel of panels.children) (panel as HTMLElement).hidden = (panel as HTMLElement).dataset.panel !== id;
}
for (const tab of TABS) {
  tabBar.append(h('button', { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'data-tab': tab.id, onclick: () => showTab(tab.id) }, tab.label));
  panels.append(h('div', { 'data-panel': tab.id, role: 'tabpanel' }, tab.body));
}

// ── Header: scenarios, compare, share, export, Stately ──────────────────────────────────────────────
const picker = h(
  'select',
  { id: 'scenario-picker', title: 'Open a scenario file from scenarios/' },
  h('option', { value: '' }, `Open a scenario… (${scenarioFiles.length} files)`),
  h('option', { value: '#seed' }, 'seed example — the platform’s own request'),
  ...scenarioFiles.map((f) => h('option', { value: f.file }, f.file.replace(/\.ya?ml$/, ''))),
);
picker.addEventListener('change', () => {
  if (picker.value === '#seed') return store.load(seedCase());
  const file = scenarioFiles.find((f) => f.file === picker.value);
  if (!file) return;
  const parsed = docFromYaml(file.text);
  if (parsed.ok) store.load({ scenario: parsed.doc, compare: null, t: null });
});
const compareButton = h('button', { type: 'button', id: 'compare-toggle', 'aria-pressed': 'false' }, 'Compare A | B');
compareButton.addEventListener('click', () => {
  const on = store.case.compare === null;
  store.setCompare(on ? initialB(paramsOf(store.case.scenario) ?? {}) : null, 'load');
  showTab(on ? 'b' : 'params');
});
const flash = h('span', { class: 'flash', id: 'flash', 'aria-live': 'polite' });
function say(text: string): void {
  flash.textContent = text;
  setTimeout(() => (flash.textContent === text ? (flash.textContent = '') : undefined), 3000);
}
const copyLink = h('button', { type: 'button', id: 'copy-link', title: 'The whole case is in the link' }, 'Copy link');
copyLink.addEventListener('click', async () => {
  await store.writeHash();
  try {
    await navigator.clipboard.writeText(location.href);
    say('Link copied: it reproduces this case.');
  } catch {
    // No clipboard (permissions, file://): show the link selected, ready for Ctrl+C.
    const field = h('input', { type: 'text', readonly: true, value: location.href, class: 'link-field', id: 'link-field' });
    flash.replaceChildren('Copy the link: ', field);
    field.select();
  }
});
const exportYaml = h('button', { type: 'button', id: 'export-yaml', title: 'Scenario file with expect filled from this result' }, 'Export YAML');
exportYaml.addEventListener('click', () => {
  if (store.a.run) exportScenario(store.case.scenario, store.a.run.result);
  else say('Nothing to export: the scenario does not run.');
});
const timelineImage = () => stackSvgs([...lanesBox.querySelectorAll<SVGSVGElement>('svg.timeline')]);
const exportPngButton = h('button', { type: 'button', id: 'export-png' }, 'PNG');
exportPngButton.addEventListener('click', () => void exportPng(timelineImage(), fileNameOf(store.case.scenario, 'png')).catch((e: Error) => say(e.message)));
const exportSvgButton = h('button', { type: 'button', id: 'export-svg' }, 'SVG');
exportSvgButton.addEventListener('click', () => exportSvg(timelineImage(), fileNameOf(store.case.scenario, 'svg')));
const statelyBox = h('input', { type: 'checkbox', id: 'stately' });
statelyBox.addEventListener('change', async () => {
  if (!statelyBox.checked) {
    store.runOptions = () => undefined;
    return say('Stately Inspector off.');
  }
  try {
    const handle = await startStately();
    let seen = 0;
    const inspect = (event: InspectionEvent) => {
      seen++;
      handle.inspect.next?.(event);
    };
    store.runOptions = () => ({ inspect });
    store.setScenario(store.case.scenario, 'view');
    say(
      seen > 0
        ? 'Sent to the Stately Inspector window (needs the internet).'
        : 'Stately Inspector opened, but no inspection events reached it.',
    );
  } catch (error) {
    statelyBox.checked = false;
    say(`Stately Inspector unavailable: ${(error as Error).message}`);
  }
});

// ── The call: outcome, lanes with stepping, now, charts, events ─────────────────────────────────────
const outcomeBox = h('div', { id: 'outcome' });
const lanesBox = h('div', { id: 'lanes', class: 'lanes' });
const compareBox = h('div', { id: 'compare' });
const nowBox = h('div', { id: 'now' });
const chartBox = h('div', { id: 'chart' });
const events = eventsList((index) => store.setIndex(index));
const scrubber = h('input', { type: 'range', id: 'scrubber', min: 0, max: 0, step: 10, value: 0, 'aria-label': 'time' });
scrubber.addEventListener('input', () => store.setTime(Number(scrubber.value)));
const cursorLabel = h('span', { id: 'cursor-time', class: 'cursor-time' });
const zoom = h(
  'select',
  { id: 'zoom', title: 'Time window' },
  ...([['auto', 'show: up to the talk'], ['all', 'show: whole call'], ['10000', 'show: 10 s'], ['30000', 'show: 30 s'], ['60000', 'show: 1 min']] as const).map(
    ([value, label]) => h('option', { value }, label),
  ),
);
zoom.addEventListener('change', () => store.setZoom(zoom.value as Zoom));
const step = (delta: number | 'start' | 'end') => () => {
  const count = store.a.run?.result.events.length ?? 0;
  store.setIndex(delta === 'start' ? -1 : delta === 'end' ? count - 1 : store.index + delta);
};
const controls = h(
  'div',
  { class: 'stepper' },
  h('button', { type: 'button', id: 'first-event', title: 'Start (Home)', onclick: step('start') }, '|◀'),
  h('button', { type: 'button', id: 'prev-event', title: 'Previous event (←)', onclick: step(-1) }, '◀ prev'),
  h('button', { type: 'button', id: 'next-event', title: 'Next event (→)', onclick: step(1) }, 'next ▶'),
  h('button', { type: 'button', id: 'last-event', title: 'End (End)', onclick: step('end') }, '▶|'),
  scrubber,
  cursorLabel,
  zoom,
);
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) && target !== scrubber) return;
  const keys: Record<string, () => void> = { ArrowRight: step(1), ArrowLeft: step(-1), Home: step('start'), End: step('end'), n: step(1), p: step(-1) };
  const action = keys[event.key];
  if (!action) return;
  event.preventDefault();
  action();
});
lanesBox.addEventListener('click', (event) => {
  const svg = (event.target as Element).closest('svg.timeline');
  if (!svg) return;
  const t = timeAtX(svg as SVGSVGElement, event.clientX);
  if (t !== null) store.setTime(t);
});

/** The time window drawn: up to a little after the talk starts (where the call's logic is), or as chosen. */
function viewEnd(): number {
  const end = Math.max(store.end(), 1000);
  if (store.zoom === 'all') return end;
  if (store.zoom !== 'auto') return Number(store.zoom);
  const talks = [store.a, store.b].flatMap((side) => side?.run?.lanes.moments.filter((m) => m.type === 'talk.started') ?? []);
  const talk = talks.length ? Math.max(...talks.map((m) => m.t)) : null;
  const window = talk === null ? end : Math.min(end, talk + Math.max(5000, talk * 0.4));
  return Math.max(window, Math.min(end, store.cursor() + 1000));
}

/** `A — switch_at_once: true`: the side's values of the parameters that differ (titles of the compared timelines). */
function sideTitle(name: string, own: ParamsDoc, other: ParamsDoc): string {
  const values = paramsDifference(own, other).map((line) => line.replace(/ → .*$/, ''));
  return values.length ? `${name} — ${values.join(', ')}` : name;
}

function renderCall(): void {
  const a = store.a;
  const b = store.b;
  const width = Math.max(640, lanesBox.clientWidth || 900);
  const end = viewEnd();
  const diff = store.diff;
  const keysOf = (segments: { leg: string }[] | undefined) => new Set((segments ?? []).map((x) => segmentKey(x as never)));
  lanesBox.replaceChildren(
    ...(a.run
      ? [timelineSvg(a.run.lanes, { width, viewEnd: end, cursor: store.cursor(), title: b ? sideTitle('A', paramsOf(a.doc) ?? {}, store.case.compare ?? {}) : undefined, diff: b && diff ? { keys: keysOf(diff.onlyA), first: diff.firstTime } : undefined })]
      : []),
    ...(b?.run ? [timelineSvg(b.run.lanes, { width, viewEnd: end, cursor: store.cursor(), title: sideTitle('B', store.case.compare ?? {}, paramsOf(a.doc) ?? {}), diff: diff ? { keys: keysOf(diff.onlyB), first: diff.firstTime } : undefined })] : []),
  );
  outcomeBox.replaceChildren(b ? h('div') : outcomeView(a));
  compareBox.replaceChildren(b ? compareSummary(a, b, paramsOf(a.doc) ?? {}, store.case.compare ?? {}, diff) : h('div'));
  const result = a.run?.result;
  scrubber.max = String(store.end());
  scrubber.value = String(store.cursor());
  const count = result?.events.length ?? 0;
  cursorLabel.textContent = `t = ${seconds(store.cursor())} · event ${store.index + 1} / ${count}`;
  cursorLabel.dataset.t = String(store.cursor());
  cursorLabel.dataset.index = String(store.index);
  events.render(result?.events ?? [], store.index, diff?.firstIndex ?? null);
  const frame = a.run ? frameAt(a.run, store.cursor()) : null;
  const { now, charts } = nowView(frame?.snapshot ?? null, store.cursor(), frame ? frame.end - frame.first : 0);
  nowBox.replaceChildren(now);
  chartBox.replaceChildren(charts);
  compareButton.setAttribute('aria-pressed', String(b !== null));
  (tabBar.querySelector('[data-tab="b"]') as HTMLElement).hidden = b === null;
}

function render(origin: Origin): void {
  if (origin !== 'cursor' && origin !== 'view') {
    if (origin !== 'form') formA.fill(paramsOf(store.case.scenario));
    if (origin !== 'formB') formB.fill(store.case.compare);
    if (origin !== 'world') world.render(store.case.scenario);
    if (origin !== 'yaml') yamlText.value = docToYaml(store.case.scenario);
    formA.showErrors(store.a);
    formB.showErrors(store.b);
    world.showProblems(store.a);
  }
  renderCall();
}

const card = (title: string, ...body: (Node | string)[]) => h('section', { class: 'card' }, h('h2', {}, title), ...body);
document.body.append(
  h(
    'header',
    { class: 'top' },
    h('h1', {}, 'Call inspector ', h('small', {}, 'start.employee_call')),
    picker,
    compareButton,
    copyLink,
    h('span', { class: 'group' }, 'Export: ', exportYaml, exportPngButton, exportSvgButton),
    h('label', { class: 'check', title: 'Opens stately.ai’s viewer; needs the internet' }, statelyBox, ' Stately Inspector'),
    flash,
  ),
  h(
    'div',
    { class: 'layout' },
    h('aside', { class: 'side' }, tabBar, panels),
    h(
      'main',
      {},
      outcomeBox,
      h('section', { class: 'card timeline-card' }, h('h2', {}, 'What each side hears'), controls, lanesBox, compareBox),
      h('div', { class: 'split' }, card('Now — at the cursor', nowBox), card('Events', events.el)),
      card('State charts — the machines at the cursor', chartBox),
      liveView(),
    ),
  ),
);
store.subscribe(render);
showTab('params');
window.addEventListener('resize', () => renderCall());
window.addEventListener('hashchange', async () => {
  if (location.hash === `#${await encodeCase(store.case)}`) return;
  const loaded = await decodeCase(location.hash);
  if (loaded) store.load(loaded);
});
void decodeCase(location.hash).then((loaded) => {
  store.load(loaded ?? seedCase());
  document.body.dataset.ready = 'true';
});
