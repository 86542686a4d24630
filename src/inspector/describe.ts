import { describeSource } from '../sim/format-timeline.js';
import type { SimEvent } from '../sim/types.js';

/**
 * One event in a few words, for the events list (`dialing 79260000001 (caller ID 74993720692)`).
 * @example describeEvent({ t: 0, type: 'leg.answered', leg: 'contact', number: '79260000000' }) // 'answered 79260000000'
 */
export function describeEvent(event: SimEvent): string {
  switch (event.type) {
    case 'session.started':
      return `session ${event.call_session_id} started, first_call ${event.first_call}, virtual number ${event.virtual_phone_number}`;
    case 'leg.dialing':
      return `dialing ${event.number} (caller ID ${event.caller_id})`;
    case 'leg.early_media':
      return `early media: ${event.kind}`;
    case 'leg.answered':
      return `answered ${event.number}`;
    case 'leg.failed':
      return `failed ${event.number}: ${event.reason}`;
    case 'audio.started':
      return `starts hearing ${describeSource(event.source)}`;
    case 'audio.stopped':
      return `stops hearing ${describeSource(event.source)} — ${event.reason}`;
    case 'dtmf.sent':
      return `DTMF ${event.digit} sent`;
    case 'talk.started':
      return 'talk starts';
    case 'leg.hung_up':
      return 'hangs up';
    case 'leg.released':
      return 'released';
    case 'session.ended':
      return `session ended: ${event.finish_reason}${event.is_lost ? ' (lost)' : ''}`;
  }
}

/** Who an event concerns: a leg, both (the talk) or the session. */
export function whoOf(event: SimEvent): string {
  return 'leg' in event ? event.leg : event.type === 'talk.started' ? 'both' : 'session';
}
