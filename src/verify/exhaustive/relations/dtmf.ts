import type { SimEvent, SimulationResult } from '../../../sim/types.js';
import { scenarioParams } from '../case.js';
import { differences } from '../compare.js';
import { copyCase, type Relation } from './relation.js';

/**
 * R15/D6 written out as the oracle: each digit with its offset from the contact's answer.
 * @example dtmfDue('12.3') // [{ offset: 0, digit: '1' }, { offset: 0, digit: '2' }, { offset: 1000, digit: '3' }]
 */
export function dtmfDue(dtmf: string): { offset: number; digit: string }[] {
  let offset = 0;
  return [...dtmf].flatMap((char) => {
    if (char !== '.') return [{ offset, digit: char }];
    offset += 1000;
    return [];
  });
}

/** When the contact's leg stops taking digits: it hung up, was released, or the session ended. */
function contactLegEnd(run: SimulationResult): number {
  const end = run.events.find((e) => (e.type === 'leg.hung_up' || e.type === 'leg.released') && e.leg === 'contact') ?? run.events.at(-1);
  return end?.t ?? 0;
}

const digitsOf = (events: SimEvent[]) => events.filter((e) => e.type === 'dtmf.sent').map((e) => `${e.t}:${(e as { digit: string }).digit}`);

export const dtmfOnlyAddsDigits: Relation = {
  name: 'dtmf-only-adds-digits',
  rules: ['R15', 'D6'],
  statement:
    'a dtmf_string adds only dtmf.sent events — each digit at the contact’s answer plus one second per preceding `.`, in order, none after the contact’s leg ended — and changes nothing else',
  neighbour: (base, run) => {
    // Only when the contact answered: before that, no digit is due.
    const answered = run.events.some((e) => e.type === 'leg.answered' && e.leg === 'contact');
    if (typeof scenarioParams(base.scenario).dtmf_string !== 'string' || !answered) return null;
    const next = copyCase(base);
    delete scenarioParams(next.scenario).dtmf_string;
    return next;
  },
  compare: (baseRun, neighbourRun, base) => {
    const problems = differences({ events: baseRun.events.filter((e) => e.type !== 'dtmf.sent'), outcome: baseRun.outcome }, neighbourRun);
    const answered = baseRun.events.find((e) => e.type === 'leg.answered' && e.leg === 'contact');
    const end = contactLegEnd(baseRun);
    const due = answered ? dtmfDue(scenarioParams(base.scenario).dtmf_string as string).map((d) => ({ t: answered.t + d.offset, digit: d.digit })) : [];
    const must = due.filter((d) => d.t < end).map((d) => `${d.t}:${d.digit}`);
    const may = due.filter((d) => d.t === end).map((d) => `${d.t}:${d.digit}`);
    const sent = digitsOf(baseRun.events);
    const allowed = [must, ...may.map((_, i) => [...must, ...may.slice(0, i + 1)])].map((list) => list.join(' '));
    if (!allowed.includes(sent.join(' '))) problems.push(`dtmf.sent ${sent.join(' ') || 'none'}, expected ${must.join(' ') || 'none'} (D6)`);
    return problems;
  },
};
