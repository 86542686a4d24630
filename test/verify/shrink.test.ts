import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/load.js';
import { simulate } from '../../src/sim/simulate.js';
import { caseYaml } from '../../src/verify/exhaustive/case-yaml.js';
import { copyCase, type Relation } from '../../src/verify/exhaustive/relations/relation.js';
import { scenarioParams } from '../../src/verify/exhaustive/case.js';
import { shrink } from '../../src/verify/exhaustive/shrink.js';
import { combinationAt } from '../../src/verify/exhaustive/space.js';
import { evaluated, indexWith, space } from './helpers.js';

/** Planted: "a contact with a TTS message never hangs up" — false, so every such call violates it. */
const planted: Relation = {
  name: 'planted',
  rules: ['R10'],
  statement: 'for the test',
  neighbour: (base) => copyCase(base),
  compare: (run, _n, base) =>
    (scenarioParams(base.scenario).contact_message as { type?: string } | undefined)?.type === 'tts' && run.events.some((e) => e.type === 'leg.hung_up' && e.leg === 'contact')
      ? ['the contact hung up']
      : [],
};

describe('the shrinker', () => {
  it('moves a violating combination axis by axis to the simplest one that still violates', () => {
    const start = indexWith({
      flags: 'contact, switch_at_once',
      employee_message: 'tts 9 s',
      contact_message: 'tts 9 s',
      dtmf: '12.3...4',
      world: 'employee no answer, rejected, then answers; contact answers after ringback',
      ending: 'contact hangs up during talk',
    });
    const { index, evaluation } = shrink(space, start, 'planted', [planted]);
    // The smallest TTS contact message; everything else simplest (with nobody hanging up, D12 has the contact hang up).
    expect(index).toBe(indexWith({ contact_message: 'tts 0.45 s' }));
    expect(combinationAt(space, index)).toEqual([0, 0, 3, 0, 0, 0]);
    expect(evaluation.findings).toEqual([{ check: 'planted', rules: ['R10'], problems: ['the contact hung up'] }]);
  });

  it('refuses a combination that does not violate', () => {
    expect(() => shrink(space, indexWith({}), 'planted', [planted])).toThrow('combination 0 does not fail planted');
  });
});

describe('a violation printed as a scenario file', () => {
  it('is a scenario simulate accepts, citing the rules, and it runs the same call', () => {
    const values = { flags: 'first_call contact', ending: 'employee hangs up during talk', dtmf: '12.3...4' };
    const { case: c, run } = evaluated(values);
    const text = caseYaml(c, indexWith(values), { check: 'planted', rules: ['R10'], problems: ['the contact hung up'] });
    const scenario = parseScenarioText('found.yaml', text);
    expect(scenario.rules).toEqual(['R10']);
    expect(scenario.description).toBe('found by employee-call-sim explore --exhaustive (planted): the contact hung up');
    expect(simulate(scenario)).toEqual(run);
  });

  it('writes a release.call as the scenario\'s release_at, and the file runs the same call', () => {
    const values = { ending: 'release.call during hold' };
    const { case: c, run } = evaluated(values);
    const scenario = parseScenarioText('found.yaml', caseYaml(c, indexWith(values)));
    expect(scenario.release_at).toBe(c.releaseAt);
    expect(simulate(scenario)).toEqual(run);
  });
});
