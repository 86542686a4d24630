import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadAccount } from '../account/load.js';
import type { Account } from '../account/schema.js';
import { DataFileError } from '../data-file.js';
import { handleRequest, respond } from '../protocol/handle.js';
import { EXIT, UsageError, type CliIo, type Command } from './io.js';

/** The `call_session_id` a valid request is answered with: no session is started, so always 1. */
export const VALIDATE_CALL_SESSION_ID = 1;

function parseOptions(args: string[]): { file: string; account: string } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { account: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length > 1) throw new UsageError(`expected at most one FILE, got ${parsed.positionals.length}`);
  return { file: parsed.positionals[0] ?? '-', account: parsed.values.account ?? 'demo' };
}

function accountFor(nameOrFile: string): Account {
  try {
    return loadAccount(nameOrFile);
  } catch (error) {
    if (error instanceof DataFileError) throw new UsageError(`bad --account: ${error.message}`, false);
    throw error;
  }
}

async function readBody(file: string, io: CliIo): Promise<Uint8Array> {
  if (file === '-') return io.readStdin();
  try {
    return await readFile(file);
  } catch (error) {
    throw new UsageError(`${file}: expected a readable request file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, false);
  }
}

/**
 * `validate [FILE|-] [--account NAME|FILE]`: reads a request body (the file's bytes, or stdin), prints
 * the JSON-RPC answer as one line of JSON. Exit 0 valid, 1 an error answer, 2 usage.
 * @example employee-call-sim validate request.json --account demo
 */
export const run: Command = async (args, io) => {
  const options = parseOptions(args);
  const account = accountFor(options.account);
  const body = await readBody(options.file, io);
  const validation = handleRequest(body, account);
  io.out(`${JSON.stringify(respond(validation, VALIDATE_CALL_SESSION_ID))}\n`);
  return validation.ok ? EXIT.ok : EXIT.failed;
};
