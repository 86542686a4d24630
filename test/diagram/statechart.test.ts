/**
 * State charts from machine definitions: every transition becomes an arrow with its event and guard,
 * laid out by ELK; the keys the run records when a transition fires name the same arrows.
 */
import { describe, expect, it } from 'vitest';
import { and, not, or, setup, stateIn } from 'xstate';
import { employeeCallMachine } from '../../machines/employee-call.js';
import { buildCharts } from '../../src/diagram/build-charts.js';
import { describeGuard } from '../../src/diagram/describe.js';
import { chartGraph, chartGraphs, type Box, type StateNodeLike } from '../../src/diagram/statechart.js';
import { layoutChart } from '../../src/diagram/statechart-layout.js';
import { machineGraph } from '../../src/verify/coverage/machine-graph.js';
import { Scenario } from '../../src/scenario/schema.js';
import { seedScenario } from '../../src/inspector/case.js';
import { runScenario } from '../../src/inspector/run.js';

const rootOf = (machine: { root: unknown }) => machine.root as StateNodeLike;

/** A machine with every kind of transition the charts must draw. */
const kitchenSink = setup({
  guards: { ok: () => true, ready: () => true },
  actions: { note: () => undefined },
  delays: { wait: 500 },
}).createMachine({
  id: 'sink',
  initial: 'a',
  on: { RESET: '.a' },
  states: {
    a: { on: { GO: { target: 'b', guard: and(['ok', not('ready')]) }, PING: { actions: 'note' } }, after: { wait: 'b', 250: 'c' } },
    b: { always: { target: 'par', guard: 'ok' } },
    c: { type: 'final' },
    par: {
      type: 'parallel',
      states: {
        left: { initial: 'x', states: { x: { on: { JUMP: '#sink.par.right.y' } }, y: {} } },
        right: { initial: 'y', states: { y: { on: { BACK: { target: '#sink.a', reenter: true } } } } },
      },
    },
  },
});

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w + 0.5 && inner.y + inner.h <= outer.y + outer.h + 0.5;

describe('a chart graph from any machine definition', () => {
  it('draws on, after (with the delay), always, guarded, targetless, #id targets and a parallel state', () => {
    const graph = chartGraph(rootOf(kitchenSink));
    const line = (id: string) => graph.edges.find((e) => e.id === id);
    expect(graph.nodes.map((n) => n.path)).toEqual(['', 'a', 'b', 'c', 'par', 'par.left', 'par.left.x', 'par.left.y', 'par.right', 'par.right.y']);
    expect(graph.nodes.find((n) => n.path === 'par')?.type).toBe('parallel');
    expect(line('sink.a#GO#0')).toMatchObject({ target: 'sink.b', event: 'GO', guard: 'ok ∧ ¬ready', targetless: false });
    expect(line('sink.a#PING#0')).toMatchObject({ target: 'sink.a', targetless: true, actions: ['note'] });
    expect(graph.edges.filter((e) => e.source === 'sink.a' && e.event.startsWith('after')).map((e) => e.event).sort()).toEqual(['after 250 ms', 'after wait']);
    expect(line('sink.b#always#0')).toMatchObject({ target: 'sink.par', event: 'always', guard: 'ok' });
    expect(line('sink.par.left.x#JUMP#0')?.target).toBe('sink.par.right.y');
    expect(line('sink.par.right.y#BACK#0')?.target).toBe('sink.a');
    expect(line('sink#RESET#0')?.target).toBe('sink.a');
  });

  it('draws a machine whose root is parallel one region per chart, states named from the region', () => {
    const session = setup({}).createMachine({
      id: 's',
      type: 'parallel',
      states: {
        flow: { initial: 'a', states: { a: { on: { GO: 'b', CROSS: '#s.line.y' } }, b: {} } },
        line: { initial: 'x', states: { x: { on: { UP: 'y' } }, y: {} } },
      },
    });
    const [flow, line] = chartGraphs(rootOf(session));
    expect(flow!.region).toBe('flow');
    expect(flow!.nodes.map((n) => [n.path, n.parent])).toEqual([['', null], ['a', 's.flow'], ['b', 's.flow']]);
    expect(flow!.edges.map((e) => [e.event, e.external ?? false])).toEqual([['GO', false], ['CROSS', true]]);
    expect(line!.edges.map((e) => e.transition)).toEqual(['s.line.x#UP#0']);
    expect(chartGraphs(rootOf(kitchenSink))).toHaveLength(1);
  });

  it('names guards the way the machines combine them', () => {
    expect(describeGuard(and([{ type: 'isFrom', params: { leg: 'contact' } }, not('switchInForce')]))).toBe('isFrom(contact) ∧ ¬switchInForce');
    expect(describeGuard(undefined)).toBeNull();
    expect(describeGuard(or(['a', and(['b', 'c'])]))).toBe('a ∨ (b ∧ c)');
    expect(describeGuard(and([{ type: 'isCurrentAttempt', params: { leg: 'contact' } }, stateIn('#employeeCall.contactLeg.answered')]))).toBe(
      'isCurrentAttempt(contact) ∧ in(contactLeg.answered)',
    );
    // A guard is described by what it is, not by its function's name (bundling renames functions).
    const renamed = not('ready');
    Object.defineProperty(renamed, 'name', { value: 'x' });
    expect(describeGuard(renamed)).toBe('¬ready');
  });

  it('names the HANGUP taken by the flow with the leg it needs answered, in the charts and in coverage', () => {
    const labels = chartGraphs(rootOf(employeeCallMachine)).flatMap((g) => g.edges.map((e) => e.guard ?? ''));
    expect(labels.filter((l) => l.includes('in(contactLeg.answered)'))).toHaveLength(1);
    expect(labels.join('\n')).not.toContain('inline guard');
    const coverageIds = machineGraph(employeeCallMachine).transitions.map((t) => t.id);
    expect(coverageIds).toContain('flow --HANGUP [isCurrentAttempt(contact) ∧ in(contactLeg.answered)]--> (no target)');
  });

  it('lays every arrow out with ELK: each state inside its parent, each arrow routed to its target', async () => {
    for (const graph of [chartGraph(rootOf(kitchenSink)), ...chartGraphs(rootOf(employeeCallMachine))]) {
      const chart = await layoutChart(graph);
      for (const node of chart.nodes) if (node.parent) expect(inside(chart.boxes[node.id]!, chart.boxes[node.parent]!)).toBe(true);
      for (const edge of chart.edges) {
        const route = chart.routes[edge.id]!;
        expect(route.points.length).toBeGreaterThanOrEqual(2);
        expect(route.label).not.toBeNull();
        const [x, y] = route.points.at(-1)!;
        const target = chart.boxes[edge.target]!;
        // The arrow ends on the target's border.
        expect(x >= target.x - 1 && x <= target.x + target.w + 1 && y >= target.y - 1 && y <= target.y + target.h + 1).toBe(true);
      }
    }
  });
});

describe('the charts of the simulator', () => {
  it('draws every machine the package exports, the session region by region, its flow with at least 20 arrows', async () => {
    const charts = await buildCharts();
    expect(charts.map((c) => c.region ?? c.machine).sort()).toEqual(['contactLeg', 'employeeLeg', 'flow']);
    const flow = charts.find((c) => c.region === 'flow')!;
    expect(Object.keys(flow.routes).length).toBeGreaterThanOrEqual(20);
  });

  it('records which transitions fired at each step, by the keys the arrows carry (seed example)', () => {
    const run = runScenario(Scenario.parse(seedScenario()));
    const keys = new Set(chartGraph(rootOf(employeeCallMachine)).edges.map((e) => e.transition));
    const at = (t: number) => run.frames.find((f) => f.t === t)!.actors.find((a) => a.id === 'employeeCall')!;
    const inFlow = (t: number) => at(t).fired.filter((key) => key.startsWith('employeeCall.flow.'));
    expect(inFlow(3000)).toEqual(['employeeCall.flow.employeeFirst.dialingEmployee#ANSWER#0']);
    expect(at(3000).fired).toContain('employeeCall.employeeLeg.dialing#ANSWER#0');
    // The contact's greeting is TTS: no switch (R10), so the contact hears it first.
    expect(inFlow(11000)).toEqual(['employeeCall.flow.employeeFirst.dialingContact#ANSWER#0']);
    for (const frame of run.frames) for (const key of frame.actors.find((a) => a.id === 'employeeCall')!.fired) expect(keys.has(key)).toBe(true);
  });
});
