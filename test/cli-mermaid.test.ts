/** employee-call-sim simulate --format: text, json (= --json), mermaid. */
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import type { CliIo } from '../src/cli/io.js';
import { mermaidSequence } from '../src/diagram/mermaid.js';
import { ladderRows } from '../src/diagram/sequence.js';
import { loadScenario } from '../src/scenario/load.js';
import { simulate } from '../src/sim/simulate.js';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { readStdin: async () => Buffer.alloc(0), out: (t) => void (out += t), err: (t) => void (err += t) };
  return { code: await main(argv, io), out, err };
}

const SEED = 'scenarios/seed-example.yaml';

describe('employee-call-sim simulate --format', () => {
  it('mermaid prints the call as a sequence diagram', async () => {
    const { code, out, err } = await run('simulate', SEED, '--format', 'mermaid');
    expect([code, err]).toEqual([0, '']);
    expect(out.startsWith('sequenceDiagram\n')).toBe(true);
    expect(out).toBe(mermaidSequence(ladderRows(simulate(loadScenario(SEED)).events), loadScenario(SEED).name));
    expect(out).toContain('P->>C: 12 s · DTMF 1');
  });

  it('--format=json is --json; --format text is the default timeline', async () => {
    expect((await run('simulate', SEED, '--format=json')).out).toBe((await run('simulate', SEED, '--json')).out);
    expect((await run('simulate', SEED, '--format', 'text')).out).toBe((await run('simulate', SEED)).out);
  });

  it('refuses an unknown format or a missing value with exit 2', async () => {
    const bad = await run('simulate', SEED, '--format', 'dot');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown format "dot": use text, json or mermaid');
    expect((await run('simulate', SEED, '--format')).code).toBe(2);
  });
});
