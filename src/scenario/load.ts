import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BUILTIN_ACCOUNTS } from '../account/builtin.js';
import { loadAccount } from '../account/load.js';
import { DataFileError, parseDataText, validateData } from '../data-file.js';
import { loadDataFile } from '../load-file.js';
import { Scenario } from './schema.js';

/**
 * Reads a scenario file (YAML or JSON, told apart by content: YAML is a superset of JSON) and validates
 * it strictly (SPEC §6). An `account:` that is not a built-in name is a path to an account file,
 * relative to the scenario file, and comes back loaded (an inline account object).
 * Throws DataFileError naming the file, the path inside it and what was expected.
 * @example loadScenario('scenarios/seed-example.yaml').world.contact.answer_after // undefined (D14)
 */
export function loadScenario(file: string): Scenario {
  return withAccount(file, loadDataFile(file, Scenario));
}

/**
 * Validates scenario text as if read from `file` (used for error messages and to resolve a relative
 * account path).
 * @example parseScenarioText('inline.yaml', 'name: x\nrequest: {}\n').account // 'demo'
 */
export function parseScenarioText(file: string, text: string): Scenario {
  return withAccount(file, validateData(file, parseDataText(file, text), Scenario));
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
        expected: `a built-in account (${Object.keys(BUILTIN_ACCOUNTS).join(', ')}) or an account file (no file ${path})`,
      },
    ]);
  return loadAccount(path);
}
