import { describe, expect, it } from 'vitest';
import { createActor, not, setup, type AnyStateMachine } from 'xstate';
import { employeeCallMachine } from '../../machines/employee-call.js';
import { DiscreteClock } from '../../src/sim/clock.js';
import { machineGraph, machinesOf } from '../../src/verify/coverage/machine-graph.js';
import { CoverageRecorder } from '../../src/verify/coverage/recorder.js';
import { coverageOf, formatCoverage } from '../../src/verify/coverage/report.js';

/** A door: guarded alternatives, a targetless transition, a transient state (always) and a delay. */
const door = setup({
  types: { context: {} as { locked: boolean }, events: {} as { type: 'OPEN' } | { type: 'KNOCK' } | { type: 'SLAM' } | { type: 'LOCK' } },
  guards: { locked: ({ context }) => context.locked },
}).createMachine({
  id: 'door',
  context: { locked: false },
  initial: 'closed',
  states: {
    closed: {
      on: {
        OPEN: [{ guard: 'locked', target: 'closed', reenter: true }, { target: 'opening' }],
        KNOCK: {},
        LOCK: { actions: () => undefined },
      },
    },
    opening: { always: { target: 'open' } },
    open: { after: { 1000: 'closed' }, on: { SLAM: { guard: not('locked'), target: 'closed' } } },
  },
});

/** Two regions and a transition of the root itself. */
const lamp = setup({}).createMachine({
  id: 'lamp',
  type: 'parallel',
  on: { RESET: { target: ['.power.off', '.colour.white'] } },
  states: {
    power: { initial: 'off', states: { off: { on: { ON: 'on' } }, on: { on: { OFF: 'off' } } } },
    colour: { initial: 'white', states: { white: { on: { RED: 'red' } }, red: {} } },
  },
});

function run(machine: AnyStateMachine, events: { type: string }[], advance = 0): CoverageRecorder {
  const recorder = new CoverageRecorder();
  const clock = new DiscreteClock();
  const actor = createActor(machine, { inspect: recorder.inspect, clock }).start();
  for (const event of events) actor.send(event);
  clock.advanceTo(advance);
  actor.stop();
  return recorder;
}

describe('coverage: the states and transitions of a machine definition', () => {
  it('counts every state but the root, and every alternative of on / after / always as its own transition', () => {
    const graph = machineGraph(door);
    expect(graph.states.map((s) => s.id)).toEqual(['closed', 'opening', 'open']);
    expect(graph.transitions.map((t) => t.id)).toEqual([
      'closed --OPEN [locked]--> closed (reenter)',
      'closed --OPEN--> opening',
      'closed --KNOCK--> (no target)',
      'closed --LOCK--> (no target)',
      'opening --always--> open',
      'open --SLAM [¬locked]--> closed',
      'open --after(1000)--> closed',
    ]);
  });

  it('names the session machine’s transitions after their guards, and finds the machines it can invoke', () => {
    expect(machinesOf(employeeCallMachine).map((m) => m.id)).toEqual(['employeeCall']);
    expect(machineGraph(employeeCallMachine).transitions.map((t) => t.id)).toContain(
      'flow.employeeFirst.dialingContact --ANSWER [isCurrentAttempt(contact) ∧ hasMessage(contact) ∧ ¬switchInForce]--> flow.employeeFirst.contactMessage',
    );
  });

  it('records the transitions taken and the states entered, transient ones included', () => {
    const [group] = coverageOf([door], run(door, [{ type: 'KNOCK' }, { type: 'OPEN' }], 1000));
    expect(group!.states.filter((s) => !s.reached)).toEqual([]);
    expect(group!.transitions.filter((t) => t.reached).map((t) => t.id)).toEqual([
      'closed --OPEN--> opening',
      'closed --KNOCK--> (no target)',
      'opening --always--> open',
      'open --after(1000)--> closed',
    ]);
  });

  it('a delay that has not elapsed, and the guard that failed, are not counted as taken', () => {
    const [group] = coverageOf([door], run(door, [{ type: 'OPEN' }, { type: 'SLAM' }], 999));
    const reached = group!.transitions.filter((t) => t.reached).map((t) => t.id);
    expect(reached).toContain('open --SLAM [¬locked]--> closed');
    expect(reached).not.toContain('open --after(1000)--> closed');
    expect(reached).not.toContain('closed --OPEN [locked]--> closed (reenter)');
  });

  it('a parallel machine is reported per region, with the root’s own transitions under its name', () => {
    const groups = coverageOf([lamp], run(lamp, [{ type: 'ON' }]));
    expect(groups.map((g) => g.name)).toEqual(['lamp', 'lamp.power', 'lamp.colour']);
    expect(groups[1]!.states).toEqual([
      { id: 'power.off', reached: true },
      { id: 'power.on', reached: true },
    ]);
    expect(groups[2]!.states).toEqual([
      { id: 'colour.white', reached: true },
      { id: 'colour.red', reached: false },
    ]);
    expect(formatCoverage(groups)).toEqual([
      'lamp: states 0/0, transitions 0/1, not reached:',
      '  transition  (root) --RESET--> power.off, colour.white',
      'lamp.power: states 2/2, transitions 1/2, not reached:',
      '  transition  power.on --OFF--> power.off',
      'lamp.colour: states 1/2, transitions 0/1, not reached:',
      '  state       colour.red',
      '  transition  colour.white --RED--> colour.red',
      'coverage: states 3/4, transitions 1/4',
    ]);
  });
});

describe('employee-call-sim verify --coverage', () => {
  const lastLine = (text: string) => text.trimEnd().split('\n').at(-1)!;
  const reached = (line: string) => line.match(/^coverage: states (\d+)\/(\d+), transitions (\d+)\/(\d+)$/)!.slice(1).map(Number);

  it('after the usual verdicts, prints what the scenarios did not reach and ends with the totals', async () => {
    const { main } = await import('../../src/cli.js');
    const run = async (args: string[]) => {
      let out = '';
      const code = await main(['verify', '--coverage', ...args], { out: (t) => void (out += t), err: () => undefined, readStdin: async () => Buffer.alloc(0) });
      return { code, out };
    };
    const one = await run(['scenarios/seed-example.yaml']);
    const all = await run([]);
    expect(one.code).toBe(0);
    expect(one.out).toContain('1 passed, 0 failed\n\n');
    expect(one.out).toContain('  transition  flow.starting --always--> flow.contactFirst\n');
    expect(all.out).not.toContain('flow.starting --always--> flow.contactFirst');
    expect(all.out).toContain('\nemployeeCall.flow: states ');
    const [oneStates, , oneTransitions, transitions] = reached(lastLine(one.out));
    const [allStates, , allTransitions] = reached(lastLine(all.out));
    expect(oneStates).toBeLessThan(allStates!);
    expect(oneTransitions).toBeLessThan(allTransitions!);
    expect(allTransitions).toBeLessThanOrEqual(transitions!);
  });
});
