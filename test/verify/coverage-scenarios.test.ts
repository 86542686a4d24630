import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { employeeCallMachine } from '../../machines/employee-call.js';
import { loadScenario } from '../../src/scenario/load.js';
import { simulate } from '../../src/sim/simulate.js';
import { machinesOf } from '../../src/verify/coverage/machine-graph.js';
import { CoverageRecorder } from '../../src/verify/coverage/recorder.js';
import { coverageOf } from '../../src/verify/coverage/report.js';

/**
 * The scenario files show every state and every transition of the machines (issue #11): a state or a
 * transition added without a scenario that reaches it fails here, naming it.
 */
describe('coverage of the machines by the scenario files', () => {
  const recorder = new CoverageRecorder();
  for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.yaml')))
    simulate(loadScenario(`scenarios/${file}`), { inspect: recorder.inspect });
  const groups = coverageOf(machinesOf(employeeCallMachine), recorder);

  it.each(groups.map((group) => [group.name, group] as const))('%s: every state and every transition is reached', (_, group) => {
    expect(group.states.filter((s) => !s.reached).map((s) => s.id)).toEqual([]);
    expect(group.transitions.filter((t) => !t.reached).map((t) => t.id)).toEqual([]);
  });

  it('counts the whole machine, region by region (so that the check above cannot pass on nothing)', () => {
    expect(groups.map((g) => g.name)).toEqual(['employeeCall.employeeLeg', 'employeeCall.contactLeg', 'employeeCall.flow']);
    for (const group of groups) expect(Math.min(group.states.length, group.transitions.length)).toBeGreaterThan(5);
  });
});
