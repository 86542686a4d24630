import type { FailReason, FinishReason, LegName, SimEvent } from '../../../sim/types.js';
import { scenarioWorld } from '../case.js';
import type { Behaviour, Case } from '../types.js';
import { copyCase, relabelling } from './relation.js';

/** D11, written out here as the oracle (not read from the machines). */
const FINISH: Record<LegName, Record<FailReason, FinishReason>> = {
  contact: { busy: 'subscriber_busy', no_answer: 'subscriber_not_responsible', unavailable: 'no_success_subscriber_call', rejected: 'no_success_subscriber_call' },
  employee: { busy: 'operator_busy', no_answer: 'operator_not_responsible', unavailable: 'no_success_operator_call', rejected: 'no_success_operator_call' },
};
/** The failures that come `after` the same delay; each is swapped for the next. */
const NEXT: Partial<Record<FailReason, FailReason>> = { busy: 'rejected', rejected: 'unavailable', unavailable: 'busy' };

interface Swap {
  leg: LegName;
  /** The employee's number, or null for the contact. */
  number: string | null;
  from: FailReason;
  to: FailReason;
}

/** The first party (contact, then the employee's numbers in order) that fails with busy / unavailable / rejected. */
function swapOf(base: Case): Swap | null {
  const world = scenarioWorld(base.scenario);
  const parties: [LegName, string | null, Behaviour][] = [['contact', null, world.contact], ...Object.entries(world.employee).map(([n, b]) => ['employee', n, b] as [LegName, string, Behaviour])];
  for (const [leg, number, behaviour] of parties) {
    const to = NEXT[behaviour.outcome as FailReason];
    if (to) return { leg, number, from: behaviour.outcome as FailReason, to };
  }
  return null;
}

const isSwapped = (event: SimEvent, swap: Swap) =>
  event.type === 'leg.failed' && event.leg === swap.leg && (swap.number === null || event.number === swap.number);

export const failureKindIsALabel = relabelling({
  name: 'failure-kind-is-a-label',
  rules: ['D11', 'D7', 'D8'],
  statement:
    'a number that is busy / rejected / unavailable (after the same delay) changes only that leg.failed reason and, when the session ended by it, the finish_reason (D11)',
  neighbour: (base, run) => {
    const swap = swapOf(base);
    // Only a party that was dialled and failed: for one never dialled the runs are trivially the same.
    if (!swap || !run.events.some((e) => isSwapped(e, swap))) return null;
    const next = copyCase(base);
    const world = scenarioWorld(next.scenario);
    const behaviour = swap.number === null ? world.contact : world.employee[swap.number]!;
    behaviour.outcome = swap.to;
    return next;
  },
  relabel: (event, run, base) => {
    const swap = swapOf(base)!;
    if (isSwapped(event, swap)) return { ...event, reason: swap.to } as SimEvent;
    if (event.type === 'session.ended' && endedBy(run.events, swap)) return { ...event, finish_reason: FINISH[swap.leg][swap.to] };
    return event;
  },
  relabelOutcome: (outcome, run, base) => {
    const swap = swapOf(base)!;
    return endedBy(run.events, swap) ? { ...outcome, finish_reason: FINISH[swap.leg][swap.to] } : outcome;
  },
});

/** Whether the session ended because the swapped party failed: its failure is the last, and the reason D11 gives it. */
function endedBy(events: SimEvent[], swap: Swap): boolean {
  const lastFailure = events.filter((e) => e.type === 'leg.failed').at(-1);
  const ended = events.at(-1);
  return !!lastFailure && isSwapped(lastFailure, swap) && ended?.type === 'session.ended' && ended.finish_reason === FINISH[swap.leg][swap.from];
}
