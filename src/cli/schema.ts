import { FILE_KINDS, fileSchemaText, type FileKind } from '../contract/file-schemas.js';
import { EXIT, UsageError, type Command } from './io.js';

/**
 * `employee-call-sim schema scenario|account|world`: prints the JSON Schema of that kind of file,
 * generated from the zod schema that checks it (the same text as `schemas/KIND.schema.json`).
 * @example await run(['world'], io) // 0, the world file's JSON Schema on io.out
 */
export const run: Command = async (args, io) => {
  const [kind, ...extra] = args;
  if (kind === undefined || extra.length > 0 || !(FILE_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`expected one of ${FILE_KINDS.join(', ')}${kind === undefined ? '' : ` (got ${[kind, ...extra].join(' ')})`}`);
  }
  io.out(fileSchemaText(kind as FileKind));
  return EXIT.ok;
};
