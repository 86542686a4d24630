import type { AnyActorRef, InspectionEvent } from 'xstate';

type TracedActor = AnyActorRef & { logic: { id?: unknown } };
import { transitionKey, type TransitionLike } from '../diagram/statechart.js';
import { statePath } from '../sim/timeline.js';
import type { Inspector } from '../sim/types.js';

/** One actor of a session at a frame: which machine it runs, its state, the transitions it took since the last frame. */
export interface ActorFrame {
  /** The actor's id in the session (`employeeCall`, `contactLeg`…). */
  id: string;
  /** Its machine's id (`employeeCall`, `leg`…): which chart draws it. */
  machine: string;
  /** Its state as a dotted path (parallel regions separated by `, `). */
  state: string;
  /** Keys (statechart.transitionKey) of the transitions taken since the previous frame. */
  fired: string[];
}

/**
 * Follows a session's actors through XState's inspection events: each actor as it is created
 * (`@xstate.actor`) and every transition it takes (`@xstate.microstep` carries them). `take()` reads
 * every machine's state and what fired since the last call. Generic: any machines, any number of actors.
 * @example const trace = machineTrace(); createSimulation(scenario, { inspect: trace.inspect }); trace.take()
 */
export function machineTrace(forward?: Inspector) {
  const actors: TracedActor[] = [];
  const fired = new Map<string, string[]>();
  const inspect = (event: InspectionEvent) => {
    if (event.type === '@xstate.actor') actors.push(event.actorRef as TracedActor);
    if (event.type === '@xstate.microstep') {
      const transitions = (event as { _transitions?: TransitionLike[] })._transitions ?? [];
      const id = (event.actorRef as TracedActor).id;
      const list = fired.get(id) ?? [];
      for (const transition of transitions) if (transition?.source) list.push(transitionKey(transition));
      fired.set(id, list);
    }
    if (typeof forward === 'function') forward(event);
    else forward?.next?.(event);
  };
  const take = (): ActorFrame[] => {
    const frames = actors
      .filter((actor) => typeof actor.logic.id === 'string' && 'value' in (actor.getSnapshot() as object))
      .map((actor) => ({
        id: actor.id,
        machine: actor.logic.id as string,
        state: statePath((actor.getSnapshot() as { value: Parameters<typeof statePath>[0] }).value),
        fired: fired.get(actor.id) ?? [],
      }));
    fired.clear();
    return frames;
  };
  return { inspect, take };
}
