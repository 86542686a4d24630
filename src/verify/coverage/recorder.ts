import { getStateNodes, StateMachine, type AnyStateNode, type AnyTransitionDefinition, type InspectionEvent } from 'xstate';

/**
 * Records, from XState's inspection events, which states were entered and which transitions were taken,
 * by any actor of any machine. Pass `inspect` to every session to be counted.
 *
 * - `@xstate.actor`: an actor of a machine starts in the machine's initial states (entered before any
 *   microstep is reported).
 * - `@xstate.microstep`: `_transitions` are the transition definitions taken (the same objects the
 *   machine definition holds); a transition's source was active, its targets (with their ancestors and
 *   initial descendants) were entered — even when left again in the same macrostep (`always`).
 * @example
 * const recorder = new CoverageRecorder();
 * simulate(scenario, { inspect: recorder.inspect });
 * recorder.tookTransition(definition) // true
 */
export class CoverageRecorder {
  private readonly states = new Set<AnyStateNode>();
  private readonly transitions = new Set<AnyTransitionDefinition>();

  readonly inspect = (inspection: InspectionEvent): void => {
    if (inspection.type === '@xstate.actor') {
      const logic = (inspection.actorRef as { logic?: unknown }).logic;
      if (logic instanceof StateMachine) this.enter(logic.root as AnyStateNode);
    } else if (inspection.type === '@xstate.microstep') {
      for (const transition of inspection._transitions) this.take(transition);
      const snapshot = inspection.snapshot as { machine?: { root: AnyStateNode }; value?: unknown };
      if (snapshot.machine && snapshot.value !== undefined)
        for (const node of getStateNodes(snapshot.machine.root, snapshot.value as never)) this.states.add(node as AnyStateNode);
    }
  };

  reachedState(node: AnyStateNode): boolean {
    return this.states.has(node);
  }

  tookTransition(definition: AnyTransitionDefinition): boolean {
    return this.transitions.has(definition);
  }

  private take(transition: AnyTransitionDefinition): void {
    this.transitions.add(transition);
    this.addWithAncestors(transition.source);
    for (const target of transition.target ?? []) this.enter(target);
  }

  /** A node entered, with its ancestors and the states entered by default below it. */
  private enter(node: AnyStateNode): void {
    this.addWithAncestors(node);
    this.addDefaultDescendants(node);
  }

  private addWithAncestors(node: AnyStateNode | undefined): void {
    for (let n = node; n; n = n.parent) this.states.add(n);
  }

  private addDefaultDescendants(node: AnyStateNode): void {
    const children =
      node.type === 'parallel' ? (Object.values(node.states) as AnyStateNode[]) : node.type === 'compound' ? node.initial.target : [];
    for (const child of children) {
      this.states.add(child);
      this.addDefaultDescendants(child);
    }
  }
}
