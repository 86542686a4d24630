import { formatPlatformTime, toSeconds } from '../time.js';
import type { FinishReason } from '../deps.js';
import type { CallSession } from './call-session.js';

/** A finished call as the platform's call report lists it (durations in whole seconds). */
export interface CallReport {
  call_session_id: number;
  external_id: string | null;
  start_time: string;
  finish_time: string;
  direction: 'in' | 'out';
  finish_reason: FinishReason;
  is_lost: boolean;
  /** From the request to the start of the talk (to the end, for a lost call). */
  wait_duration: number;
  talk_duration: number;
  total_duration: number;
  virtual_phone_number: string;
  contact_phone_number: string;
  employee_id: number;
}

/**
 * The report line of a finished session. `finish_time` is `start_time` plus the call's simulated
 * length, so the line reads like the platform's whatever `--speed` ran it.
 * @example callReport(session)?.finish_reason // 'subscriber_disconnects'
 */
export function callReport(session: CallSession): CallReport | null {
  const outcome = session.outcome;
  if (!outcome) return null;
  const waitMs = session.talkStartedAt ?? outcome.total_duration_ms;
  return {
    call_session_id: session.id,
    external_id: session.params.external_id,
    start_time: session.startTime,
    finish_time: formatPlatformTime(session.startedAt + outcome.total_duration_ms),
    direction: session.params.direction,
    finish_reason: outcome.finish_reason,
    is_lost: outcome.is_lost,
    wait_duration: toSeconds(waitMs),
    talk_duration: toSeconds(outcome.talk_duration_ms),
    total_duration: toSeconds(outcome.total_duration_ms),
    virtual_phone_number: session.virtualPhoneNumber,
    contact_phone_number: session.params.contact,
    employee_id: session.params.employee.id,
  };
}
