import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioProblems } from '../src/cli/verify.js';
import { loadScenario } from '../src/scenario/load.js';
import { simulate } from '../src/sim/simulate.js';

/**
 * Every scenario file is an independent oracle: its expectations were worked out by hand from the SPEC,
 * docs/simulation.md and the demo account. Each one must load, simulate, keep every invariant and meet
 * its `expect`.
 */
const DIR = 'scenarios';
const files = readdirSync(DIR).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
const scenarios = files.map((file) => ({ file, scenario: loadScenario(join(DIR, file)) }));

/** Every rule of the call flow, and every decision a scenario can show. */
const MUST_BE_CITED = [
  ...Array.from({ length: 16 }, (_, i) => `R${i + 1}`),
  ...['D2', 'D3', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11', 'D12', 'D13', 'D14', 'D15'],
];

describe('scenario files (SPEC §6)', () => {
  it.each(scenarios.map(({ file, scenario }) => [`${file} [${scenario.rules.join(' ')}]`, scenario] as const))(
    '%s',
    (_, scenario) => {
      expect(scenario.expect, 'every scenario states what it expects').toBeDefined();
      expect(scenarioProblems(scenario, simulate(scenario))).toEqual([]);
    },
  );

  it.each(MUST_BE_CITED)('%s is shown by at least one scenario', (rule) => {
    expect(scenarios.filter(({ scenario }) => scenario.rules.includes(rule)).map(({ file }) => file)).not.toEqual([]);
  });

  it('every scenario has a name, rules and a description', () => {
    const incomplete = scenarios.filter(({ scenario }) => !scenario.description || scenario.rules.length === 0);
    expect(incomplete.map(({ file }) => file)).toEqual([]);
  });

  it.each(scenarios.map(({ file, scenario }) => [file, scenario] as const))(
    'D15: %s gives byte-identical JSON when simulated twice',
    (_, scenario) => {
      expect(JSON.stringify(simulate(scenario))).toBe(JSON.stringify(simulate(scenario)));
    },
  );
});
