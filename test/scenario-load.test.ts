import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../src/data-file.js';
import { loadScenario, parseScenarioText } from '../src/scenario/load.js';

const REQUEST = 'request: { jsonrpc: "2.0", id: req1, method: start.employee_call, params: {} }';
const minimal = (extra = '') => `name: minimal\n${REQUEST}\n${extra}`;
const demoAccount = JSON.parse(readFileSync('src/account/demo.json', 'utf8'));

function problemOf(text: string, file = 'bad.yaml'): DataFileError {
  try {
    parseScenarioText(file, text);
  } catch (error) {
    if (error instanceof DataFileError) return error;
    throw error;
  }
  throw new Error('expected a DataFileError');
}

describe('loadScenario / parseScenarioText (docs/spec.md §6)', () => {
  it('fills the defaults: demo account, 30 s dial timeout (D3), 75 ms per TTS character (D2), seed 1 (D15)', () => {
    const scenario = parseScenarioText('ok.yaml', minimal());
    expect(scenario).toMatchObject({ account: 'demo', platform: { dial_timeout: 30_000, tts_ms_per_char: 75 }, seed: 1, rules: [] });
  });

  it('reads JSON as well as YAML, and durations with units (D1)', () => {
    const json = JSON.stringify({
      name: 'json',
      raw: '{}',
      platform: { dial_timeout: '1.5s' },
      world: { contact: { answer_after: '250ms', hangup_after: '2m' }, employee: { '79260000001': { outcome: 'busy', after: 500 } } },
    });
    const scenario = parseScenarioText('ok.json', json);
    expect(scenario.platform.dial_timeout).toBe(1500);
    expect(scenario.world.contact).toMatchObject({ answer_after: 250, hangup_after: 120_000 });
    expect(scenario.world.employee.byNumber['79260000001']).toMatchObject({ outcome: 'busy', after: 500 });
  });

  it.each([
    ['a typo at the top', minimal('expext: {}'), 'expext', 'unknown key'],
    ['a typo in a leg behaviour', minimal('world: { contact: { anser_after: 4s } }'), 'world.contact.anser_after', 'unknown key'],
    ['a typo in the shared employee behaviour', minimal('world: { employee: { hangup_afte: 4s } }'), 'world.employee.hangup_afte', 'behaviour field'],
    ['a typo in expect', minimal('expect: { outcom: null }'), 'expect.outcom', 'unknown key'],
    ['a bad duration', minimal('world: { contact: { answer_after: "4 sec" } }'), 'world.contact.answer_after', 'expected a duration'],
    ['a bad duration per number', minimal('world: { employee: { "79260000001": { answer_after: -1 } } }'), 'world.employee.79260000001.answer_after', 'expected a duration'],
    ['a bad enum', minimal('world: { contact: { outcome: bussy } }'), 'world.contact.outcome', 'expected one of "answer", "busy", "no_answer", "unavailable", "rejected", "manual", got "bussy"'],
    ['a bad early media kind', minimal('world: { contact: { early_media: [ { at: 0s, kind: music } ] } }'), 'world.contact.early_media[0].kind', 'ringback'],
    ['a failure with an answer time', minimal('world: { contact: { outcome: busy, answer_after: 1s } }'), 'world.contact.answer_after', 'no answer_after'],
    ['a rule that is not a rule id', minimal('rules: [R1, rule2]'), 'rules[1]', 'R4, V3 or D12, got "rule2"'],
    ['a body that is not base64', `name: b64\nraw_base64: "eyJ!"\n`, 'raw_base64', 'expected the body bytes in base64'],
    ['two request bodies', `${minimal()}raw: "{}"\n`, 'raw', 'exactly one of request'],
    ['no name', REQUEST, 'name', 'missing; expected a string'],
    ['an unknown account', minimal('account: nobody.json'), 'account', 'built-in account (demo)'],
    ['a mistake inside an inline account', minimal(`account: ${JSON.stringify({ ...demoAccount, tts_max_length: 'many' })}`), 'account.tts_max_length', 'expected a number, got "many"'],
    ['a typo inside an inline account', minimal(`account: ${JSON.stringify({ ...demoAccount, blacklst: [] })}`), 'account.blacklst', 'unknown key'],
    ['an account that is neither a name nor an object', minimal('account: 7'), 'account', 'expected a string or a mapping, got 7'],
    ['a duration of the wrong type', minimal('world: { contact: { hangup_after: true } }'), 'world.contact.hangup_after', 'expected a number or a string, got true'],
    ['a fraction for a whole number', minimal('seed: 1.5'), 'seed', 'expected a whole number, got 1.5'],
    ['a number out of range', minimal('platform: { tts_ms_per_char: 0 }'), 'platform.tts_ms_per_char', 'expected a number > 0, got 0'],
  ])('names the file, the path and what was expected: %s', (_, text, path, expected) => {
    const error = problemOf(text);
    expect(error.file).toBe('bad.yaml');
    expect(error.problems.map((p) => p.path)).toContain(path);
    expect(error.problems.find((p) => p.path === path)?.expected).toContain(expected);
    expect(error.message).toContain(`bad.yaml, at ${path}: `);
  });

  it('names the line of a YAML syntax error', () => {
    const error = problemOf(`name: broken\n${REQUEST}\nworld:\n  contact: { answer_after: 4s\n  employee: {}\n`);
    expect(error.problems[0]?.path).toMatch(/^line [45]$/);
    expect(error.message).toMatch(/^bad\.yaml, line [45]: not valid YAML \(/);
  });

  it('rejects a duplicated key rather than silently keeping one', () => {
    expect(problemOf(`${minimal()}name: again\n`).message).toMatch(/line \d/);
  });

  it('loads an account file given relative to the scenario file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-load-'));
    const demo = JSON.parse(readFileSync('src/account/demo.json', 'utf8'));
    writeFileSync(join(dir, 'mine.json'), JSON.stringify({ ...demo, name: 'mine' }));
    writeFileSync(join(dir, 's.yaml'), minimal('account: mine.json'));
    const scenario = loadScenario(join(dir, 's.yaml'));
    expect(typeof scenario.account === 'object' && scenario.account.name).toBe('mine');
  });

  it("reports a bad account file's own path inside it", () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-load-'));
    writeFileSync(join(dir, 'bad-account.yaml'), 'name: x\n');
    writeFileSync(join(dir, 's.yaml'), minimal('account: bad-account.yaml'));
    expect(() => loadScenario(join(dir, 's.yaml'))).toThrow(/bad-account\.yaml, at access_tokens: missing; expected a list/);
  });

  it('reports a missing scenario file', () => {
    expect(() => loadScenario('no/such/file.yaml')).toThrow(/^no\/such\/file\.yaml: no such file$/);
  });
});
