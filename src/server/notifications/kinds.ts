import type { SimEvent } from '../deps.js';
import type { CallSession } from '../sessions/call-session.js';
import { formatNotificationTime, toSeconds } from '../time.js';

/**
 * The event kinds the mock notifies, after the platform's "Уведомления" event types:
 * - `outbound_call` — the call was created (`session.started`);
 * - `waiting_for_answer` — one of the employee's numbers starts ringing (each employee `leg.dialing`);
 * - `talk_started` — the employee and the contact are connected (`talk.started`);
 * - `talk_finished` — a call that had a talk ended;
 * - `call_finished` — any call ended (always the last one of a call);
 * - `lost_call` — a call ended without a talk (`is_lost`).
 */
export const NOTIFICATION_KINDS = ['outbound_call', 'waiting_for_answer', 'talk_started', 'talk_finished', 'call_finished', 'lost_call'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * The kinds one timeline event triggers, in the order they are sent.
 * @example kindsOf({ t: 5000, type: 'session.ended', finish_reason: 'subscriber_busy', is_lost: true, talk_duration_ms: 0, total_duration_ms: 5000 }) // ['lost_call', 'call_finished']
 */
export function kindsOf(event: SimEvent): NotificationKind[] {
  switch (event.type) {
    case 'session.started':
      return ['outbound_call'];
    case 'leg.dialing':
      return event.leg === 'employee' ? ['waiting_for_answer'] : [];
    case 'talk.started':
      return ['talk_started'];
    case 'session.ended':
      return event.is_lost ? ['lost_call', 'call_finished'] : ['talk_finished', 'call_finished'];
    default:
      return [];
  }
}

/** The JSON body: the platform's notification variables, durations in whole seconds so far. */
export interface NotificationBody {
  notification_name: NotificationKind;
  notification_time: string;
  call_session_id: number;
  external_id: string | null;
  virtual_phone_number: string;
  contact_phone_number: string;
  employee_id: number;
  employee_full_name: string | null;
  employee_phone_number: string | null;
  direction: 'in' | 'out';
  talk_time_duration: number;
  total_time_duration: number;
  wait_time_duration: number;
  call_source: 'callapi';
}

/**
 * The body of one notification about `event` of `session`, sent at wall time `now` (ms).
 * @example notificationBody('talk_started', session, event, Date.now()).wait_time_duration // 11
 */
export function notificationBody(kind: NotificationKind, session: CallSession, event: SimEvent, now: number): NotificationBody {
  const talkStart = session.talkStartedAt;
  return {
    notification_name: kind,
    notification_time: formatNotificationTime(now),
    call_session_id: session.id,
    external_id: session.params.external_id,
    virtual_phone_number: session.virtualPhoneNumber,
    contact_phone_number: session.params.contact,
    employee_id: session.params.employee.id,
    employee_full_name: session.employeeFullName,
    employee_phone_number: session.employeeNumber,
    direction: session.params.direction,
    talk_time_duration: talkStart === null ? 0 : toSeconds(event.t - talkStart),
    total_time_duration: toSeconds(event.t),
    wait_time_duration: toSeconds(talkStart ?? event.t),
    call_source: 'callapi',
  };
}
