import { eventOf, sessionAction, type Enqueue, type SessionContext } from './session-context.js';
import type { AudioSource, LegName, Sound, StopReason } from './types.js';

/**
 * What each leg hears (`context.hearing`), changed by the flow's actions: a leg's own message (which
 * ends by itself: MESSAGE.END after its length), hold music, the contact's line and what it plays, the
 * talk. Starting a sound cuts off the one playing (`interrupted`); every change is emitted as
 * `audio.stopped` / `audio.started`, from which `hears` is built. Asking for what already plays (hold
 * music on hold, the line playing the same thing) changes nothing.
 */

function sourceOf(context: SessionContext, leg: LegName, sound: Sound): AudioSource {
  if (sound === 'message') return context.plan.messages[leg]!;
  if (sound === 'holdMusic') return { kind: 'hold_music', media_file_id: context.plan.holdMusicId };
  if (sound === 'talk') return { kind: 'talk' };
  return { kind: 'contact_line', plays: sound.line };
}

function alreadyPlays(current: AudioSource | null, next: AudioSource): boolean {
  if (current?.kind === 'hold_music' && next.kind === 'hold_music') return true;
  return current?.kind === 'contact_line' && next.kind === 'contact_line' && current.plays === next.plays;
}

const messageTimer = (leg: LegName) => `message.${leg}`;

/** The sound playing on `leg` stops with `reason`; a message's end is then no longer due. */
function stop(context: SessionContext, enqueue: Enqueue, leg: LegName, reason: StopReason): void {
  const current = context.hearing[leg];
  if (!current) return;
  if (current.kind === 'message' && reason !== 'finished') enqueue.cancel(messageTimer(leg));
  enqueue.emit({ type: 'audio.stopped', leg, source: current, reason });
}

/** Each leg named hears its sound from now on, in the order given; each replaces what the leg heard. */
function hearAll(context: SessionContext, enqueue: Enqueue, changes: readonly [LegName, Sound][]): Record<LegName, AudioSource | null> {
  const hearing = { ...context.hearing };
  for (const [leg, sound] of changes) {
    const next = sourceOf(context, leg, sound);
    if (alreadyPlays(hearing[leg], next)) continue;
    stop({ ...context, hearing }, enqueue, leg, 'interrupted');
    hearing[leg] = next;
    enqueue.emit({ type: 'audio.started', leg, source: next });
    if (next.kind === 'message') enqueue.raise({ type: 'MESSAGE.END', leg }, { delay: next.duration_ms, id: messageTimer(leg) });
  }
  return hearing;
}

/**
 * `leg` hears `sound` from now on (an action's helper: it emits and assigns through the action's `enqueue`).
 * @example hear(context, enqueue, 'employee', 'holdMusic')
 */
export function hear(context: SessionContext, enqueue: Enqueue, leg: LegName, sound: Sound): void {
  enqueue.assign({ hearing: hearAll(context, enqueue, [[leg, sound]]) });
}

export const hearingActions = {
  /** A message played to its end: the leg is silent until the flow says what comes next. */
  finishMessage: sessionAction(({ context, event, enqueue }) => {
    const { leg } = eventOf(event, 'MESSAGE.END');
    stop(context, enqueue, leg, 'finished');
    enqueue.assign({ hearing: { ...context.hearing, [leg]: null } });
  }),
  /** R4, R7: the old sounds stop, the talk is told, both sides hear it — in that order on the timeline. */
  bridge: sessionAction(({ context, enqueue }) => {
    stop(context, enqueue, 'employee', 'interrupted');
    stop(context, enqueue, 'contact', 'interrupted');
    enqueue.emit({ type: 'talk.started' });
    const silent = { ...context, hearing: { employee: null, contact: null } };
    enqueue.assign({ hearing: hearAll(silent, enqueue, [['employee', 'talk'], ['contact', 'talk']]), talkStartedAt: context.now() });
  }),
  /** D8: at the session's end every sound stops. */
  silenceAll: sessionAction(({ context, enqueue }) => {
    stop(context, enqueue, 'employee', 'released');
    stop(context, enqueue, 'contact', 'released');
    enqueue.assign({ hearing: { employee: null, contact: null } });
  }),
};
