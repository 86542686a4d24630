import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { Scenario } from '../../src/scenario/schema.js';
import { explore } from '../../src/sim/explore.js';
import { simulate } from '../../src/sim/simulate.js';

function fakeIo() {
  const io = { out: '', err: '', readStdin: async () => Buffer.alloc(0) };
  return { io: { ...io, out: (t: string) => void (io.out += t), err: (t: string) => void (io.err += t), readStdin: io.readStdin }, text: io };
}

describe('explore: generated worlds against the invariants', () => {
  it('reaches every kind of ending of both legs, and keeps the invariants', () => {
    const found = explore({ runs: 400, seed: 3 });
    expect(found.violations).toEqual([]);
    expect(found.talks).toBeGreaterThan(100);
    expect(Object.keys(found.byFinishReason).sort()).toEqual(
      expect.arrayContaining(['operator_busy', 'operator_disconnects', 'subscriber_busy', 'subscriber_disconnects', 'subscriber_not_responsible']),
    );
  });

  it('is the same for the same seed, and reports a broken call as a scenario that replays it', () => {
    expect(explore({ runs: 50, seed: 9 })).toEqual(explore({ runs: 50, seed: 9 }));
    const broken = explore({ runs: 10, seed: 9, check: (result) => (result.outcome?.is_lost ? [] : ['a talk happened']) });
    expect(broken.talks).toBeGreaterThan(0);
    expect(broken.violations).toHaveLength(broken.talks);
    for (const { scenario, problems } of broken.violations) {
      expect(problems).toEqual(['a talk happened']);
      expect(simulate(Scenario.parse(scenario)).outcome?.is_lost).toBe(false);
    }
  });

  it('the CLI prints how the calls ended, then "N passed, N failed"', async () => {
    const { io, text } = fakeIo();
    expect(await main(['explore', '--runs', '60', '--seed', '2'], io)).toBe(0);
    expect(text.out).toMatch(/^60 generated calls \(seed 2\): \d+ with a talk\n/);
    expect(text.out.endsWith('60 passed, 0 failed\n')).toBe(true);
  });

  it('rejects a bad --runs with the usage', async () => {
    const { io, text } = fakeIo();
    expect(await main(['explore', '--runs', 'lots'], io)).toBe(2);
    expect(text.err).toContain('--runs: expected a whole number ≥ 1, got "lots"');
  });
});
