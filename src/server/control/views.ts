import type { SessionSnapshot } from '../deps.js';
import { statesAt } from '../engine/machine-states.js';
import type { CallSession } from '../sessions/call-session.js';
import { listCallsItem } from '../sessions/list-calls.js';
import type { SessionRegistry } from '../sessions/registry.js';
import { callReport } from '../sessions/report.js';

/** `GET /control/sessions` answers the newest `defaultLimit` sessions, or `?limit=` up to `maxLimit` (no re-run: see `snapshotNow`). */
export const SESSION_LIST = { defaultLimit: 20, maxLimit: 100 } as const;

function summaryOf(session: CallSession, snapshot: SessionSnapshot) {
  return {
    call_session_id: session.id,
    live: session.live,
    start_time: session.startTime,
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
 * The call at its simulated time now, as a re-run up to now would show it (`snapshot()`), without one:
 * each leg's status and what it hears are tracked from the released events, the machines' states were
 * noted along the run that computed the timeline (test/server/views-from-timeline.test.ts holds them equal).
 * @example snapshotNow(registry, session).states.session // e.g. 'employeeFirst.dialingContact'
 */
export function snapshotNow(registry: SessionRegistry, session: CallSession): SessionSnapshot {
  const t = registry.simNow(session);
  const { employee, contact } = session.legNow;
  return {
    t,
    done: !session.live,
    states: statesAt(session.stateChanges, t),
    hearing: { ...session.hearing },
    legs: { employee: { ...employee }, contact: { ...contact } },
  };
}

/**
 * A session in the control API's list: where each machine is, what each leg hears, live or finished.
 * @example sessionSummary(registry, session).states.session // e.g. 'employeeFirst.dialingContact'
 */
export function sessionSummary(registry: SessionRegistry, session: CallSession) {
  return summaryOf(session, snapshotNow(registry, session));
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
    ...summaryOf(session, snapshot),
    params: session.params,
    snapshot,
    events: result.events,
    hears: result.hears,
    list_calls: session.live ? listCallsItem(session) : null,
    report: callReport(session),
  };
}
