import type { ChartEdge, ChartNode, LaidOutChart } from '../../diagram/statechart.js';
import { edgeLabelLines } from '../../diagram/statechart.js';
import { activePaths } from '../chart.js';
import { h, s } from './dom.js';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const INK = '#0f172a';
const EDGE = '#64748b';
const FIRED = '#ea580c';

/** Where a transition leads, in words: `→ dialingContact`, `↻ (stays)`. */
function targetText(chart: LaidOutChart, edge: ChartEdge): string {
  if (edge.targetless) return '↻ stays (actions only)';
  const target = chart.nodes.find((n) => n.id === edge.target);
  return `→ ${target?.path || target?.key || edge.target}`;
}

function edgeTitle(chart: LaidOutChart, edge: ChartEdge): string {
  const source = chart.nodes.find((n) => n.id === edge.source);
  const guard = edge.guard ? ` [${edge.guard}]` : '';
  const actions = edge.actions.length ? `\ndoes: ${edge.actions.join(', ')}` : '';
  return `${source?.path || source?.key}: on ${edge.event}${guard} ${targetText(chart, edge)}${actions}`;
}

function drawState(svg: SVGSVGElement, chart: LaidOutChart, node: ChartNode, active: Set<string>, selected: string | null, title: string): void {
  const box = chart.boxes[node.id];
  if (!box) return;
  const on = active.has(node.path);
  const leaf = node.type === 'atomic' || node.type === 'final' || node.type === 'history';
  const group = s('g', {
    class: `state${on ? ' active' : ''}${selected === node.id ? ' selected' : ''}`,
    'data-path': node.path, 'data-active': on ? 'true' : 'false', 'data-type': node.type, 'data-id': node.id,
    tabindex: 0, role: 'button',
  });
  const fill = on ? (leaf ? '#2563eb' : '#eff6ff') : node.parent === null ? '#ffffff' : leaf ? '#ffffff' : '#f8fafc';
  group.append(
    s('rect', {
      x: box.x, y: box.y, width: box.w, height: box.h, rx: leaf ? 6 : 9, fill,
      stroke: selected === node.id ? FIRED : on ? '#1d4ed8' : '#94a3b8',
      'stroke-width': on || selected === node.id ? 2 : 1,
      'stroke-dasharray': node.type === 'parallel' ? '5 3' : null,
    }),
    s('title', {}, `${node.path || title} — ${node.type}${node.entry.length ? `\nentry: ${node.entry.join(', ')}` : ''}\n(click for its entry actions and transitions)`),
  );
  if (node.type === 'final') group.append(s('rect', { x: box.x + 3, y: box.y + 3, width: box.w - 6, height: box.h - 6, rx: 4, fill: 'none', stroke: on ? '#ffffff' : '#94a3b8' }));
  const textY = leaf ? box.y + box.h / 2 + 4 : box.y + 16;
  if (node.initial) group.append(s('circle', { cx: box.x + 10, cy: leaf ? box.y + box.h / 2 : box.y + 12, r: 3.5, fill: on && leaf ? '#ffffff' : INK }));
  group.append(
    s('text', { x: box.x + (node.initial ? 18 : 8), y: textY, fill: on && leaf ? '#ffffff' : INK, 'font-size': 11, 'font-weight': leaf && !on ? 400 : 600 }, node.parent === null ? title : node.key),
  );
  svg.append(group);
}

function drawEdge(svg: SVGSVGElement, chart: LaidOutChart, edge: ChartEdge, fired: boolean, marker: string): void {
  const route = chart.routes[edge.id];
  if (!route) return;
  const d = route.points.map(([x, y], i) => `${i ? 'L' : 'M'}${x} ${y}`).join(' ');
  const group = s('g', {
    class: `transition${fired ? ' fired' : ''}`,
    'data-transition': edge.transition, 'data-event': edge.event, 'data-fired': fired ? 'true' : 'false',
  });
  group.append(
    s('path', { d, fill: 'none', stroke: fired ? FIRED : EDGE, 'stroke-width': fired ? 2.5 : 1.2, 'marker-end': `url(#${marker}${fired ? '-fired' : ''})` }),
    // A wider invisible path makes the thin arrow easy to hover.
    s('path', { d, fill: 'none', stroke: 'transparent', 'stroke-width': 8 }),
    s('title', {}, edgeTitle(chart, edge)),
  );
  if (route.label) {
    edgeLabelLines(edge).forEach((line, i) =>
      group.append(
        s(
          'text',
          {
            x: route.label!.x + 2, y: route.label!.y + 10 + i * 12, 'font-size': 10, fill: fired ? FIRED : i ? '#475569' : '#1e3a8a',
            'font-weight': fired ? 700 : 400, stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke',
          },
          line,
        ),
      ),
    );
  }
  svg.append(group);
}

/**
 * A machine's state chart as laid out by ELK at build time: nested states (the active ones filled), every
 * transition as an arrow with its event and guard, the transitions just taken in orange.
 * @example chartSvg(charts[0], { state: 'employeeFirst.dialingContact', fired: [...] }, 'session', null)
 */
export function chartSvg(
  chart: LaidOutChart,
  actor: { id: string; state: string; fired: readonly string[] } | null,
  title: string,
  selected: string | null,
): SVGSVGElement {
  const active = actor ? activePaths(actor.state) : new Set<string>();
  const fired = new Set(actor?.fired ?? []);
  const name = chart.region ?? actor?.id ?? chart.machine;
  const marker = `arrow-${`${actor?.id ?? ''}-${name}`.replace(/[^\w-]/g, '_')}`;
  const pad = 4;
  const svg = s('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width: chart.width + 2 * pad, height: chart.height + 2 * pad,
    viewBox: `${-pad} ${-pad} ${chart.width + 2 * pad} ${chart.height + 2 * pad}`,
    class: 'chart', 'data-machine': name, 'data-chart': chart.machine,
    'data-state': actor?.state ?? '', 'font-family': FONT,
  });
  const arrow = (id: string, color: string) =>
    s('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M0 0 L10 5 L0 10 Z', fill: color }));
  svg.append(s('defs', {}, arrow(marker, EDGE), arrow(`${marker}-fired`, FIRED)));
  for (const node of chart.nodes) drawState(svg, chart, node, active, selected, title);
  // Arrows over the boxes; the fired ones last, so they are on top.
  const edges = [...chart.edges].sort((a, b) => Number(fired.has(a.transition)) - Number(fired.has(b.transition)));
  for (const edge of edges) drawEdge(svg, chart, edge, fired.has(edge.transition), marker);
  return svg;
}

/** What a clicked state does: its entry and exit actions, the actors it invokes, each transition with its guard. */
export function stateDetails(chart: LaidOutChart, id: string, title: string): HTMLElement {
  const node = chart.nodes.find((n) => n.id === id);
  if (!node) return h('div');
  const out = chart.edges.filter((e) => e.source === id);
  const list = (label: string, items: string[]) =>
    items.length ? h('div', {}, h('b', {}, `${label}: `), ...items.flatMap((item, i) => [i ? ', ' : '', h('code', {}, item)])) : null;
  return h(
    'div',
    { class: 'state-details', 'data-state-details': node.path },
    h('div', {}, h('b', {}, `${title} · ${node.path || '(root)'}`), h('span', { class: 'muted' }, ` ${node.type}${node.initial ? ', entered first' : ''}`)),
    list('entry', node.entry),
    list('exit', node.exit),
    list('invokes', node.invokes),
    out.length
      ? h(
          'table',
          { class: 'transitions-table' },
          h('thead', {}, h('tr', {}, h('th', {}, 'on'), h('th', {}, 'guard'), h('th', {}, 'goes to'), h('th', {}, 'actions'))),
          h(
            'tbody',
            {},
            ...out.map((edge) =>
              h('tr', {}, h('td', {}, h('code', {}, edge.event)), h('td', {}, edge.guard ? h('code', {}, edge.guard) : '—'), h('td', {}, targetText(chart, edge)), h('td', {}, edge.actions.join(', ') || '—')),
            ),
          ),
        )
      : h('div', { class: 'muted' }, 'No transitions of its own (its parent’s apply).'),
  );
}
