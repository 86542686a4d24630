import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkExpectations, formatMismatch } from '../sim/expect.js';
import { loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { checkInvariants } from '../sim/invariants.js';
import { simulate, type SimulationOptions } from '../sim/simulate.js';
import type { SimulationResult } from '../sim/types.js';
import { employeeCallMachine } from '../../machines/employee-call.js';
import { machinesOf } from '../verify/coverage/machine-graph.js';
import { CoverageRecorder } from '../verify/coverage/recorder.js';
import { coverageOf, formatCoverage } from '../verify/coverage/report.js';
import { EXIT, UsageError, type Command } from './io.js';

const SCENARIO_FILE = /\.(ya?ml|json)$/;
const SHOWN_PROBLEMS = 12;

/**
 * `employee-call-sim verify [DIR|FILE...] [--coverage]` (default `scenarios/`): simulates every scenario,
 * checks the invariants and its `expect`, prints `ok   FILE — name` or `FAIL FILE — name` with the first
 * problems indented below, then `N passed, N failed`. Exit 1 if any failed (a bad file counts as failed).
 * `--coverage` then adds, from XState's inspection events of those runs, which states and transitions of
 * each machine no scenario reached, and the last line `coverage: states X/Y, transitions X/Y`.
 * @example await run(['scenarios'], io) // 0 when every scenario holds
 */
export const run: Command = async (args, io) => {
  const coverage = args.includes('--coverage');
  const paths = args.filter((arg) => arg !== '--coverage');
  const option = paths.find((arg) => arg.startsWith('-'));
  if (option) throw new UsageError(`unknown option ${option}`);
  const files = (paths.length > 0 ? paths : ['scenarios']).flatMap(scenarioFiles);
  const recorder = coverage ? new CoverageRecorder() : undefined;
  let passed = 0;
  for (const { file, shown } of files) {
    const { name, problems } = verifyFile(file, recorder ? { inspect: recorder.inspect } : {});
    if (problems.length === 0) passed++;
    io.out(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${shown} — ${name}\n`);
    for (const problem of problems.slice(0, SHOWN_PROBLEMS)) io.out(`       ${problem.replaceAll('\n', '\n       ')}\n`);
    if (problems.length > SHOWN_PROBLEMS) io.out(`       … and ${problems.length - SHOWN_PROBLEMS} more\n`);
  }
  if (files.length === 0) io.err(`employee-call-sim verify: no scenario files (*.yaml, *.yml, *.json) in ${paths.join(' ') || 'scenarios'}\n`);
  io.out(`${passed} passed, ${files.length - passed} failed\n`);
  if (recorder) io.out(`\n${formatCoverage(coverageOf(machinesOf(employeeCallMachine), recorder)).join('\n')}\n`);
  return passed === files.length && files.length > 0 ? EXIT.ok : EXIT.failed;
};

/** Everything wrong with a simulated scenario: broken invariants, then mismatches with its `expect`. */
export function scenarioProblems(scenario: Scenario, result: SimulationResult): string[] {
  const mismatches = scenario.expect ? checkExpectations(result, scenario.expect) : [];
  return [...checkInvariants(result).map((p) => `invariant: ${p}`), ...mismatches.map(formatMismatch)];
}

function verifyFile(file: string, options: SimulationOptions): { name: string; problems: string[] } {
  let scenario: Scenario;
  try {
    scenario = loadScenario(file);
  } catch (error) {
    return { name: 'not a valid scenario', problems: [(error as Error).message] };
  }
  try {
    return { name: scenario.name, problems: scenarioProblems(scenario, simulate(scenario, options)) };
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
