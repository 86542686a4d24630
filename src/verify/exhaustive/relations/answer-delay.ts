import { DEFAULTS } from '../../../../machines/world.js';
import { Platform } from '../../../scenario/schema.js';
import type { LegName, SimEvent, SimulationResult } from '../../../sim/types.js';
import { answeredAt, other } from '../phases.js';
import { scenarioParams, scenarioWorld } from '../case.js';
import { differences } from '../compare.js';
import type { Behaviour, Case } from '../types.js';
import { copyCase, type Relation } from './relation.js';

/** How much later the party answers in the neighbour. */
export const DELTA_MS = 1_500;

/** The behaviour of the party's number that answers: the contact, or the employee's number with no failure. */
function answering(scenario: Case['scenario'], leg: LegName): Behaviour | undefined {
  const world = scenarioWorld(scenario);
  const behaviours = leg === 'contact' ? [world.contact] : Object.values(world.employee);
  return behaviours.find((b) => b.outcome === undefined || b.outcome === 'answer');
}

/**
 * `leg` answers DELTA later; whatever was to happen after its answer (the other party's hang-up,
 * release.call) is moved by DELTA too. Null when it did not answer, or when DELTA would reach the dial
 * timeout or let early media in.
 */
function delayed(base: Case, run: SimulationResult, leg: LegName): Case | null {
  const behaviour = answering(base.scenario, leg);
  const answer = answeredAt(run, leg)?.t;
  // A party that never answered (the call ended first) answering later changes trivially nothing.
  if (!behaviour || answer === undefined) return null;
  const answerAfter = (behaviour.answer_after as number | undefined) ?? DEFAULTS.answerAfterMs;
  const media = (behaviour.early_media as { at: number }[] | undefined) ?? [];
  const dialTimeout = Platform.parse(base.scenario.platform ?? {}).dial_timeout;
  if (answerAfter + DELTA_MS >= dialTimeout || media.some((m) => m.at >= answerAfter)) return null;
  const next = copyCase(base);
  answering(next.scenario, leg)!.answer_after = answerAfter + DELTA_MS;
  const before = answeredAt(run, other(leg));
  const otherBehaviour = before && (leg === 'contact' ? scenarioWorld(next.scenario).employee[before.number] : scenarioWorld(next.scenario).contact);
  const hangup = otherBehaviour?.hangup_after as number | undefined;
  if (before && before.t < answer && hangup !== undefined && before.t + hangup >= answer) otherBehaviour!.hangup_after = hangup + DELTA_MS;
  if (next.releaseAt !== null && next.releaseAt >= answer) next.releaseAt += DELTA_MS;
  return next;
}

/** The run with every event from `leg`'s answer on moved DELTA later. */
function shifted(run: SimulationResult, leg: LegName): { events: SimEvent[]; outcome: SimulationResult['outcome'] } {
  const from = run.events.findIndex((e) => e.type === 'leg.answered' && e.leg === leg);
  if (from < 0) return run;
  const events = run.events.map((e, i): SimEvent => {
    if (i < from) return e;
    if (e.type === 'session.ended') return { ...e, t: e.t + DELTA_MS, total_duration_ms: e.total_duration_ms + DELTA_MS };
    return { ...e, t: e.t + DELTA_MS };
  });
  return { events, outcome: run.outcome && { ...run.outcome, total_duration_ms: run.outcome.total_duration_ms + DELTA_MS } };
}

function answerDelay(leg: LegName, rules: string[], statement: string, applies: (base: Case) => boolean): Relation {
  return {
    name: `${leg}-answer-delay`,
    rules,
    statement,
    neighbour: (base, run) => (applies(base) ? delayed(base, run, leg) : null),
    compare: (baseRun, neighbourRun) => differences(shifted(baseRun, leg), neighbourRun),
  };
}

export const contactAnswerDelay = answerDelay(
  'contact',
  ['D1', 'D3', 'R4', 'R6', 'D6', 'D12'],
  'the contact answering Δ = 1.5 s later (within the dial timeout) moves every event from its answer on by Δ, and nothing before it',
  () => true,
);

export const employeeAnswerDelay = answerDelay(
  'employee',
  ['D1', 'D3', 'R1', 'R2', 'D7', 'D12'],
  'with first_call employee, the employee answering Δ = 1.5 s later moves every event from its answer on by Δ, and nothing before it',
  (base) => scenarioParams(base.scenario).first_call === 'employee',
);
