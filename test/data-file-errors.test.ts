import { chmodSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadAccount } from '../src/account/load.js';
import { DataFileError } from '../src/data-file.js';
import { MAX_DATA_FILE_BYTES, unreadable } from '../src/load-file.js';
import { loadScenario } from '../src/scenario/load.js';
import { loadWorld } from '../src/server/world/default-world.js';

const dir = mkdtempSync(join(tmpdir(), 'data-file-errors-'));
const demo = JSON.parse(readFileSync('src/account/demo.json', 'utf8'));
const scenario = (extra: string) => `name: x\nrequest: { jsonrpc: "2.0", id: 1, method: start.employee_call, params: {} }\n${extra}\n`;
const account = (edit: (a: any) => void) => {
  const copy = structuredClone(demo);
  edit(copy);
  return stringify(copy);
};

/** The three kinds of data file, each read by its own loader (the server reads `--world` files with loadWorld). */
const KINDS = {
  scenario: { load: loadScenario, what: 'a scenario (name, request, world, expect, …)' },
  account: { load: loadAccount, what: 'an account (name, access_tokens, employees, media_files, …)' },
  world: { load: loadWorld, what: 'a mapping of employee, contact' },
} as const;
type Kind = keyof typeof KINDS;

/** How the file is made: its text, a directory, or nothing at all. */
type Make = { text: string } | { directory: true } | { missing: true };

/** [kind, problem, the file, the message after the file name ("F" stands for it)]. */
const PROBLEMS: [Kind, string, Make, string][] = (Object.keys(KINDS) as Kind[]).flatMap((kind): [Kind, string, Make, string][] => {
  const { what } = KINDS[kind];
  const rows: Record<Kind, [string, string, string][]> = {
    scenario: [
      ['unknown key', scenario('world: { contact: { anser_after: 4s } }'), 'F, at world.contact.anser_after: no key "anser_after" here (unknown key; check its spelling)'],
      ['wrong type', scenario('seed: one'), 'F, at seed: expected a number, got "one"'],
      ['bad duration', scenario('world: { contact: { answer_after: 4 sec } }'), 'F, at world.contact.answer_after: expected a duration: a number of ms or a string like "4s", "250ms", "1.5s", "2m" (got "4 sec")'],
      ['bad enum', scenario('world: { contact: { outcome: bussy } }'), 'F, at world.contact.outcome: expected one of "answer", "busy", "no_answer", "unavailable", "rejected", "manual", got "bussy"'],
    ],
    account: [
      ['unknown key', account((a) => (a.blacklst = [])), 'F, at blacklst: no key "blacklst" here (unknown key; check its spelling)'],
      ['wrong type', account((a) => (a.tts_max_length = 'many')), 'F, at tts_max_length: expected a number, got "many"'],
      ['bad duration', account((a) => (a.media_files[1].duration_ms = 'long')), 'F, at media_files[1].duration_ms: expected a duration: a number of ms or a string like "4s", "250ms", "1.5s", "2m" (got "long")'],
      ['bad enum', account((a) => (a.employees[0].numbers[0].status = 'on')), 'F, at employees[0].numbers[0].status: expected one of "active", "inactive", got "on"'],
    ],
    world: [
      ['unknown key', 'contact: { anser_after: 4s }\n', 'F, at contact.anser_after: no key "anser_after" here (unknown key; check its spelling)'],
      ['wrong type', 'contact: { hangup_after: true }\n', 'F, at contact.hangup_after: expected a number or a string, got true'],
      ['bad duration', 'employee: { "79260000001": { answer_after: -1 } }\n', 'F, at employee.79260000001.answer_after: expected a duration: a number of ms or a string like "4s", "250ms", "1.5s", "2m" (got -1)'],
      ['bad enum', 'contact: { outcome: bussy }\n', 'F, at contact.outcome: expected one of "answer", "busy", "no_answer", "unavailable", "rejected", "manual", got "bussy"'],
    ],
  };
  return [
    [kind, 'missing', { missing: true }, 'F: no such file'],
    [kind, 'a directory', { directory: true }, 'F: is a directory; expected a file'],
    [kind, 'empty', { text: '' }, `F: the file is empty; expected ${what}`],
    [kind, 'only a comment', { text: '# nothing yet\n' }, `F: the file is empty; expected ${what}`],
    [kind, 'not YAML', { text: 'name: x\nworld: { contact: [ }\n' }, 'F, line 2: not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 21)'],
    [kind, 'wrong top-level type (a list)', { text: '- a\n- b\n' }, `F: expected ${what}, got a list`],
    [kind, 'wrong top-level type (a string)', { text: 'hello\n' }, `F: expected ${what}, got "hello"`],
    ...rows[kind].map(([problem, text, message]): [Kind, string, Make, string] => [kind, problem, { text }, message]),
  ];
});

let count = 0;
function make(how: Make): string {
  const file = join(dir, `f${++count}.yaml`);
  if ('text' in how) writeFileSync(file, how.text);
  if ('directory' in how) mkdirSync(file);
  return file;
}

function messageOf(load: (file: string) => unknown, file: string): string {
  try {
    load(file);
  } catch (error) {
    if (error instanceof DataFileError) return error.message;
    throw error;
  }
  throw new Error(`${file} loaded without an error`);
}

describe('a data file that cannot be used: one sentence naming the file, the place and what was expected', () => {
  it.each(PROBLEMS)('%s file, %s', (kind, _, how, expected) => {
    const file = make(how);
    expect(messageOf(KINDS[kind].load, file)).toBe(expected.replace('F', file));
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file (not as root, who reads anything)', () => {
    const file = make({ text: 'name: x\n' });
    chmodSync(file, 0o000);
    expect(messageOf(loadScenario, file)).toBe(`${file}: cannot be read (permission denied)`);
  });

  it.each([
    ['ENOENT', 'no such file'],
    ['EISDIR', 'is a directory; expected a file'],
    ['ENOTDIR', 'no such file (a part of the path is not a directory)'],
    ['EACCES', 'cannot be read (permission denied)'],
    ['EMFILE', 'cannot be read (EMFILE)'],
  ])('why a file cannot be read: %s → "%s"', (code, sentence) => {
    expect(unreadable(code)).toBe(sentence);
  });

  it('a file too large to have been written by hand is not read', () => {
    const file = make({ text: '' });
    truncateSync(file, MAX_DATA_FILE_BYTES + 1);
    expect(messageOf(loadScenario, file)).toBe(`${file}: too large (${MAX_DATA_FILE_BYTES + 1} bytes); expected at most ${MAX_DATA_FILE_BYTES} bytes`);
  });

  it('a path through a file → no such file', () => {
    const file = make({ text: 'name: x\n' });
    expect(messageOf(loadAccount, join(file, 'inner.yaml'))).toBe(`${join(file, 'inner.yaml')}: no such file (a part of the path is not a directory)`);
  });
});
