import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { exploreExhaustive } from '../../src/verify/exhaustive/exhaustive.js';
import { RELATIONS } from '../../src/verify/exhaustive/relations/index.js';
import { groupsOfShard } from '../../src/verify/exhaustive/space.js';
import { indexWith, space } from './helpers.js';

function fakeIo() {
  const text = { out: '', err: '' };
  const io = { out: (t: string) => void (text.out += t), err: (t: string) => void (text.err += t), readStdin: async () => Buffer.alloc(0) };
  return { io, text };
}

/** Runs of a share of the space take seconds on an idle machine, minutes on a loaded one. */
const LONG = 600_000;

/** The worker module as worker threads load it: compiled to JavaScript (the CLI runs from dist/). */
let workerScript: URL;
beforeAll(async () => {
  const outfile = join(mkdtempSync(join(tmpdir(), 'explore-worker-')), 'worker.mjs');
  await build({
    entryPoints: ['src/verify/exhaustive/worker.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  workerScript = pathToFileURL(outfile);
});

describe('employee-call-sim explore --exhaustive', () => {
  it('a shard of the space: progress on stderr, the report on stdout, last line "N combinations, 0 violations"', async () => {
    const { io, text } = fakeIo();
    expect(await main(['explore', '--exhaustive', '--shard', '13/50', '--workers', '1'], io)).toBe(0);
    expect(text.err).toMatch(/^explore: \d+\/\d+ combinations, 0 violations, [\d.]+ s$/m);
    expect(text.out).toMatch(/^exhaustive exploration: 95000 combinations in the space \(5 flags × 5 employee_message × 5 contact_message × 2 dtmf × 19 world × 20 ending\)$/m);
    const inShard = groupsOfShard(space, { index: 13, count: 50 }).length * space.groupSize;
    expect(text.out).toMatch(new RegExp(`^shard 13/50: ${inShard} combinations, \\d+ not applicable`, 'm'));
    const [, checked] = text.out.match(/(\d+) combinations, 0 violations\n$/)!;
    expect(Number(checked)).toBeGreaterThan(400);
  }, LONG);

  it('worker threads give the same report as one thread, whatever finishes first', async () => {
    const shard = { index: 3, count: 200 };
    const alone = await exploreExhaustive({ shard, workers: 1 });
    const threaded = await exploreExhaustive({ shard, workers: 2, workerScript, chunkGroups: 2 });
    expect(threaded).toEqual(alone);
    expect(alone.checked).toBeGreaterThan(50);
  }, LONG);

  it('a tenth of the space on two worker threads: every relation applies, no violation (the CI share)', async () => {
    const report = await exploreExhaustive({ shard: { index: 1, count: 10 }, workers: 2, workerScript });
    expect(report.kept).toEqual([]);
    expect(report.violations).toBe(0);
    expect(report.checked).toBeGreaterThan(2000);
    for (const relation of RELATIONS) expect(report.relations[relation.name], relation.name).toBeGreaterThan(0);
    expect(Object.keys(report.finishReasons).sort()).toEqual([
      'no_success_operator_call',
      'no_success_subscriber_call',
      'operator_busy',
      'operator_disconnects',
      'operator_not_responsible',
      'subscriber_busy',
      'subscriber_disconnects',
      'subscriber_not_responsible',
      'success_finish',
    ]);
  }, LONG);

  it('--only INDEX replays one combination and prints it as a scenario file that simulate and verify read', async () => {
    const index = indexWith({ flags: 'first_call contact', ending: 'contact hangs up during hold' });
    const { io, text } = fakeIo();
    expect(await main(['explore', '--exhaustive', '--only', String(index)], io)).toBe(0);
    expect(text.out).toContain(`# combination ${index}: flags=first_call contact · employee_message=none`);
    expect(text.out).toMatch(/^ {4}hangup_after: \d+$/m);
    expect(text.out.endsWith('# 1 combinations, 0 violations\n')).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'only-')), 'replay.yaml');
    writeFileSync(file, text.out);
    const replay = fakeIo();
    expect(await main(['verify', file], replay.io)).toBe(0);
    expect(replay.text.out).toContain('1 passed, 0 failed');
  });

  it('--json gives the counts as one object', async () => {
    const { io, text } = fakeIo();
    expect(await main(['explore', '--exhaustive', '--shard', '50/50', '--workers', '1', '--json'], io)).toBe(0);
    const [json, last] = [text.out.slice(0, text.out.lastIndexOf('}') + 1), text.out.slice(text.out.lastIndexOf('}') + 2)];
    const report = JSON.parse(json);
    const inShard = groupsOfShard(space, { index: 50, count: 50 }).length * space.groupSize;
    expect(report).toMatchObject({ shard: '50/50', in_shard: inShard, violations: 0, violations_shown: [] });
    expect(last).toBe(`${report.combinations} combinations, 0 violations\n`);
  }, LONG);

  it.each([
    [['--exhaustive', '--shard', '3/2'], '--shard: expected i/n with 1 ≤ i ≤ n, got "3/2"'],
    [['--exhaustive', '--workers', '0'], '--workers: expected a whole number ≥ 1, got "0"'],
    [['--exhaustive', '--runs', '5'], '--runs and --seed are for random exploration, not --exhaustive'],
    [['--shard', '1/2'], '--shard goes with --exhaustive'],
    [['--exhaustive', '--only', '95000'], '--only: the space has combinations 0 … 94999'],
  ])('explore %j is a usage error', async (args, message) => {
    const { io, text } = fakeIo();
    expect(await main(['explore', ...args], io)).toBe(2);
    expect(text.err).toContain(message);
  });
});
