/**
 * The README's annotated scenario (every key of a scenario file spelled out) is the seed example: filled
 * with the seed page's params, it must run to what it says it expects, and to what the shipped seed file
 * expects.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { SEED_REQUEST } from '../../src/seed-example.js';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { checkExpectations } from '../../src/sim/expect.js';
import { simulate } from '../../src/sim/simulate.js';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## Spec verification: scenario files'));
const block = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;

describe('the README’s annotated scenario', () => {
  it('is the seed example: with the seed params it meets its own expect and the shipped file’s', () => {
    const doc = parse(block) as { request: { params: unknown }; expect: { hears?: unknown } };
    doc.request.params = structuredClone(SEED_REQUEST.params);
    delete doc.expect.hears; // written as "[ … ]"
    const scenario = parseScenarioText('README.md', stringify(doc));
    const result = simulate(scenario);
    expect(checkExpectations(result, scenario.expect!)).toEqual([]);
    const shipped = loadScenario('scenarios/seed-example.yaml');
    expect(checkExpectations(result, shipped.expect!)).toEqual([]);
    expect(scenario.rules).toEqual(shipped.rules);
  });
});
