import { findMediaFile } from '../../../account/lookup.js';
import { BUILTIN_ACCOUNTS } from '../../../account/builtin.js';
import type { LegName, MessageSource, SimEvent } from '../../../sim/types.js';
import { scenarioParams } from '../case.js';
import { other } from '../phases.js';
import type { Case } from '../types.js';
import { copyCase, relabelling } from './relation.js';

type Message = { type: 'media' | 'tts'; value: string };
const MS_PER_CHAR = 100;
const param = (leg: LegName) => `${leg}_message`;

/**
 * Which media message becomes a TTS message of the same length (at 100 ms per character, D2): the
 * employee's, else the contact's when switch_at_once is false (with it, a TTS contact message is R10's
 * business). Only when the other side has no TTS message, whose length the new rate would change.
 */
function swapOf(base: Case): { leg: LegName; media: Message; tts: Message } | null {
  const params = scenarioParams(base.scenario);
  const message = (leg: LegName) => params[param(leg)] as Message | undefined;
  for (const leg of ['employee', 'contact'] as const) {
    const media = message(leg);
    const otherTts = message(other(leg))?.type === 'tts';
    if (media?.type !== 'media' || otherTts || (leg === 'contact' && params.switch_at_once === true)) continue;
    const duration = findMediaFile(BUILTIN_ACCOUNTS.demo!, Number(media.value))?.duration_ms ?? 0;
    if (duration % MS_PER_CHAR !== 0) continue;
    return { leg, media, tts: { type: 'tts', value: 'а'.repeat(duration / MS_PER_CHAR) } };
  }
  return null;
}

const isMessage = (source: { kind: string }, m: Message): source is MessageSource =>
  source.kind === 'message' && (source as MessageSource).type === m.type && (source as MessageSource).value === m.value;

export const messageTypeIsALabel = relabelling({
  name: 'message-type-is-a-label',
  rules: ['D2', 'R2', 'R4', 'R7', 'R10'],
  statement:
    'a media message and a TTS message of the same length differ only in the message’s type and value (D2) — for the contact’s message only without switch_at_once (R10)',
  neighbour: (base, run) => {
    const swap = swapOf(base);
    // Only a message that played: one never heard changes trivially nothing.
    const played = (e: SimEvent) => e.type === 'audio.started' && e.leg === swap?.leg && isMessage(e.source, swap.media);
    if (!swap || !run.events.some(played)) return null;
    const next = copyCase(base);
    scenarioParams(next.scenario)[param(swap.leg)] = swap.tts;
    next.scenario.platform = { tts_ms_per_char: MS_PER_CHAR };
    return next;
  },
  relabel: (event, _run, base): SimEvent => {
    const swap = swapOf(base)!;
    if ((event.type === 'audio.started' || event.type === 'audio.stopped') && event.leg === swap.leg && isMessage(event.source, swap.media))
      return { ...event, source: { ...event.source, ...swap.tts } };
    return event;
  },
});
