import { readFileSync } from 'node:fs';
import type { Mnemonic } from '../../src/protocol/index.js';

/** One row of the README's error table: code, mnemonic, message, data.field, the example ('—' for none). */
export interface ErrorRow {
  code: number;
  mnemonic: Mnemonic;
  message: string;
  field: string | null;
  example: string;
}

const ROW = /^\| (-\d+) \| `(\w+)` \| `([^`]+)` \| (null|`[\w.]+`) \| .+ \| (.+) \|$/;

/** The rows of the error table in the README. */
export const README_ERROR_ROWS: ErrorRow[] = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  .split('\n')
  .flatMap((line) => {
    const m = ROW.exec(line);
    return m ? [{ code: Number(m[1]), mnemonic: m[2] as Mnemonic, message: m[3]!, field: m[4] === 'null' ? null : m[4]!.slice(1, -1), example: m[5]! }] : [];
  });

/** `<N × c>` in an example stands for c repeated N times. */
export function expandRepeats(text: string): string {
  return text.replace(/<(\d+) × (.)>/gu, (_, n: string, c: string) => c.repeat(Number(n)));
}

/** A table example as a body: `…` JSON, or `bytes \`7B E9\``. */
export function bodyOf(example: string): string | Uint8Array {
  const bytes = /^bytes `([0-9A-F ]+)`/.exec(example);
  if (bytes) return new Uint8Array(bytes[1]!.split(' ').map((b) => parseInt(b, 16)));
  return expandRepeats(example.slice(1, -1));
}
