/**
 * A state chart as a graph, read from any XState machine definition: every state node (compound,
 * parallel, atomic, final, history) and every transition (`on`, `after`, `always`, guarded, targetless,
 * `#id` targets across regions) as an edge with its label. Pure and generic: it knows nothing of the
 * call's machines, so whatever machines `src/` exports can be drawn. `statechart-layout.ts` positions it.
 */
import { describeAction, describeGuard } from './describe.js';

/** The parts of an XState `StateNode` this module reads (typed loosely: XState keeps some internal). */
export interface StateNodeLike {
  id: string;
  key: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  path: string[];
  states: Record<string, StateNodeLike>;
  initial?: { target: readonly { id: string }[] } | undefined;
  transitions: Map<string, readonly TransitionLike[]>;
  always?: readonly TransitionLike[] | undefined;
  entry: readonly unknown[];
  exit: readonly unknown[];
  invoke: readonly { id: string; src: unknown }[];
  machine: { id: string };
}

export interface TransitionLike {
  eventType: string;
  source: StateNodeLike;
  target?: readonly StateNodeLike[] | undefined;
  guard?: unknown;
  actions: readonly unknown[];
  reenter?: boolean;
  /** Set on `after` transitions: the delay's name or milliseconds. */
  delay?: string | number;
}

export interface ChartNode {
  /** The state node's id (`employeeCall.employeeFirst.dialingEmployee`); the root's is the machine's id. */
  id: string;
  /** Dotted path from the root, as snapshots name states (`employeeFirst.dialingEmployee`); '' for the root. */
  path: string;
  key: string;
  type: StateNodeLike['type'];
  parent: string | null;
  /** Whether its parent enters it first. */
  initial: boolean;
  entry: string[];
  exit: string[];
  /** Actors it invokes: `employeeLeg (leg)`. */
  invokes: string[];
}

export interface ChartEdge {
  /** Unique per drawn arrow (a transition with two targets gives two arrows). */
  id: string;
  /** The transition's key (see transitionKey): what the run records when it fires. */
  transition: string;
  source: string;
  target: string;
  /** `ANSWER`, `after dialTimeout`, `after 0 ms`, `always`. */
  event: string;
  guard: string | null;
  actions: string[];
  /** Targetless (actions only): drawn as a loop on its state. */
  targetless: boolean;
  /** Its target is in another region's chart: listed with its state, not drawn as an arrow. */
  external?: boolean;
}

export interface ChartGraph {
  machine: string;
  /** For a machine whose root is parallel, drawn one region per chart: the region's key. */
  region?: string;
  nodes: ChartNode[];
  edges: ChartEdge[];
}

/**
 * A transition's stable name: its source, its event and its place among that source's transitions for
 * the event (`employeeCall.starting#always#1`). The same definition gives the same key in Node at build
 * time and in the page at run time.
 * @example transitionKey(node.transitions.get('ANSWER')![0]) // 'employeeCall.employeeLeg.dialing#ANSWER#0'
 */
export function transitionKey(transition: TransitionLike): string {
  const source = transition.source;
  const list = transition.eventType === '' ? (source.always ?? []) : (source.transitions.get(transition.eventType) ?? []);
  const event = transition.eventType === '' ? 'always' : transition.eventType;
  return `${source.id}#${event}#${list.indexOf(transition)}`;
}

/** What starts a transition, in words: the event, `after <delay>` or `always`. */
export function eventLabel(transition: TransitionLike): string {
  if (transition.eventType === '') return 'always';
  if (transition.delay !== undefined) return typeof transition.delay === 'number' ? `after ${transition.delay} ms` : `after ${transition.delay}`;
  return transition.eventType;
}

/** Actions XState adds by itself (the timers of `after`) are not the machine author's: left out. */
function ownActions(actions: readonly unknown[]): string[] {
  return actions.map(describeAction).filter((name): name is string => name !== null);
}

function allTransitions(node: StateNodeLike): TransitionLike[] {
  return [...[...node.transitions.values()].flat(), ...(node.always ?? [])];
}

/**
 * The chart of a machine: its states (depth first, in definition order) and transitions.
 * @example chartGraph(employeeCallMachine.root.states.employeeLeg).edges.map((e) => e.event) // ['DIAL', 'after dialTimeout', …]
 */
export function chartGraph(root: StateNodeLike): ChartGraph {
  const nodes: ChartNode[] = [];
  const edges: ChartEdge[] = [];
  const visit = (node: StateNodeLike, parent: StateNodeLike | null) => {
    const initialIds = new Set((parent?.type === 'compound' ? (parent.initial?.target ?? []) : []).map((t) => t.id));
    nodes.push({
      id: node.id,
      path: node.path.join('.'),
      key: node.path.length === 0 ? node.machine.id : node.key,
      type: node.type,
      parent: parent?.id ?? null,
      initial: initialIds.has(node.id),
      entry: ownActions(node.entry),
      exit: ownActions(node.exit),
      invokes: node.invoke.map((invoke) => `${invoke.id}${typeof invoke.src === 'string' ? ` (${invoke.src})` : ''}`),
    });
    for (const transition of allTransitions(node)) {
      const key = transitionKey(transition);
      const targets = transition.target?.length ? transition.target : [node];
      targets.forEach((target, i) =>
        edges.push({
          id: targets.length > 1 ? `${key}>${i}` : key,
          transition: key,
          source: node.id,
          target: target.id,
          event: eventLabel(transition),
          guard: describeGuard(transition.guard),
          actions: ownActions(transition.actions),
          targetless: !transition.target?.length,
        }),
      );
    }
    for (const child of Object.values(node.states)) visit(child, node);
  };
  visit(root, null);
  return { machine: root.machine.id, nodes, edges };
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface EdgeRoute {
  /** The arrow's polyline, start to end (the end touches the target). */
  points: [number, number][];
  /** Where ELK put the label (its top-left corner and size). */
  label: Box | null;
}

/** A chart with its geometry (statechart-layout.ts): what the page draws, serialisable as JSON. */
export interface LaidOutChart extends ChartGraph {
  width: number;
  height: number;
  boxes: Record<string, Box>;
  routes: Record<string, EdgeRoute>;
}

/**
 * The charts a machine is drawn as: one, or — when its root is parallel (a session whose regions are
 * the flow, each leg's line, each leg's sound) — one per region, so each stays legible at a page's
 * width. A region's chart names its states from the region (`employeeFirst.dialingContact`, not
 * `flow.employeeFirst.…`); transitions keep their keys. A transition into another region stays in its
 * source's list of transitions, marked `external`.
 * @example chartGraphs(employeeCallMachine.root).map((g) => g.region) // ['employeeLeg', 'contactLeg', 'flow']
 */
export function chartGraphs(root: StateNodeLike): ChartGraph[] {
  const whole = chartGraph(root);
  if (root.type !== 'parallel') return [whole];
  return Object.values(root.states).map((region) => {
    const inside = (id: string) => id === region.id || id.startsWith(`${region.id}.`);
    const nodes = whole.nodes
      .filter((node) => inside(node.id))
      .map((node) => ({ ...node, parent: node.id === region.id ? null : node.parent, path: node.path.split('.').slice(1).join('.'), key: node.id === region.id ? region.key : node.key }));
    const edges = whole.edges.filter((edge) => inside(edge.source)).map((edge) => (inside(edge.target) ? edge : { ...edge, external: true }));
    return { machine: whole.machine, region: region.key, nodes, edges };
  });
}

/** The text an arrow carries: its event, and its guard in brackets on a second line. */
export function edgeLabelLines(edge: ChartEdge): string[] {
  return edge.guard ? [edge.event, `[${edge.guard}]`] : [edge.event];
}

/** Anything that looks like an XState machine (`createMachine`'s result): what the charts are drawn from. */
export function isMachine(value: unknown): value is { id: string; root: StateNodeLike } {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { root?: { transitions?: unknown }; id?: unknown };
  return typeof candidate.id === 'string' && candidate.root?.transitions instanceof Map;
}
