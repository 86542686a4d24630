import { setup } from 'xstate';
import type { SessionEvent } from './events.js';
import { flowActions, flowDelays, flowGuards, flowRegion } from './flow.js';
import { hearingActions } from './hearing.js';
import { legActions, legDelays, legGuards, legRegion } from './leg.js';
import { worldActions } from './world.js';
import { initialContext, type LegParams, type SessionContext, type SessionInput } from './session-context.js';
import type { Emitted } from './types.js';

export type { SessionContext, SessionInput } from './session-context.js';

/**
 * One `start.employee_call` session: one machine whose parallel regions are each leg's line
 * (machines/leg.ts) and the session's flow (machines/flow.ts), which also decides what each leg hears
 * (machines/hearing.ts).
 * The world (machines/world.ts) is its input: each dialled party's script comes back as the world's
 * events. The regions talk through raised events; everything the timeline shows is emitted
 * (`actor.on('*')`).
 */
export const employeeCallMachine = setup({
  types: {
    input: {} as SessionInput,
    context: {} as SessionContext,
    events: {} as SessionEvent,
    emitted: {} as Emitted,
  },
  actions: { ...flowActions, ...legActions, ...hearingActions, ...worldActions },
  guards: {
    /** The event concerns this leg. */
    isFor: ({ event }, { leg }: LegParams) => 'leg' in event && event.leg === leg,
    ...flowGuards,
    ...legGuards,
  },
  delays: { ...flowDelays, ...legDelays },
}).createMachine({
  id: 'employeeCall',
  context: ({ input }) => initialContext(input),
  type: 'parallel',
  // The order of the regions is the order of their entry actions in the END step: the lines are
  // released first, then the flow tells how the session ended.
  states: {
    employeeLeg: legRegion('employee'),
    contactLeg: legRegion('contact'),
    flow: flowRegion,
  },
});
