import { enqueueActions, setup } from 'xstate';
import type { AudioSource, LegName, MessageSource, StopReason } from '../src/sim/types.js';

/**
 * What one leg hears. The session says what to play; a message plays to its end by itself and then
 * reports MESSAGE_DONE, leaving the leg silent for the session to decide what comes next (hold music,
 * the talk). Every change is emitted as `audio.stopped` / `audio.started`, from which `hears` is built.
 */
export interface PlaybackInput {
  leg: LegName;
  holdMusicId: number;
}

export interface PlaybackContext extends PlaybackInput {
  /** What the leg hears now; null when silent. */
  current: AudioSource | null;
}

export type PlaybackEvent =
  | { type: 'PLAY_MESSAGE'; message: MessageSource }
  | { type: 'HOLD' }
  | { type: 'CONTACT_LINE' }
  | { type: 'TALK' }
  | { type: 'STOP'; reason: StopReason };

export type PlaybackReport = { type: 'PLAYBACK.MESSAGE_DONE'; leg: LegName };

export type PlaybackEmitted =
  | { type: 'audio.started'; leg: LegName; source: AudioSource }
  | { type: 'audio.stopped'; leg: LegName; source: AudioSource; reason: StopReason };

/** Starting a new sound cuts off the one playing (`interrupted`); STOP ends it with the reason given. */
const switchSound = {
  PLAY_MESSAGE: { target: '.message', actions: { type: 'stopSound', params: { reason: 'interrupted' } } },
  HOLD: { target: '.holdMusic', actions: { type: 'stopSound', params: { reason: 'interrupted' } } },
  CONTACT_LINE: { target: '.contactLine', actions: { type: 'stopSound', params: { reason: 'interrupted' } } },
  TALK: { target: '.talk', actions: { type: 'stopSound', params: { reason: 'interrupted' } } },
  STOP: {
    target: '.silent',
    actions: { type: 'stopSound', params: ({ event }: { event: PlaybackEvent }) => ({ reason: (event as { reason: StopReason }).reason }) },
  },
} as const;

export const playbackMachine = setup({
  types: {
    input: {} as PlaybackInput,
    context: {} as PlaybackContext,
    events: {} as PlaybackEvent,
    emitted: {} as PlaybackEmitted,
  },
  delays: {
    messageDuration: ({ context }) => (context.current?.kind === 'message' ? context.current.duration_ms : 0),
  },
  actions: {
    startSound: enqueueActions(({ context, enqueue }, params: { source: AudioSource }) => {
      enqueue.assign({ current: params.source });
      enqueue.emit({ type: 'audio.started', leg: context.leg, source: params.source });
    }),
    stopSound: enqueueActions(({ context, enqueue }, params: { reason: StopReason }) => {
      if (!context.current) return;
      enqueue.emit({ type: 'audio.stopped', leg: context.leg, source: context.current, reason: params.reason });
      enqueue.assign({ current: null });
    }),
    reportMessageDone: enqueueActions(({ context, enqueue }) =>
      enqueue.sendParent({ type: 'PLAYBACK.MESSAGE_DONE', leg: context.leg } satisfies PlaybackReport),
    ),
  },
}).createMachine({
  id: 'playback',
  context: ({ input }) => ({ ...input, current: null }),
  initial: 'sounds',
  states: {
    sounds: {
      initial: 'silent',
      on: switchSound,
      states: {
        silent: {},
        message: {
          entry: {
            type: 'startSound',
            params: ({ event }) => ({ source: (event as Extract<PlaybackEvent, { type: 'PLAY_MESSAGE' }>).message }),
          },
          after: {
            messageDuration: {
              target: 'silent',
              actions: [{ type: 'stopSound', params: { reason: 'finished' } }, 'reportMessageDone'],
            },
          },
        },
        holdMusic: {
          entry: { type: 'startSound', params: ({ context }) => ({ source: { kind: 'hold_music', media_file_id: context.holdMusicId } }) },
          on: { HOLD: {} },
        },
        contactLine: {
          entry: { type: 'startSound', params: { source: { kind: 'contact_line' } } },
          on: { CONTACT_LINE: {} },
        },
        talk: {
          entry: { type: 'startSound', params: { source: { kind: 'talk' } } },
          on: { TALK: {} },
        },
      },
    },
  },
});
