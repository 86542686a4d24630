import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SimEvent, SimulationResult } from '../../src/sim/types.js';
import { RELATIONS } from '../../src/verify/exhaustive/relations/index.js';
import { directionIsALabel } from '../../src/verify/exhaustive/relations/labels.js';
import { runCase } from '../../src/verify/exhaustive/run-case.js';
import { evaluated } from './helpers.js';

const relation = (name: string) => RELATIONS.find((r) => r.name === name)!;

/** One combination each relation applies to. */
const APPLIES: [string, Record<string, string>][] = [
  ['labels', {}],
  ['tts-disables-switch', { flags: 'employee, switch_at_once', contact_message: 'tts 0.45 s' }],
  ['tts-disables-switch', { flags: 'contact, switch_at_once', contact_message: 'tts 9 s', employee_message: 'media 2561 (5 s)' }],
  ['switch-with-nothing-to-cut', { flags: 'contact, switch_at_once' }],
  ['message-type-is-a-label', { employee_message: 'media 2562 (8 s)' }],
  ['failure-kind-is-a-label', { world: 'employee 1 number answers; contact busy after ringback, announcement' }],
  ['failure-kind-is-a-label', { flags: 'first_call contact', world: 'employee 1 number rejected; contact answers' }],
  ['contact-answer-delay', { ending: 'employee hangs up during talk' }],
  ['employee-answer-delay', { ending: 'release.call during talk', dtmf: '12.3...4' }],
  ['early-switching-only-changes-the-line', { flags: 'employee, switch_at_once, early_switching', contact_message: 'tts 9 s' }],
  ['hangup-or-release', { ending: 'contact hangs up during talk', dtmf: '12.3...4' }],
  ['dtmf-only-adds-digits', { dtmf: '12.3...4', ending: 'contact hangs up during own message', contact_message: 'media 2561 (5 s)' }],
];

function neighbourOf(name: string, values: Record<string, string>) {
  const { case: base, run } = evaluated(values);
  const neighbour = relation(name).neighbour(base, run);
  if (!neighbour) throw new Error(`${name} does not apply to ${JSON.stringify(values)}`);
  return { base, run, neighbourRun: runCase(neighbour) };
}

const lastEventLater = (run: SimulationResult): SimulationResult => ({
  ...run,
  events: run.events.map((e, i) => (i === run.events.length - 1 ? ({ ...e, t: e.t + 1 } as SimEvent) : e)),
});

describe('metamorphic relations', () => {
  it.each(APPLIES)('%s holds on %j, and reports a neighbour whose end comes 1 ms late', (name, values) => {
    const { base, run, neighbourRun } = neighbourOf(name, values);
    expect(relation(name).compare(run, neighbourRun, base)).toEqual([]);
    expect(relation(name).compare(run, lastEventLater(neighbourRun), base).length).toBeGreaterThan(0);
  });

  it('labels checks the four label relations in one run: anything else that changes is a violation', () => {
    const { base, run, neighbourRun } = neighbourOf('labels', {});
    const inDirection = { ...neighbourRun, events: neighbourRun.events.map((e) => (e.type === 'session.started' ? { ...e, first_call: 'contact' as const } : e)) };
    expect(directionIsALabel.compare(run, inDirection, base)[0]).toMatch(/^events\[0\]: expected .*"first_call":"employee"/);
    expect(relation('labels').compare(run, inDirection, base).length).toBeGreaterThan(0);
  });

  it('early-switching-only-changes-the-line: hold music heard with early_switching is a violation (R3)', () => {
    const { base, run, neighbourRun } = neighbourOf('early-switching-only-changes-the-line', { flags: 'employee, switch_at_once, early_switching' });
    const onHold = { ...run, hears: { ...run.hears, employee: run.hears.employee.map((s) => (s.kind === 'contact_line' ? { from: s.from, to: s.to, kind: 'hold_music' as const, media_file_id: 2701 } : s)) } };
    expect(relation('early-switching-only-changes-the-line').compare(onHold, neighbourRun, base)).toContainEqual(
      expect.stringMatching(/^with early_switching: the employee hears hold_music at \d+–\d+, expected only contact_line$/),
    );
  });

  it('dtmf-only-adds-digits: a digit missing before the contact’s leg ended is a violation (D6)', () => {
    const { base, run, neighbourRun } = neighbourOf('dtmf-only-adds-digits', { dtmf: '12.3...4' });
    const lost = { ...run, events: run.events.filter((e) => !(e.type === 'dtmf.sent' && e.digit === '3')) };
    expect(relation('dtmf-only-adds-digits').compare(lost, neighbourRun, base)).toEqual([expect.stringMatching(/^dtmf\.sent .* expected .*:3 /)]);
  });

  it('every relation is documented in docs/verification.md with its rules', () => {
    const docs = readFileSync('docs/verification.md', 'utf8');
    for (const r of RELATIONS.flatMap((r) => (r.name === 'labels' ? [] : [r]))) {
      const line = docs.split('\n').find((l) => l.includes(`\`${r.name}\``));
      expect(line, r.name).toBeDefined();
      for (const rule of r.rules) expect(line, `${r.name} cites ${rule}`).toMatch(new RegExp(`\\b${rule}\\b`));
    }
  });
});
