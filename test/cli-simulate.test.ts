import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { main } from '../src/cli.js';
import type { CliIo } from '../src/cli/io.js';
import { loadScenario } from '../src/scenario/load.js';
import { simulate } from '../src/sim/simulate.js';

/** Runs one command line in-process; what it printed, and its exit code. */
async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { readStdin: async () => Buffer.alloc(0), out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await main(argv, io);
  return { code, out, err };
}

const SEED = 'scenarios/seed-example.yaml';
const seedText = readFileSync(SEED, 'utf8');

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-verify-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('employee-call-sim simulate', () => {
  it('--json prints the SPEC §5 object', async () => {
    const { code, out, err } = await run('simulate', SEED, '--json');
    expect([code, err]).toEqual([0, '']);
    expect(out).toBe(`${JSON.stringify(simulate(loadScenario(SEED)), null, 2)}\n`);
    expect(Object.keys(JSON.parse(out))).toEqual(['response', 'events', 'hears', 'outcome']);
  });

  it('prints a timeline for people: events with times in seconds, the two hears columns, the outcome', async () => {
    const { code, out } = await run('simulate', SEED);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('seed example — the page\'s own request in the default world');
    expect(lines).toContain('request accepted: {"call_session_id":1}');
    expect(lines).toContain('     0.000s  employee  dialing 79260000001, caller ID 79260000000');
    expect(lines).toContain('    11.000s  contact   starts hearing tts «Привет» (0.45s)');
    expect(lines).toContain('    11.450s  both      talk starts');
    expect(lines).toContain('    12.000s  contact   DTMF 1 sent');
    expect(lines).toContain('    71.450s  session   ended: subscriber_disconnects');
    expect(lines).toContain('  employee hears                         |  contact hears');
    expect(lines).toContain('  3.000–8.000s  message media 2561 (5s)  |  11.000–11.450s  tts «Привет» (0.45s)');
    expect(lines).toContain('  8.000–11.450s  hold music 2701         |  11.450–71.450s  talk');
    expect(lines.at(-2)).toBe('outcome: subscriber_disconnects, talk 1m, total 1m 11.45s, not lost');
  });

  it('prints a rejected request as its error, with no call', async () => {
    const { code, out } = await run('simulate', 'scenarios/v5-rejected-unknown-employee.yaml');
    expect(code).toBe(0);
    expect(out).toContain('request rejected: -32602 employee_not_found (field employee.id): Employee with id 7 not found. It is not your employee.');
    expect(out).toContain('outcome: none (no call was made)');
    expect(out).not.toContain('hears');
  });

  it('shows a leg that heard nothing', async () => {
    const { out } = await run('simulate', 'scenarios/d11-employee-busy.yaml');
    expect(out).toContain('  employee hears  |  contact hears\n  (nothing)       |  (nothing)\n');
  });

  it('keeps one line per event and the two columns with a long TTS text over several lines', async () => {
    const text = `Здравствуйте!\n${'Это очень длинное сообщение. '.repeat(5)}`;
    const dir = tempDir({ 'long.yaml': seedText.replace('value: "Привет"', `value: ${JSON.stringify(text)}`).replace(/\nexpect:[^]*/, '\n') });
    const { code, out } = await run('simulate', join(dir, 'long.yaml'));
    expect(code).toBe(0);
    const shown = 'tts «Здравствуйте! Это очень длинное сообщен…» (11.925s)'; // 159 characters × 75 ms
    expect(out).toContain(`    11.000s  contact   starts hearing ${shown}\n`);
    const columns = out.slice(out.indexOf('  employee hears'), out.indexOf('\noutcome:')).trim().split('\n');
    expect(columns.every((line) => line.includes('  |'))).toBe(true);
    expect(columns[1]).toBe(`  3.000–8.000s  message media 2561 (5s)  |  11.000–22.925s  ${shown}`);
  });

  it.each([
    ['a typo', seedText.replace('world:', 'wrld:'), 'at wrld: no key "wrld" here'],
    ['a bad duration', seedText.replace('world: {}', 'world: { contact: { answer_after: soon } }'), 'at world.contact.answer_after: expected a duration'],
  ])('exits 1 on a bad scenario file (%s), naming file and path on stderr', async (_, text, message) => {
    const dir = tempDir({ 'bad.yaml': text });
    const { code, out, err } = await run('simulate', join(dir, 'bad.yaml'));
    expect([code, out]).toEqual([1, '']);
    expect(err).toContain(`${join(dir, 'bad.yaml')}, ${message}`);
  });

  it('exits 1 on a missing file', async () => {
    const { code, err } = await run('simulate', 'no/such.yaml');
    expect(code).toBe(1);
    expect(err).toContain('no/such.yaml: no such file');
  });

  it.each([[[]], [[SEED, SEED]], [[SEED, '--yaml']]])('exits 2 on a usage mistake: simulate %j', async (args) => {
    const { code, err } = await run('simulate', ...args);
    expect(code).toBe(2);
    expect(err).toContain('usage: employee-call-sim');
  });
});

describe('employee-call-sim verify', () => {
  const wrong = seedText.replace('{ from: 3000, to: 8000,', '{ from: 3000, to: 7000,');

  it('prints one line per scenario, the first problems indented, then "N passed, N failed"; exit 1 if any failed', async () => {
    const dir = tempDir({ 'a-good.yaml': seedText, 'b-wrong.yaml': wrong, 'c-bad.yaml': 'name: x\n', 'notes.txt': 'not a scenario' });
    const { code, out } = await run('verify', dir);
    expect(code).toBe(1);
    expect(out.split('\n')).toEqual([
      "ok   a-good.yaml — seed example — the page's own request in the default world",
      "FAIL b-wrong.yaml — seed example — the page's own request in the default world",
      '       hears.employee[0].to: expected 7000, got 8000',
      'FAIL c-bad.yaml — not a valid scenario',
      `       ${join(dir, 'c-bad.yaml')}: expected exactly one of request, raw, raw_base64`,
      '1 passed, 2 failed',
      '',
    ]);
  });

  it('takes files as well as directories, and exits 0 when all pass', async () => {
    const dir = tempDir({ 'seed.json': JSON.stringify(parseYaml(seedText)) });
    const { code, out } = await run('verify', SEED, join(dir, 'seed.json'));
    expect(code).toBe(0);
    expect(out).toContain(`ok   ${SEED} — seed example`);
    expect(out).toContain(`ok   ${join(dir, 'seed.json')} — seed example`);
    expect(out.endsWith('2 passed, 0 failed\n')).toBe(true);
  });

  it('checks every file of scenarios/ by default, and all of them hold', async () => {
    const { code, out } = await run('verify');
    const count = readdirSync('scenarios').filter((f) => /\.(ya?ml|json)$/.test(f)).length;
    const [, passed, failed] = /(\d+) passed, (\d+) failed\n$/.exec(out) ?? [];
    expect([Number(passed), Number(failed), code]).toEqual([count, 0, 0]);
  });

  it('fails when there is nothing to verify', async () => {
    const { code, out, err } = await run('verify', tempDir({}));
    expect([code, out]).toEqual([1, '0 passed, 0 failed\n']);
    expect(err).toContain('no scenario files');
  });

  it('exits 2 on an unknown option', async () => {
    expect((await run('verify', '--fast')).code).toBe(2);
  });
});
