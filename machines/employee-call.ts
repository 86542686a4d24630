import { setup } from 'xstate';
import type { SessionEvent } from './events.js';
import { flowActions, flowDelays, flowGuards, flowRegion } from './flow.js';
import { legActions, legDelays, legGuards, legRegion } from './leg.js';
import { networkMachine } from './network.js';
import { playbackActions, playbackDelays, playbackGuards, playbackRegion } from './playback.js';
import { initialContext, type LegParams, type SessionContext, type SessionInput } from './session-context.js';
import type { Emitted } from './types.js';

export type { SessionContext, SessionInput } from './session-context.js';

/**
 * One `start.employee_call` session: one machine whose parallel regions are the session's flow
 * (machines/flow.ts), each leg's line (machines/leg.ts) and what each leg hears (machines/playback.ts),
 * with the world (machines/network.ts) as the one actor it invokes. The regions talk through raised
 * events; everything the timeline shows is emitted (`actor.on('*')`).
 */
export const employeeCallMachine = setup({
  types: {
    input: {} as SessionInput,
    context: {} as SessionContext,
    events: {} as SessionEvent,
    emitted: {} as Emitted,
  },
  actors: { network: networkMachine },
  actions: { ...flowActions, ...legActions, ...playbackActions },
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
  invoke: {
    id: 'network',
    systemId: 'network',
    src: 'network',
    input: ({ context: { plan } }) => ({ world: plan.world, dialTimeoutMs: plan.dialTimeoutMs }),
  },
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
