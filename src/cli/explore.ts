import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { explore } from '../sim/explore.js';
import { runExhaustive } from './explore-exhaustive.js';
import { EXIT, UsageError, type Command } from './io.js';

const SHOWN_VIOLATIONS = 3;
const EXHAUSTIVE_ONLY = ['workers', 'shard', 'json', 'only'] as const;

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--${name}: expected a whole number ≥ 1, got "${text}"`);
  return Number(text);
}

/**
 * `employee-call-sim explore [--runs N] [--seed S]`: runs N generated scenarios (default 1000, seed 1)
 * and checks each against the invariants; prints how the calls ended and, for a broken one, the scenario
 * as YAML to replay with `simulate`. Exit 1 if any invariant broke.
 * `explore --exhaustive [--workers N] [--shard i/n] [--json] [--only INDEX]`: every combination of the
 * discrete space instead, against the invariants and the metamorphic relations (docs/verification.md).
 * @example await run(['--runs', '200'], io) // 0
 */
export const run: Command = async (args, io) => {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        runs: { type: 'string' },
        seed: { type: 'string' },
        exhaustive: { type: 'boolean' },
        workers: { type: 'string' },
        shard: { type: 'string' },
        json: { type: 'boolean' },
        only: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.exhaustive) {
    if (values.runs !== undefined || values.seed !== undefined) throw new UsageError('--runs and --seed are for random exploration, not --exhaustive');
    return runExhaustive(
      {
        json: values.json ?? false,
        ...(values.workers !== undefined ? { workers: positiveInteger('workers', values.workers, 1) } : {}),
        ...(values.shard !== undefined ? { shard: values.shard } : {}),
        ...(values.only !== undefined ? { only: wholeNumber('only', values.only) } : {}),
      },
      io,
    );
  }
  const misplaced = EXHAUSTIVE_ONLY.find((name) => values[name] !== undefined);
  if (misplaced) throw new UsageError(`--${misplaced} goes with --exhaustive`);
  const runs = positiveInteger('runs', values.runs, 1000);
  const seed = positiveInteger('seed', values.seed, 1);
  const found = explore({ runs, seed });
  const reasons = Object.entries(found.byFinishReason).sort(([, a], [, b]) => b - a);
  io.out(`${runs} generated calls (seed ${seed}): ${found.talks} with a talk\n`);
  for (const [reason, count] of reasons) io.out(`  ${reason.padEnd(28)} ${count}\n`);
  for (const { scenario, problems } of found.violations.slice(0, SHOWN_VIOLATIONS)) {
    io.out(`\nBROKEN ${scenario.name}:\n${problems.map((p) => `  ${p}\n`).join('')}---\n${stringify(scenario)}`);
  }
  io.out(`${runs - found.violations.length} passed, ${found.violations.length} failed\n`);
  return found.violations.length === 0 ? EXIT.ok : EXIT.failed;
};

function wholeNumber(name: string, text: string): number {
  if (!/^\d{1,9}$/.test(text)) throw new UsageError(`--${name}: expected a whole number, got "${text}"`);
  return Number(text);
}
