import type { CallSession } from '../sessions/call-session.js';
import { listCallsItem } from '../sessions/list-calls.js';
import type { SessionRegistry } from '../sessions/registry.js';
import { callReport } from '../sessions/report.js';

/** `GET /control/sessions` answers the newest `defaultLimit` sessions, or `?limit=` up to `maxLimit` (each is one re-run). */
export const SESSION_LIST = { defaultLimit: 20, maxLimit: 100 } as const;

function summaryOf(session: CallSession, t: number, snapshot: ReturnType<ReturnType<SessionRegistry['replayTo']>['snapshot']>) {
  return {
    call_session_id: session.id,
    live: session.live,
    start_time: session.startTime,
    external_id: session.params.external_id,
    contact: session.params.contact,
    t,
    states: snapshot.states,
    legs: snapshot.legs,
    hearing: snapshot.hearing,
    outcome: session.outcome,
  };
}

/**
 * A session in the control API's list: where each machine is, what each leg hears, live or finished.
 * The machines' states come from a re-run of the call up to its simulated time now.
 * @example sessionSummary(registry, session).states.session // e.g. 'connecting.contactDialing'
 */
export function sessionSummary(registry: SessionRegistry, session: CallSession) {
  const t = registry.simNow(session);
  return summaryOf(session, t, registry.replayTo(session, t).snapshot());
}

/**
 * One session in full: the request's parameters, the snapshot, every event and what each leg has heard
 * so far (from a re-run up to now), the `list.calls` view while live and the report line once finished.
 * @example sessionDetail(registry, session).hears.employee[0] // { from: 3000, to: 8000, kind: 'message', type: 'media', value: '2561', … }
 */
export function sessionDetail(registry: SessionRegistry, session: CallSession) {
  const t = registry.simNow(session);
  const sim = registry.replayTo(session, t);
  const snapshot = sim.snapshot();
  const result = sim.result();
  return {
    ...summaryOf(session, t, snapshot),
    params: session.params,
    snapshot,
    events: result.events,
    hears: result.hears,
    list_calls: session.live ? listCallsItem(session) : null,
    report: callReport(session),
  };
}
