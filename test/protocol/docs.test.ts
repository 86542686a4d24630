import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERRORS, handleRequest, type Mnemonic } from '../../src/protocol/index.js';
import { NOW, demo, demoWith } from './helpers.js';

/** The rows of the error table in the README: code, mnemonic, message, field, example. */
const ROW = /^\| (-\d+) \| `(\w+)` \| `([^`]+)` \| (null|`[\w.]+`) \| .+ \| (.+) \|$/;
const rows = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  .split('\n')
  .flatMap((line) => {
    const m = ROW.exec(line);
    return m ? [{ code: Number(m[1]), mnemonic: m[2] as Mnemonic, message: m[3]!, field: m[4] === 'null' ? null : m[4]!.slice(1, -1), example: m[5]! }] : [];
  });

/** The example as a body: `…` JSON, or `bytes \`7B E9\``; `<N × c>` stands for c repeated N times. */
function bodyOf(example: string): string | Uint8Array {
  const bytes = /^bytes `([0-9A-F ]+)`/.exec(example);
  if (bytes) return new Uint8Array(bytes[1]!.split(' ').map((b) => parseInt(b, 16)));
  return example.slice(1, -1).replace(/<(\d+) × (.)>/gu, (_, n: string, c: string) => c.repeat(Number(n)));
}

describe('README: errors the request checks return', () => {
  it('lists every error of the catalogue but those of other methods', () => {
    const otherMethods = ['auth_error', 'ip_not_whitelisted', 'forbidden', 'account_inactive', 'limit_exceeded', 'call_session_not_found'];
    const listed = [...new Set(rows.map((r) => r.mnemonic))].sort();
    expect(listed).toStrictEqual(Object.keys(ERRORS).filter((m) => !otherMethods.includes(m)).sort());
  });

  it.each(rows)('V7 $code $mnemonic: code and message as in the catalogue', ({ code, mnemonic, message }) => {
    expect(ERRORS[mnemonic]).toStrictEqual({ code, message });
  });

  it.each(rows.filter((r) => r.example !== '—'))('V1–V6 the example of $mnemonic ($field) gets that answer', ({ mnemonic, field, example }) => {
    const account = mnemonic !== 'component_disabled' ? demo : demoWith({ components: field ? ['call_api_basic'] : [] });
    const result = handleRequest(bodyOf(example), account, { now: NOW });
    expect(result.ok ? 'ok' : [result.response.error.data.mnemonic, result.response.error.data.field]).toStrictEqual([mnemonic, field]);
  });
});
