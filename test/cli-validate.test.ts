import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import type { CliIo } from '../src/cli/io.js';
import { SEED_BODY } from './protocol/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ecs-validate-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs `employee-call-sim validate …` in-process. */
async function validate(args: string[], stdin: string | Uint8Array = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { readStdin: async () => Buffer.from(stdin), out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(['validate', ...args], io);
  return { code, out: out.join(''), err: err.join('') };
}

const SUCCESS = '{"jsonrpc":"2.0","id":"req1","result":{"data":{"call_session_id":1}}}\n';
const seedFile = file('seed.json', SEED_BODY);
const badBody = SEED_BODY.replace('"first_call": "employee"', '"first_call": "boss"');
const BAD_ANSWER = {
  jsonrpc: '2.0',
  id: 'req1',
  error: { code: -32602, message: 'Invalid parameter value', data: { mnemonic: 'invalid_parameter_value', field: 'first_call', value: 'boss', params: {}, extended_helper: null } },
};

describe('validate CLI: the answer on stdout, exit 0 valid / 1 error answer', () => {
  it.each<[string, string[], string]>([
    ['a file', [seedFile], ''],
    ['stdin with -', ['-'], SEED_BODY],
    ['stdin with no FILE', [], SEED_BODY],
    ['--account demo', [seedFile, '--account', 'demo'], ''],
    ['--account=demo before the file', ['--account=demo', seedFile], ''],
  ])('§1 the seed request from %s → exit 0, one line, call_session_id 1', async (_, args, stdin) => {
    expect(await validate(args, stdin)).toStrictEqual({ code: 0, out: SUCCESS, err: '' });
  });

  it.each<[string, string[], string]>([
    ['a file', [file('bad.json', badBody)], ''],
    ['stdin', ['-'], badBody],
  ])('V3 a bad request from %s → exit 1, the error answer on stdout', async (_, args, stdin) => {
    const result = await validate(args, stdin);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toStrictEqual(BAD_ANSWER);
    expect(result.out.endsWith('}\n') && result.out.split('\n').length).toBe(2);
  });

  it('V6 a file that is not UTF-8 is judged on its bytes → exit 1, character_encoding_not_allowed', async () => {
    const result = await validate([file('latin1.json', new Uint8Array([0x7b, 0xe9, 0x7d]))]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out).error.data.mnemonic).toBe('character_encoding_not_allowed');
  });

  it('an account file is used: one without "Call API Базовый набор" → exit 1, component_disabled', async () => {
    const demo = (await import('../src/account/demo.json', { with: { type: 'json' } })).default;
    const account = file('account.json', JSON.stringify({ ...demo, components: ['automatic_number_management'] }));
    const result = await validate([seedFile, '--account', account]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out).error.message).toBe('Component Call API Базовый набор has been disabled');
  });
});

describe('validate CLI: usage errors → exit 2, a message on stderr, nothing on stdout', () => {
  // The usage text follows a mistake in the command line, not a problem inside a file it names.
  it.each<[string, string[], string, boolean]>([
    ['a missing request file', [join(dir, 'nope.json')], `${join(dir, 'nope.json')}: expected a readable request file (ENOENT)`, false],
    ['an unknown flag', [seedFile, '--acount', 'demo'], "Unknown option '--acount'", true],
    ['--account without a value', [seedFile, '--account'], "Option '--account <value>' argument missing", true],
    ['two files', [seedFile, seedFile], 'expected at most one FILE, got 2', true],
    ['an account file that does not exist', [seedFile, '--account', join(dir, 'none.yaml')], `bad --account: ${join(dir, 'none.yaml')}: no such file`, false],
    [
      'a bad account file',
      [seedFile, '--account', file('bad-account.yaml', 'name: x\nemployees: [{ id: one }]\n')],
      `${join(dir, 'bad-account.yaml')}, at employees[0].id: expected a number, got "one"`,
      false,
    ],
  ])('%s', async (_, args, message, withUsage) => {
    const result = await validate(args);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain(message);
    expect(result.err.includes('usage: employee-call-sim')).toBe(withUsage);
  });
});
