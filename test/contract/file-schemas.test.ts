import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { main } from '../../src/cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { FILE_KINDS, fileSchemaText } from '../../src/contract/file-schemas.js';
import { validatorOf } from './ajv.js';

const committed = (kind: string) => readFileSync(`schemas/${kind}.schema.json`, 'utf8');
const validate = Object.fromEntries(FILE_KINDS.map((kind) => [kind, validatorOf(JSON.parse(committed(kind)))]));
const scenarioFiles = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
const SCHEMA_LINE = /^# yaml-language-server: \$schema=(\S+)$/;

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { readStdin: async () => Buffer.alloc(0), out: (t) => void (out += t), err: (t) => void (err += t) };
  return { code: await main(argv, io), out, err };
}

describe('JSON Schemas of the data files, generated from the zod schemas', () => {
  it.each(FILE_KINDS)('schemas/%s.schema.json is what the zod schema generates now (regenerate: npm run schemas)', (kind) => {
    expect(committed(kind)).toBe(fileSchemaText(kind));
  });

  it.each(FILE_KINDS)('employee-call-sim schema %s prints it', async (kind) => {
    expect(await cli('schema', kind)).toStrictEqual({ code: 0, out: committed(kind), err: '' });
  });

  it.each([[[]], [['scenarios']], [['world', 'account']]])('employee-call-sim schema %j is a usage error (exit 2)', async (args) => {
    const { code, out, err } = await cli('schema', ...args);
    expect([code, out]).toStrictEqual([2, '']);
    expect(err).toContain('expected one of scenario, account, world');
  });

  it.each(scenarioFiles)('scenarios/%s names the schema on its first line, and validates against it', (file) => {
    const text = readFileSync(join('scenarios', file), 'utf8');
    const schemaPath = SCHEMA_LINE.exec(text.split('\n')[0]!)?.[1];
    expect(schemaPath).toBe('../schemas/scenario.schema.json');
    expect(existsSync(resolve(dirname(join('scenarios', file)), schemaPath!))).toBe(true);
    expect(validate.scenario!(parseYaml(text)), JSON.stringify(validate.scenario!.errors)).toBe(true);
  });

  it('the demo account validates against the account schema', () => {
    expect(validate.account!(JSON.parse(readFileSync('src/account/demo.json', 'utf8'))), JSON.stringify(validate.account!.errors)).toBe(true);
  });

  it.each([
    ['durations as ms and with units (D1)', { contact: { answer_after: 4000, hangup_after: '1.5s' }, employee: { after: ' 2m ' } }, true],
    ['shared employee keys plus per-number behaviours', { employee: { answer_after: '4s', '79260000001': { outcome: 'busy', after: '1s' } } }, true],
    ['a duration that is not one', { contact: { answer_after: '4 sec' } }, false],
    ['a negative duration', { contact: { answer_after: -1 } }, false],
    ['a typo in a behaviour', { contact: { anser_after: '4s' } }, false],
    ['a typo in the shared employee behaviour', { employee: { hangup_afte: '4s' } }, false],
    ['a per-number behaviour that is not an object', { employee: { '79260000001': 'busy' } }, false],
    ['an unknown outcome', { contact: { outcome: 'bussy' } }, false],
  ])('world schema: %s → %s', (_, world, valid) => {
    expect(validate.world!(world)).toBe(valid);
  });

  it('shows the defaults a file may leave out (input direction)', () => {
    const scenario = JSON.parse(committed('scenario'));
    expect(scenario.properties.account.default).toBe('demo');
    expect(scenario.properties.seed).toMatchObject({ type: 'integer', default: 1 });
    expect(scenario.properties.platform.properties.tts_ms_per_char).toMatchObject({ default: 75 });
    expect(scenario.properties.platform.properties.dial_timeout.default).toBe(30000);
    expect(JSON.parse(committed('account')).properties.tts_max_length).toMatchObject({ type: 'integer', maximum: 4096 });
  });
});
