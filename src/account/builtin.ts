import demoData from './demo.json' with { type: 'json' };
import { validateData } from '../data-file.js';
import { Account } from './schema.js';

/** The built-in accounts by name. The demo account is data, checked by the same schema as any user's. */
export const BUILTIN_ACCOUNTS: Record<string, Account> = {
  demo: validateData('src/account/demo.json', demoData, Account),
};

/** The system hold music (`dialing_music`): the default `media_file_id`. */
export function dialingMusic(account: Account): number {
  const file = account.media_files.find((f) => f.system && f.mnemonic === 'dialing_music');
  if (!file) throw new Error(`account ${account.name} has no system media file "dialing_music"`);
  return file.id;
}
