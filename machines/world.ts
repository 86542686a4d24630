import type { WorldEvent } from './events.js';
import { sessionAction, type LegParams, type SessionContext } from './session-context.js';
import type { LegBehaviour, LegName, World, WorldCommand } from './types.js';

/**
 * The world: the telephone network and the people on it. It is the session's input (`plan.world`):
 * when a leg dials a number, that party's script (answer, failure, early media, hang-up) is scheduled
 * back to the session as the world's events, each naming the leg and the dial attempt it belongs to;
 * hand-driven commands (mock server, inspector) become the same events at once. Swapping the world is
 * swapping this input: a scenario's script, the mock server's defaults, a generated world.
 */
export const DEFAULTS = {
  /** D14 */
  answerAfterMs: 3_000,
  /** A failure without `after`. */
  failAfterMs: 1_000,
  /** D12 */
  talkMs: 60_000,
};

/** The behaviour of the party a leg reaches at `number`. */
export function behaviourOf(world: World, leg: LegName, number: string): LegBehaviour {
  if (leg === 'contact') return world.contact;
  return world.employee.byNumber[number] ?? world.employee.shared;
}

/**
 * The events one dialled party will cause, with their delays from the start of dialling (D3, D14).
 * @example scriptFor({ outcome: 'answer', answer_after: 4000, early_media: [] }, 'contact', 1, 30000)
 * // [{ delay: 4000, event: { type: 'ANSWER', leg: 'contact', attempt: 1 } }]
 */
export function scriptFor(behaviour: LegBehaviour, leg: LegName, attempt: number, dialTimeoutMs: number) {
  const script: { delay: number; event: WorldEvent }[] = [];
  const beforeTimeout = (delay: number) => delay < dialTimeoutMs;
  const answerAt = behaviour.answer_after ?? DEFAULTS.answerAfterMs;
  const answers = behaviour.outcome === 'answer' && beforeTimeout(answerAt);
  const endOfRinging = answers ? answerAt : dialTimeoutMs;
  const failAt = behaviour.after ?? DEFAULTS.failAfterMs;
  for (const media of behaviour.early_media) {
    if (media.at < endOfRinging) script.push({ delay: media.at, event: { type: 'EARLY_MEDIA', leg, attempt, kind: media.kind } });
  }
  if (answers) {
    script.push({ delay: answerAt, event: { type: 'ANSWER', leg, attempt } });
    if (behaviour.hangup_after !== undefined)
      script.push({ delay: answerAt + behaviour.hangup_after, event: { type: 'HANGUP', leg, attempt } });
  }
  const failure = behaviour.outcome;
  if ((failure === 'busy' || failure === 'unavailable' || failure === 'rejected') && beforeTimeout(failAt))
    script.push({ delay: failAt, event: { type: 'FAIL', leg, attempt, reason: failure } });
  return script;
}

/**
 * A hand-driven command as the world's event for the number the leg has dialled last.
 * @example worldEventFor({ type: 'answer', leg: 'contact' }, 1) // { type: 'ANSWER', leg: 'contact', attempt: 1 }
 */
export function worldEventFor(command: WorldCommand, attempt: number): WorldEvent {
  const { leg } = command;
  switch (command.type) {
    case 'answer':
      return { type: 'ANSWER', leg, attempt };
    case 'fail':
      return { type: 'FAIL', leg, attempt, reason: command.reason };
    case 'hangup':
      return { type: 'HANGUP', leg, attempt };
    case 'early_media':
      return { type: 'EARLY_MEDIA', leg, attempt, kind: command.kind };
  }
}

/** The party on the line of `leg` now, or null before its first dial. */
function dialledParty(context: SessionContext, leg: LegName): LegBehaviour | null {
  const line = context.lines[leg];
  if (line.attempt === 0) return null;
  return behaviourOf(context.plan.world, leg, context.plan.numbers[leg][line.index] ?? '');
}

/** The script of the number the leg dials now: its scheduled ids, and the events with their delays. */
function scriptOfLine(context: SessionContext, leg: LegName) {
  const party = dialledParty(context, leg);
  const { attempt } = context.lines[leg];
  return (party ? scriptFor(party, leg, attempt, context.plan.dialTimeoutMs) : []).map((step, i) => ({
    ...step,
    id: `${leg}#${attempt}.${i}`,
  }));
}

export const worldActions = {
  /** The dialled party's script, from the moment the number is dialled. */
  playScript: sessionAction<LegParams>(({ context, enqueue }, { leg }) => {
    for (const { delay, event, id } of scriptOfLine(context, leg)) enqueue.raise(event, { delay, id });
  }),
  /** A number that failed says nothing more. */
  cancelScript: sessionAction<LegParams>(({ context, enqueue }, { leg }) => {
    for (const { id } of scriptOfLine(context, leg)) enqueue.cancel(id);
  }),
  /** D12: with no party that will hang up by itself, the contact hangs up 60 s into the talk. */
  scheduleDefaultHangup: sessionAction(({ context, enqueue }) => {
    const willHangUp = (['employee', 'contact'] as const).some((leg) => dialledParty(context, leg)?.hangup_after !== undefined);
    if (!willHangUp)
      enqueue.raise({ type: 'HANGUP', leg: 'contact', attempt: context.lines.contact.attempt }, { delay: DEFAULTS.talkMs, id: 'contact.defaultHangup' });
  }),
};
