import { loadDataFile } from '../load-file.js';
import { BUILTIN_ACCOUNTS } from './builtin.js';
import { Account } from './schema.js';

/** What an account file holds, for the problems of the whole file. */
export const ACCOUNT_FILE = 'an account (name, access_tokens, employees, media_files, …)';

/**
 * An account by built-in name (`demo`) or from a YAML/JSON file. A built-in name wins over a file of
 * the same name (write `./demo` for the file). A file that cannot be read or does not match the schema
 * throws a DataFileError naming the file, the path inside it and what was expected.
 * @example loadAccount('demo').name // 'demo'
 * @example loadAccount('accounts/acme.yaml') // throws DataFileError "accounts/acme.yaml, at employees[0].numbers[1].status: expected one of …"
 */
export function loadAccount(nameOrFile: string): Account {
  if (Object.hasOwn(BUILTIN_ACCOUNTS, nameOrFile)) return BUILTIN_ACCOUNTS[nameOrFile]!;
  return loadDataFile(nameOrFile, Account, ACCOUNT_FILE);
}
