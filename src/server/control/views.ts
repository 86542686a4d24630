import type { CallSession } from '../sessions/call-session.js';
import { listCallsItem } from '../sessions/list-calls.js';
import { callReport } from '../sessions/report.js';
import { formatPlatformTime } from '../time.js';

/**
 * A session in the control API's list: where each machine is, what each leg hears, live or finished.
 * @example sessionSummary(session).states.session // e.g. 'connecting.contactDialing'
 */
export function sessionSummary(session: CallSession) {
  const snapshot = session.sim.snapshot();
  return {
    call_session_id: session.id,
    live: session.live,
    start_time: formatPlatformTime(session.startedAt),
    external_id: session.params.external_id,
    contact: session.params.contact,
    t: snapshot.t,
    states: snapshot.states,
    legs: snapshot.legs,
    hearing: snapshot.hearing,
    outcome: session.outcome,
  };
}

/**
 * One session in full: the request's parameters, the snapshot, every event and what each leg has heard
 * so far (`sim.result()`), the `list.calls` view while live and the report line once finished.
 * @example sessionDetail(session).hears.employee[0] // { from: 3000, to: 8000, kind: 'message', type: 'media', value: '2561', … }
 */
export function sessionDetail(session: CallSession) {
  const result = session.sim.result();
  return {
    ...sessionSummary(session),
    params: session.params,
    snapshot: session.sim.snapshot(),
    events: result.events,
    hears: result.hears,
    list_calls: session.live ? listCallsItem(session) : null,
    report: callReport(session),
  };
}
