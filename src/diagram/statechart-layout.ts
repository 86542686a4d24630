/**
 * Positions a state chart with ELK (elkjs, the layout engine Stately's editor uses): nested boxes for
 * the states, and each transition's arrow routed by ELK's layered algorithm across the hierarchy, with
 * its label placed by ELK. Runs at build time in Node (scripts/build-inspector.mjs) so the page carries
 * only the positions, not the 1.6 MB engine; the page draws them (src/inspector/app/chart-view.ts).
 */
import elkModule, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { edgeLabelLines, type Box, type ChartGraph, type EdgeRoute, type LaidOutChart } from './statechart.js';

export type { LaidOutChart } from './statechart.js';

/** Text metrics estimated without a browser: the page draws with these sizes (11 px names, 10 px labels). */
export const NAME_PX = 11;
export const LABEL_PX = 10;
export const LABEL_LINE = 12;
const CHAR = 0.6;
const HEADER = 24;

const textWidth = (text: string, px: number) => Math.ceil([...text].length * px * CHAR);

const LAYOUT = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.json.edgeCoords': 'ROOT',
  'elk.json.shapeCoords': 'ROOT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.spacing.nodeNodeBetweenLayers': '34',
  'elk.spacing.nodeNode': '26',
  'elk.spacing.edgeLabel': '3',
  'elk.spacing.edgeEdge': '10',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.mergeEdges': 'false',
};

/** The ELK graph: one node per state (children inside their parent), every arrow at the top level. */
function elkGraph(graph: ChartGraph): ElkNode {
  const byParent = new Map<string | null, ChartGraph['nodes']>();
  for (const node of graph.nodes) byParent.set(node.parent, [...(byParent.get(node.parent) ?? []), node]);
  const build = (node: ChartGraph['nodes'][number]): ElkNode => {
    const children = (byParent.get(node.id) ?? []).map(build);
    const nameWidth = textWidth(node.key, NAME_PX) + 26;
    if (children.length === 0) return { id: node.id, width: Math.max(64, nameWidth), height: 30 };
    return {
      id: node.id,
      children,
      layoutOptions: {
        'elk.padding': `[top=${HEADER + 8},left=12,bottom=12,right=12]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${nameWidth + 20},${HEADER + 30})`,
        ...(node.type === 'parallel' ? { 'elk.direction': 'RIGHT' } : {}),
      },
    };
  };
  const edges: ElkExtendedEdge[] = graph.edges.filter((edge) => !edge.external).map((edge) => {
    const lines = edgeLabelLines(edge);
    return {
      id: edge.id,
      sources: [edge.source],
      targets: [edge.target],
      labels: [{ text: lines.join('\n'), width: Math.max(...lines.map((l) => textWidth(l, LABEL_PX))) + 4, height: lines.length * LABEL_LINE + 2 }],
    };
  });
  const roots = byParent.get(null) ?? [];
  return { id: '(graph)', layoutOptions: LAYOUT, children: roots.map(build), edges };
}

type ElkClass = typeof import('elkjs/lib/elk-api.js').default;
/** elkjs is CommonJS: Node's ESM loader hands over `module.exports` itself, a bundler its `default`. */
const ELK = ((elkModule as unknown as { default?: ElkClass }).default ?? elkModule) as unknown as ElkClass;

const round = (n: number | undefined) => Math.round((n ?? 0) * 10) / 10;

/**
 * Lays a chart out with ELK.
 * @example const chart = await layoutChart(chartGraphs(employeeCallMachine.root)[0]!); chart.routes['employeeCall.employeeLeg.idle#DIAL#0'].points
 */
export async function layoutChart(graph: ChartGraph): Promise<LaidOutChart> {
  const laid = await new ELK().layout(elkGraph(graph));
  const boxes: Record<string, Box> = {};
  const collect = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      boxes[child.id] = { x: round(child.x), y: round(child.y), w: round(child.width), h: round(child.height) };
      collect(child);
    }
  };
  collect(laid);
  const routes: Record<string, EdgeRoute> = {};
  for (const edge of (laid.edges ?? []) as ElkExtendedEdge[]) {
    const section = edge.sections?.[0];
    if (!section) continue;
    const points: [number, number][] = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => [round(p.x), round(p.y)]);
    const label = edge.labels?.[0];
    routes[edge.id] = {
      points,
      label: label ? { x: round(label.x), y: round(label.y), w: round(label.width), h: round(label.height) } : null,
    };
  }
  return { ...graph, width: round(laid.width), height: round(laid.height), boxes, routes };
}
