import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { DataFileError, parseDataText, validateData } from './data-file.js';

/** Reads a YAML or JSON file and validates it. */
export function loadDataFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(file, [{ path: '', expected: `a readable file (${(error as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
  return validateData(file, parseDataText(file, text), schema);
}
