import { activePaths, layoutChart, type ChartBox, type StateNodeLike } from '../chart.js';
import { s } from './dom.js';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

function drawBox(parent: SVGElement, box: ChartBox, ox: number, oy: number, active: Set<string>, depth: number): void {
  const x = ox + box.x;
  const y = oy + box.y;
  const on = active.has(box.path);
  const compound = box.children.length > 0;
  const group = s('g', {
    class: `state${on ? ' active' : ''}`,
    'data-path': box.path,
    'data-active': on ? 'true' : 'false',
    'data-type': box.type,
  });
  group.append(
    s('rect', {
      x, y, width: box.w, height: box.h, rx: compound ? 8 : 6,
      fill: on ? (compound ? '#eff6ff' : '#2563eb') : depth === 0 ? '#ffffff' : compound ? '#f8fafc' : '#ffffff',
      stroke: on ? '#1d4ed8' : '#94a3b8',
      'stroke-width': on ? 2 : 1,
      'stroke-dasharray': box.type === 'parallel' ? '5 3' : null,
    }),
    s('title', {}, `${box.path || '(root)'} — ${box.type}${box.events.length ? `\non: ${box.events.join(', ')}` : ''}`),
  );
  if (box.type === 'final')
    group.append(s('rect', { x: x + 3, y: y + 3, width: box.w - 6, height: box.h - 6, rx: 4, fill: 'none', stroke: on ? '#ffffff' : '#94a3b8' }));
  const tx = x + 8 + (box.initial ? 10 : 0);
  if (box.initial) group.append(s('circle', { cx: x + 9, cy: y + (compound ? 11 : box.h / 2), r: 3.5, fill: on && !compound ? '#ffffff' : '#0f172a' }));
  group.append(
    s(
      'text',
      {
        x: tx, y: compound ? y + 14 : y + box.h / 2 + 4,
        fill: on && !compound ? '#ffffff' : '#0f172a',
        'font-weight': compound || on ? 600 : 400, 'font-size': 11,
      },
      depth === 0 ? box.key || '(root)' : box.key,
    ),
  );
  parent.append(group);
  for (const child of box.children) drawBox(parent, child, x, y, active, depth + 1);
}

/**
 * A machine's chart as nested boxes with the active states filled in.
 * @example chartSvg(employeeCallMachine.root, 'connecting.contactDialing', 'session')
 */
export function chartSvg(root: StateNodeLike, state: string | null, name: string, maxWidth = 560): SVGSVGElement {
  const box = layoutChart(root, maxWidth);
  const active = state === null ? new Set<string>() : activePaths(state);
  const svg = s('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width: box.w + 2,
    height: box.h + 2,
    viewBox: `-1 -1 ${box.w + 2} ${box.h + 2}`,
    class: 'chart',
    'data-machine': name,
    'data-state': state ?? '',
    'font-family': FONT,
  });
  drawBox(svg, { ...box, key: name }, 0, 0, active, 0);
  return svg;
}
