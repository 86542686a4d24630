import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ACCOUNTS } from '../../src/account/builtin.js';
import { loadAccount } from '../../src/account/load.js';
import { DataFileError } from '../../src/data-file.js';

const dir = mkdtempSync(join(tmpdir(), 'ecs-account-'));
const demoData = JSON.parse(readFileSync(new URL('../../src/account/demo.json', import.meta.url), 'utf8'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The demo account data with one edit made by `edit`. */
function demoEdited(edit: (data: any) => void): any {
  const data = structuredClone(demoData);
  edit(data);
  return data;
}

function loadError(path: string): DataFileError {
  try {
    loadAccount(path);
  } catch (error) {
    if (error instanceof DataFileError) return error;
    throw error;
  }
  throw new Error(`${path} loaded without an error`);
}

describe('loadAccount', () => {
  it('§7 "demo" is the built-in demo account', () => {
    expect(loadAccount('demo')).toBe(BUILTIN_ACCOUNTS.demo);
  });

  it.each([
    ['YAML', 'ok.yaml', (data: unknown) => stringify(data)],
    ['JSON', 'ok.json', (data: unknown) => JSON.stringify(data)],
  ])('§7 a %s account file is checked by the same schema as the demo account', (_, name, write) => {
    expect(loadAccount(file(name, write(demoData)))).toStrictEqual(BUILTIN_ACCOUNTS.demo);
  });

  const edited = (edit: (data: any) => void) => stringify(demoEdited(edit));
  it.each<[string, string, string, string]>([
    ['a typo’d key deep inside (YAML)', 'typo.yaml', edited((d) => (d.employees[0].numbers[1].stauts = 'active')), 'employees[0].numbers[1].stauts: no key "stauts" here (unknown key; check its spelling)'],
    ['a wrong enum value deep inside (YAML)', 'status.yaml', edited((d) => (d.employees[0].numbers[1].status = 'on')), 'employees[0].numbers[1].status: expected one of "active", "inactive", got "on"'],
    ['a wrong type deep inside (JSON)', 'type.json', JSON.stringify(demoEdited((d) => (d.employees[1].id = '26'))), 'employees[1].id: expected a number, got "26"'],
    ['a bad E.164 virtual number', 'e164.yaml', edited((d) => (d.virtual_numbers[2].number = '+74951110000')), 'virtual_numbers[2].number: expected an E.164 number: 11–15 digits, country code first, got "+74951110000"'],
    ['a bad token date', 'date.yaml', edited((d) => (d.access_tokens[1].expires_at = 'yesterday')), 'access_tokens[1].expires_at: expected an ISO 8601 date and time with a time zone, e.g. "2030-01-31T23:59:59Z"'],
    ['a token date without a time zone', 'zone.json', JSON.stringify(demoEdited((d) => (d.access_tokens[1].expires_at = '2020-01-01T00:00:00'))), 'access_tokens[1].expires_at: expected an ISO 8601 date and time with a time zone'],
    ['a bad webhook URL', 'url.yaml', edited((d) => (d.notifications = [{ url: 'hooks' }])), 'notifications[0].url: expected an absolute URL, e.g. "http://127.0.0.1:9000/hooks"'],
    ['a TTS limit over 4096', 'max.yaml', edited((d) => (d.tts_max_length = 4097)), 'tts_max_length: expected a number ≤ 4096, got 4097'],
    ['a fractional TTS limit', 'int.yaml', edited((d) => (d.tts_max_length = 1.5)), 'tts_max_length: expected a whole number, got 1.5'],
    ['no dialing_music', 'music.yaml', edited((d) => (d.media_files = d.media_files.slice(1))), 'media_files: expected a system media file with mnemonic "dialing_music"'],
    ['a missing key', 'missing.json', JSON.stringify(demoEdited((d) => delete d.tts_max_length)), 'tts_max_length: missing; expected a number'],
  ])('an account file with %s → DataFileError naming the file, the path and what was expected', (_, name, text, expected) => {
    const error = loadError(file(name, text));
    expect(error.file).toBe(join(dir, name));
    expect(error.message).toContain(`${join(dir, name)}, at ${expected}`);
  });

  it('bad YAML → DataFileError naming the file and the line', () => {
    const error = loadError(file('bad.yaml', 'name: demo\nemployees: [\n  {id: 25\n'));
    expect(error.message).toMatch(/bad\.yaml, line \d+: not valid YAML \(/);
  });

  it.each(['no-such-file.yaml', 'constructor'])('a file that cannot be read (%s) → DataFileError', (name) => {
    expect(loadError(join(dir, name)).message).toBe(`${join(dir, name)}: no such file`);
  });
});
