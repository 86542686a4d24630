import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkExpectations, formatMismatch } from '../sim/expect.js';
import { loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { checkInvariants } from '../sim/invariants.js';
import { simulate } from '../sim/simulate.js';
import type { SimulationResult } from '../sim/types.js';
import { EXIT, UsageError, type Command } from './io.js';

const SCENARIO_FILE = /\.(ya?ml|json)$/;
const SHOWN_PROBLEMS = 12;

/**
 * `employee-call-sim verify [DIR|FILE...]` (default `scenarios/`): simulates every scenario, checks the
 * invariants and its `expect`, prints `ok   FILE — name` or `FAIL FILE — name` with the first problems
 * indented below, then `N passed, N failed`. Exit 1 if any failed (a bad file counts as failed).
 * @example await run(['scenarios'], io) // 0 when every scenario holds
 */
export const run: Command = async (args, io) => {
  const option = args.find((arg) => arg.startsWith('-'));
  if (option) throw new UsageError(`unknown option ${option}`);
  const files = (args.length > 0 ? args : ['scenarios']).flatMap(scenarioFiles);
  let passed = 0;
  for (const { file, shown } of files) {
    const { name, problems } = verifyFile(file);
    if (problems.length === 0) passed++;
    io.out(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${shown} — ${name}\n`);
    for (const problem of problems.slice(0, SHOWN_PROBLEMS)) io.out(`       ${problem.replaceAll('\n', '\n       ')}\n`);
    if (problems.length > SHOWN_PROBLEMS) io.out(`       … and ${problems.length - SHOWN_PROBLEMS} more\n`);
  }
  if (files.length === 0) io.err(`employee-call-sim verify: no scenario files (*.yaml, *.yml, *.json) in ${args.join(' ') || 'scenarios'}\n`);
  io.out(`${passed} passed, ${files.length - passed} failed\n`);
  return passed === files.length && files.length > 0 ? EXIT.ok : EXIT.failed;
};

/** Everything wrong with a simulated scenario: broken invariants, then mismatches with its `expect`. */
export function scenarioProblems(scenario: Scenario, result: SimulationResult): string[] {
  const mismatches = scenario.expect ? checkExpectations(result, scenario.expect) : [];
  return [...checkInvariants(result).map((p) => `invariant: ${p}`), ...mismatches.map(formatMismatch)];
}

function verifyFile(file: string): { name: string; problems: string[] } {
  let scenario: Scenario;
  try {
    scenario = loadScenario(file);
  } catch (error) {
    return { name: 'not a valid scenario', problems: [(error as Error).message] };
  }
  try {
    return { name: scenario.name, problems: scenarioProblems(scenario, simulate(scenario)) };
  } catch (error) {
    return { name: scenario.name, problems: [`the simulation failed: ${(error as Error).stack ?? error}`] };
  }
}

/** A directory's scenario files in name order (shown relative to it), or the path itself. */
function scenarioFiles(path: string): { file: string; shown: string }[] {
  if (!isDirectory(path)) return [{ file: path, shown: path }];
  return readdirSync(path)
    .filter((name) => SCENARIO_FILE.test(name))
    .sort()
    .map((name) => ({ file: join(path, name), shown: name }));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
