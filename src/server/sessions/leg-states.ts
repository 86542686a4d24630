import type { CallSession, TrackedLeg } from './call-session.js';

/** The platform's leg states, as `list.calls` writes them (Russian, from the docs). */
export const LEG_STATE = {
  dialing: 'Дозвон',
  talk: 'Разговор',
  hold: 'На удержании',
  dtmf: 'Отправка dtmf',
  disconnected: 'Разъединено',
} as const;
export type LegState = (typeof LEG_STATE)[keyof typeof LEG_STATE];

function isLatestOfItsLeg(legs: readonly TrackedLeg[], leg: TrackedLeg): boolean {
  for (let i = legs.length - 1; i >= 0; i--) if (legs[i]!.leg === leg.leg) return legs[i] === leg;
  return false;
}

/**
 * A leg's state from the events released so far: a number being dialled → Дозвон; an answered leg →
 * Отправка dtmf (the contact, while `dtmf_string` digits are still due), Разговор (hears the talk) or
 * На удержании (hears a message, hold music or the contact's line while waiting); an earlier number of
 * the same leg, a failed, hung-up or released leg → Разъединено.
 * @example legState(session, session.legs[0]) // 'Дозвон'
 */
export function legState(session: CallSession, leg: TrackedLeg): LegState {
  if (leg.ended || !isLatestOfItsLeg(session.legs, leg)) return LEG_STATE.disconnected;
  const status = session.legNow[leg.leg].status;
  if (status === 'dialing' || status === 'idle') return LEG_STATE.dialing;
  if (status !== 'answered') return LEG_STATE.disconnected;
  if (leg.leg === 'contact' && session.dtmfPending()) return LEG_STATE.dtmf;
  return session.hearing[leg.leg]?.kind === 'talk' ? LEG_STATE.talk : LEG_STATE.hold;
}
