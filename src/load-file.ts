import { readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { DataFileError, parseDataText, validateData } from './data-file.js';

/** A data file is written by hand: anything larger is a mistake (and would cost a lot to parse). */
export const MAX_DATA_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Why a file could not be read, as a sentence (from Node's error code).
 * @example unreadable('ENOENT') // 'no such file'
 */
export function unreadable(code: string | undefined): string {
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory; expected a file';
  if (code === 'ENOTDIR') return 'no such file (a part of the path is not a directory)';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  return `cannot be read (${code ?? 'unknown error'})`;
}

function readText(file: string): string {
  try {
    const { size } = statSync(file);
    if (size > MAX_DATA_FILE_BYTES) {
      throw new DataFileError(file, [{ path: '', expected: `too large (${size} bytes); expected at most ${MAX_DATA_FILE_BYTES} bytes` }]);
    }
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new DataFileError(file, [{ path: '', expected: unreadable((error as NodeJS.ErrnoException).code) }]);
  }
}

/**
 * Reads a YAML or JSON file and validates it; `what` names the kind of file for whole-file problems.
 * Throws a DataFileError: `x.yaml: no such file`, `x.yaml, line 4: not valid YAML (…)`,
 * `x.yaml: the file is empty; expected …`, `x.yaml, at world.contact.outcome: expected one of …`.
 * @example loadDataFile('worlds/busy.yaml', World).contact.outcome // 'busy'
 */
export function loadDataFile<S extends z.ZodType>(file: string, schema: S, what?: string): z.output<S> {
  return validateData(file, parseDataText(file, readText(file)), schema, what);
}
