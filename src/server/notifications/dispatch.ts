import type { Account, SimEvent } from '../deps.js';
import type { CallSession } from '../sessions/call-session.js';
import { kindsOf, notificationBody } from './kinds.js';
import type { Notifier } from './notifier.js';

/**
 * Sends what one timeline event triggers to every notification entry of the account that wants it
 * (`events` absent = every kind).
 * @example notifyEvent(account, notifier, session, event, Date.now())
 */
export function notifyEvent(account: Account, notifier: Notifier, session: CallSession, event: SimEvent, now: number): void {
  if (account.notifications.length === 0) return;
  for (const kind of kindsOf(event)) {
    for (const target of account.notifications) {
      if (target.events && !target.events.includes(kind)) continue;
      notifier.send(target.url, notificationBody(kind, session, event, now), String(session.id), `${kind} of call ${session.id}`);
    }
  }
}
