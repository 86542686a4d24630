import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BUILTIN_ACCOUNTS } from '../account/builtin.js';
import { loadAccount } from '../account/load.js';
import { DataFileError, parseDataText, validateData } from '../data-file.js';
import { loadDataFile } from '../load-file.js';
import { Scenario } from './schema.js';

/** What a scenario file holds, for the problems of the whole file. */
export const SCENARIO_FILE = 'a scenario (name, request, world, expect, …)';

/**
 * Reads a scenario file (YAML or JSON, told apart by content: YAML is a superset of JSON) and validates
 * it strictly (docs/spec.md §6). An `account:` that is not a built-in name is a path to an account file,
 * relative to the scenario file, and comes back loaded (an inline account object).
 * Throws DataFileError naming the file, the path inside it and what was expected.
 * @example loadScenario('scenarios/seed-example.yaml').world.contact.answer_after // undefined (D14)
 */
export function loadScenario(file: string): Scenario {
  return withAccount(file, loadDataFile(file, Scenario, SCENARIO_FILE));
}

/**
 * Validates scenario text as if read from `file` (used for error messages and to resolve a relative
 * account path).
 * @example parseScenarioText('inline.yaml', 'name: x\nrequest: {}\n').account // 'demo'
 */
export function parseScenarioText(file: string, text: string): Scenario {
  return withAccount(file, validateData(file, parseDataText(file, text), Scenario, SCENARIO_FILE));
}

function withAccount(file: string, scenario: Scenario): Scenario {
  return { ...scenario, account: resolveAccount(file, scenario.account) };
}

/**
 * A built-in name stays a name (the simulator resolves it); anything else is an account file. A missing
 * file is this scenario's error at `account`; a bad account file reports its own path and problems.
 */
function resolveAccount(file: string, account: Scenario['account']): Scenario['account'] {
  if (typeof account !== 'string' || Object.hasOwn(BUILTIN_ACCOUNTS, account)) return account;
  const path = resolve(dirname(file), account);
  if (!existsSync(path))
    throw new DataFileError(file, [
      {
        path: 'account',
        expected: `expected a built-in account (${Object.keys(BUILTIN_ACCOUNTS).join(', ')}) or the path of an account file (no such file: ${path})`,
      },
    ]);
  return loadAccount(path);
}
