import type { CallSession } from './call-session.js';
import { legState, type LegState } from './leg-states.js';

export interface ListCallsLeg {
  leg_id: number;
  calling_phone_number: string;
  called_phone_number: string;
  is_operator: boolean;
  employee_id: number | null;
  employee_full_name: string | null;
  record_call_enabled: boolean;
  state: LegState;
}

export interface ListCallsItem {
  call_session_id: number;
  direction: 'in' | 'out';
  start_time: string;
  virtual_phone_number: string;
  contact_phone_number: string;
  external_id: string | null;
  tags: never[];
  legs: ListCallsLeg[];
}

/**
 * One live session in the shape of the platform's `list.calls`, from what its released events told (no
 * re-run). The employee's legs are operator legs (`is_operator: true`, with the employee's id and
 * name); call recording is never on in the mock.
 * @example listCallsItem(session).legs[0].state // 'Дозвон'
 */
export function listCallsItem(session: CallSession): ListCallsItem {
  const operator = (leg: { leg: string }) => leg.leg === 'employee';
  return {
    call_session_id: session.id,
    direction: session.params.direction,
    start_time: session.startTime,
    virtual_phone_number: session.virtualPhoneNumber,
    contact_phone_number: session.params.contact,
    external_id: session.params.external_id,
    tags: [],
    legs: session.legs.map((leg) => ({
      leg_id: leg.leg_id,
      calling_phone_number: leg.caller_id,
      called_phone_number: leg.number,
      is_operator: operator(leg),
      employee_id: operator(leg) ? session.params.employee.id : null,
      employee_full_name: operator(leg) ? session.employeeFullName : null,
      record_call_enabled: false,
      state: legState(session, leg),
    })),
  };
}
