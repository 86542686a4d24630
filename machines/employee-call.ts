import { setup } from 'xstate';
import type { SessionEvent } from './events.js';
import { flowActions, flowDelays, flowGuards, flowRegion } from './flow.js';
import { legActions, legDelays, legGuards, legRegion } from './leg.js';
import { playbackActions, playbackDelays, playbackGuards, playbackRegion } from './playback.js';
import { worldActions } from './world.js';
import { initialContext, type LegParams, type SessionContext, type SessionInput } from './session-context.js';
import type { Emitted } from './types.js';

export type { SessionContext, SessionInput } from './session-context.js';

/**
 * One `start.employee_call` session: one machine whose parallel regions are the session's flow
 * (machines/flow.ts), each leg's line (machines/leg.ts) and what each leg hears (machines/playback.ts).
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
  actions: { ...flowActions, ...legActions, ...playbackActions, ...worldActions },
  guards: {
    /** The event concerns this leg. */
    isFor: ({ event }, { leg }: LegParams) => 'leg' in event && event.leg === leg,
    ...flowGuards,
    ...legGuards,
    ...playbackGuards,
  },
  delays: { ...flowDelays, ...legDelays, ...playbackDelays },
}).createMachine({
  id: 'employeeCall',
  context: ({ input }) => initialContext(input),
  type: 'parallel',
  // The order of the regions is the order of their actions in a session-wide step (BRIDGE, END): the
  // sounds stop first, then the lines are released, then the flow tells what happened.
  states: {
    employeePlayback: playbackRegion('employee'),
    contactPlayback: playbackRegion('contact'),
    employeeLeg: legRegion('employee'),
    contactLeg: legRegion('contact'),
    flow: flowRegion,
  },
});
