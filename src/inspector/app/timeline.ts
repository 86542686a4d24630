import { LEGS, type Lanes } from '../lanes.js';
import { s } from './dom.js';
import { readableTime } from '../../duration.js';
import { besideLine, headLabels, textWidth, type HeadLabel } from './timeline-head.js';
import { drawLane } from './timeline-lane.js';
import { drawLegend, legendHeight } from './timeline-legend.js';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export interface TimelineOptions {
  width: number;
  /** Last instant drawn (ms); segments past it are cut with an arrow. */
  viewEnd: number;
  cursor: number | null;
  title?: string;
  /** Segments to outline as differing (keys from diff.segmentKey) and the first difference's time. */
  diff?: { keys: Set<string>; first: number | null };
  legend?: boolean;
}

const RIGHT = 16;
/** Room for the legs' names left of the lanes: less on a phone, where every pixel of time counts. */
const gutterOf = (width: number) => (width < 560 ? 76 : 104);

/** The time under a click at `clientX` on a timeline drawn by timelineSvg, or null left of the lanes. */
export function timeAtX(svg: SVGSVGElement, clientX: number): number | null {
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width'));
  const gutter = gutterOf(width);
  const x = ((clientX - box.left) / box.width) * width;
  if (x < gutter) return null;
  return ((x - gutter) / (width - gutter - RIGHT)) * Number(svg.getAttribute('data-view-end'));
}

/** A tick step that leaves at least ~80 px between labels. */
function tickStep(viewEnd: number, plotWidth: number): number {
  const steps = [100, 250, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000];
  return steps.find((step) => (plotWidth / viewEnd) * step >= 80) ?? 3_600_000;
}

function tickLabel(ms: number, step: number): string {
  return step < 1000 ? `${+(ms / 1000).toFixed(2)} s` : readableTime(ms);
}

/**
 * Draws the lanes: one per leg, what it hears over time (segments carry data-leg / data-kind / data-from /
 * data-to), the points where something happens to it, the talk and the end across both, the cursor.
 * Styles are attributes, so the SVG stands alone when exported.
 * @example timelineSvg(run.lanes, { width: 900, viewEnd: 15000, cursor: 4000 })
 */
export function timelineSvg(lanes: Lanes, options: TimelineOptions): SVGSVGElement {
  const { width, viewEnd } = options;
  const gutter = gutterOf(width);
  const plot = width - gutter - RIGHT;
  const x = (t: number) => gutter + (Math.min(t, viewEnd) / viewEnd) * plot;
  const titleH = options.title ? 22 : 0;
  const head = headLabels(instantLabels(lanes, options, x));
  const top = titleH + head.height;
  const svg = s('svg', {
    xmlns: 'http://www.w3.org/2000/svg', width, class: 'timeline', 'font-family': FONT, 'font-size': 12,
    'data-view-end': viewEnd, 'data-gutter': gutter,
  });
  const background = s('rect', { x: 0, y: 0, width, fill: '#ffffff' });
  // Layers, bottom to top: grid, bars and marks, the cursor, every text (so the cursor never covers one).
  const grid = s('g', { class: 'grid' });
  const bars = s('g', { class: 'bars' });
  const cursor = s('g', { class: 'cursor-layer' });
  const texts = s('g', { class: 'texts' });
  svg.append(
    s(
      'defs',
      {},
      s(
        'pattern',
        { id: 'ringing', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        s('rect', { width: 8, height: 8, fill: '#f1f5f9' }),
        s('rect', { width: 3, height: 8, fill: '#cbd5e1' }),
      ),
    ),
    background, grid, bars, cursor, texts,
  );
  if (options.title) texts.append(s('text', { x: 8, y: 16, 'font-weight': 600, 'font-size': 13, fill: '#0f172a' }, options.title));

  let bottom = top;
  for (const leg of LEGS) bottom += drawLane({ bars, texts }, lanes, leg, bottom, x, { width, viewEnd, diffKeys: options.diff?.keys });

  // Axis and grid; the last labels end at the right edge instead of running past it.
  const step = tickStep(viewEnd, plot);
  for (let t = 0; t <= viewEnd; t += step) {
    const label = tickLabel(t, step);
    const half = textWidth(label, 11) / 2;
    const anchor = x(t) + half > width - 2 ? 'end' : 'middle';
    grid.append(s('line', { x1: x(t), x2: x(t), y1: top - 4, y2: bottom, stroke: '#e2e8f0' }));
    texts.append(s('text', { x: anchor === 'end' ? width - 2 : x(t), y: top - 8, 'text-anchor': anchor, fill: '#475569', 'font-size': 11, class: 'tick' }, label));
  }
  head.draw(texts, titleH, bottom);
  if (options.cursor !== null && options.cursor <= viewEnd) {
    const cx = x(options.cursor);
    cursor.append(
      s('line', { x1: cx, x2: cx, y1: top - 4, y2: bottom, stroke: '#dc2626', 'stroke-width': 2, class: 'cursor', 'data-t': options.cursor }),
      s('path', { d: `M${cx - 5} ${top - 8} L${cx + 5} ${top - 8} L${cx} ${top - 2} Z`, fill: '#dc2626' }),
    );
  }
  const legendH = options.legend === false ? 0 : legendHeight(8, width - RIGHT);
  if (legendH) drawLegend(texts, bottom + 14, lanes, 8, width - RIGHT);
  const height = bottom + 6 + legendH;
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  background.setAttribute('height', String(height));
  return svg;
}

/** The labels above the lanes: the first difference, the talk, the end, and a note when the call goes on past the window. */
function instantLabels(lanes: Lanes, options: TimelineOptions, x: (t: number) => number): HeadLabel[] {
  const labels: HeadLabel[] = [];
  const first = options.diff?.first;
  if (first !== null && first !== undefined && first <= options.viewEnd) {
    const attrs = { stroke: '#ea580c', 'stroke-width': 2.5, class: 'diff-marker', 'data-t': first };
    labels.push({ text: `first difference ${readableTime(first)}`, x: x(first) - 4, anchor: 'end', color: '#ea580c', weight: 700, line: { x: x(first), attrs } });
  }
  for (const moment of lanes.moments) {
    if (moment.t > options.viewEnd) continue;
    const color = moment.type === 'talk.started' ? '#15803d' : '#334155';
    const text = `${moment.label} ${readableTime(moment.t)}`;
    const attrs = { stroke: color, 'stroke-dasharray': '4 3', 'stroke-width': 1.5, 'data-moment': moment.type, 'data-t': moment.t };
    labels.push({ text, ...besideLine(x(moment.t), text, 11, options.width), color, weight: 600, line: { x: x(moment.t), attrs } });
  }
  if (lanes.end > options.viewEnd)
    labels.push({ text: `the call goes on to ${readableTime(lanes.end)} →`, x: options.width - 4, anchor: 'end', color: '#64748b', weight: 400 });
  return labels;
}
