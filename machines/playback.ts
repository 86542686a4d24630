import type { SessionEvent } from './events.js';
import { eventOf, sessionAction, type LegParams, type SessionContext, type SessionGuard } from './session-context.js';
import type { AudioSource, LegName, StopReason } from './types.js';

/**
 * What one leg hears, a region of the session machine. The flow says what to play (PLAY_MESSAGE, HOLD,
 * CONTACT_LINE); a message plays to its end by itself and then reports PLAYBACK.MESSAGE_DONE, leaving
 * the leg silent for the flow to decide what comes next. Starting a new sound cuts off the one playing
 * (`interrupted`); the talk (BRIDGE) cuts off whatever plays; the session's end (END) stops it
 * (`released`). Every change is emitted as `audio.stopped` /
 * `audio.started`, from which `hears` is built.
 */

type SourceOf = (args: { context: SessionContext; event: SessionEvent }) => AudioSource;

const SOURCES = {
  message: ({ event }) => eventOf(event, 'PLAY_MESSAGE').message,
  holdMusic: ({ context }) => ({ kind: 'hold_music', media_file_id: context.plan.holdMusicId }),
  contactLine: ({ event }) => ({ kind: 'contact_line', plays: eventOf(event, 'CONTACT_LINE').plays }),
  talk: () => ({ kind: 'talk' }),
} satisfies Record<string, SourceOf>;

export const playbackActions = {
  startSound: sessionAction<LegParams & { sound: keyof typeof SOURCES }>(({ context, event, enqueue }, { leg, sound }) => {
    const source = SOURCES[sound]({ context, event });
    enqueue.assign({ hearing: { ...context.hearing, [leg]: source } });
    enqueue.emit({ type: 'audio.started', leg, source });
  }),
  stopSound: sessionAction<LegParams & { reason: StopReason }>(({ context, enqueue }, { leg, reason }) => {
    const source = context.hearing[leg];
    if (!source) return;
    enqueue.emit({ type: 'audio.stopped', leg, source, reason });
    enqueue.assign({ hearing: { ...context.hearing, [leg]: null } });
  }),
  reportMessageDone: sessionAction<LegParams>(({ enqueue }, { leg }) => enqueue.raise({ type: 'PLAYBACK.MESSAGE_DONE', leg })),
};

export const playbackGuards = {
  /** The CONTACT_LINE event is for this leg, whose contact's line already carries what it says. */
  linePlaysAlready: (({ context, event }, { leg }) => {
    const hearing = context.hearing[leg];
    const line = eventOf(event, 'CONTACT_LINE');
    return line.leg === leg && hearing?.kind === 'contact_line' && hearing.plays === line.plays;
  }) satisfies SessionGuard<LegParams>,
};

const messageLength = (leg: LegName) => ({ context }: { context: SessionContext }) => {
  const hearing = context.hearing[leg];
  return hearing?.kind === 'message' ? hearing.duration_ms : 0;
};

export const playbackDelays = {
  employeeMessageLength: messageLength('employee'),
  contactMessageLength: messageLength('contact'),
};

/** The playback region of `leg`. */
export function playbackRegion<const L extends LegName>(leg: L) {
  const self = { leg } as const;
  const mine = { type: 'isFor', params: self } as const;
  const start = (sound: keyof typeof SOURCES) => ({ type: 'startSound', params: { leg, sound } }) as const;
  const cutOff = { type: 'stopSound', params: { leg, reason: 'interrupted' } } as const;
  return {
    initial: 'silent',
    on: {
      PLAY_MESSAGE: { guard: mine, target: '.message', actions: cutOff },
      HOLD: { guard: mine, target: '.holdMusic', actions: cutOff },
      CONTACT_LINE: { guard: mine, target: '.contactLine', actions: cutOff },
      BRIDGE: { target: '.talk', actions: cutOff },
      END: { target: '.silent', actions: { type: 'stopSound', params: { leg, reason: 'released' } } },
    },
    states: {
      silent: {},
      message: {
        entry: start('message'),
        after: {
          [`${leg}MessageLength` as const]: {
            target: 'silent',
            actions: [{ type: 'stopSound', params: { leg, reason: 'finished' } }, { type: 'reportMessageDone', params: self }],
          },
        },
      },
      holdMusic: {
        entry: start('holdMusic'),
        on: { HOLD: { guard: mine } },
      },
      /** A new thing on the contact's line ends one segment and starts the next (R3). */
      contactLine: {
        entry: start('contactLine'),
        on: { CONTACT_LINE: { guard: { type: 'linePlaysAlready', params: self } } },
      },
      talk: { entry: start('talk') },
    },
  } as const;
}
