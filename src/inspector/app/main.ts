import './app.css';
import { paramsOf, seedCase, withParams } from '../case.js';
import { decodeCase, encodeCase } from '../codec.js';
import { callView } from './call-view.js';
import { h } from './dom.js';
import { paramsForm } from './form.js';
import { liveView } from './live.js';
import { mockServerCard } from './mock-server.js';
import { stepper } from './stepper.js';
import { Store, type Origin } from './store.js';
import { tabs } from './tabs.js';
import { toolbar } from './toolbar.js';
import { worldForm } from './world-form.js';
import { yamlPanel } from './yaml-panel.js';

const store = new Store();
const live = liveView();

// The case: parameters (A and B), the world, the YAML, in the left panel's tabs.
const formA = paramsForm(
  'a',
  () => paramsOf(store.case.scenario),
  (params) => store.setScenario(withParams(store.case.scenario, params), 'form'),
  (params) => store.setScenario(withParams(store.case.scenario, params), 'fix'),
);
const formB = paramsForm('b', () => store.case.compare, (params) => store.setCompare(params, 'formB'), (params) => store.setCompare(params, 'fix'));
const world = worldForm((doc) => store.setScenario(doc, 'world'));
const yaml = yamlPanel((doc) => store.setScenario(doc, 'yaml'), (problems) => store.setYamlProblems(problems));
const panel = tabs([
  { id: 'params', label: 'Parameters', body: formA.el },
  { id: 'world', label: 'World', body: world.el },
  { id: 'yaml', label: 'YAML', body: yaml.el },
  { id: 'b', label: 'Parameters B', body: formB.el },
]);

// The call, the stepping controls, the top bar.
const call = callView(store);
const steps = stepper(store);
const bar = toolbar(store, () => [...call.lanes.querySelectorAll<SVGSVGElement>('svg.timeline')], (on) => panel.show(on ? 'b' : 'params'));

function render(origin: Origin): void {
  if (origin !== 'cursor' && origin !== 'view') {
    if (origin !== 'form') formA.fill(paramsOf(store.case.scenario));
    if (origin !== 'formB') formB.fill(store.case.compare);
    if (origin !== 'world') world.render(store.case.scenario);
    if (origin !== 'yaml') yaml.show(store.case.scenario);
    formA.showErrors(store.a);
    formB.showErrors(store.b);
    world.showProblems(store.a);
  }
  panel.setHidden('b', store.b === null);
  bar.render();
  steps.render();
  call.render();
}

const card = (title: string, ...body: (Node | string)[]) => h('section', { class: 'card' }, h('h2', {}, title), ...body);
document.body.append(
  bar.el,
  h(
    'div',
    { class: 'layout' },
    h('aside', { class: 'side' }, panel.bar, panel.panels),
    h(
      'main',
      {},
      call.outcome,
      h('section', { class: 'card timeline-card' }, h('h2', {}, 'What each side hears'), steps.el, call.lanes, call.compare),
      h('div', { class: 'split' }, card('Now — at the cursor', call.now), card('Events', call.events)),
      call.ladder,
      card('State charts — the machines at the cursor', call.charts),
      mockServerCard(store, (id) => live.follow(id), () => live.clear()),
      live.el,
    ),
  ),
);
store.subscribe(render);
panel.show('params');
window.addEventListener('resize', () => call.render());
window.addEventListener('hashchange', async () => {
  if (location.hash === `#${await encodeCase(store.case)}`) return;
  const loaded = await decodeCase(location.hash);
  if (loaded) store.load(loaded);
});
void decodeCase(location.hash).then((loaded) => {
  store.load(loaded ?? seedCase());
  document.body.dataset.ready = 'true';
});
