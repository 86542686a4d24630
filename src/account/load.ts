import { loadDataFile } from '../load-file.js';
import { BUILTIN_ACCOUNTS } from './builtin.js';
import { Account } from './schema.js';

/**
 * An account by built-in name (`demo`) or from a YAML/JSON file. A built-in name wins over a file of
 * the same name (write `./demo` for the file). A file that cannot be read or does not match the schema
 * throws a DataFileError naming the file, the path inside it and what was expected.
 * @example loadAccount('demo').name // 'demo'
 * @example loadAccount('accounts/acme.yaml') // throws DataFileError "accounts/acme.yaml: at employees[0].numbers[1].status: …"
 */
export function loadAccount(nameOrFile: string): Account {
  if (Object.hasOwn(BUILTIN_ACCOUNTS, nameOrFile)) return BUILTIN_ACCOUNTS[nameOrFile]!;
  return loadDataFile(nameOrFile, Account);
}
