import type { LegName } from '../../sim/types.js';
import { segmentKey } from '../diff.js';
import { LEGS, type LaneKind, type LaneSegment, type Lanes } from '../lanes.js';
import { s, seconds } from './dom.js';

/** Colours and names of what a lane can show; the legend and the CSS use the same. */
export const KIND_STYLE: Record<LaneKind, { fill: string; name: string }> = {
  ringing: { fill: 'url(#ringing)', name: 'ringing (being dialled)' },
  message: { fill: '#93c5fd', name: 'message (file or TTS)' },
  hold_music: { fill: '#fcd34d', name: 'hold music (media_file_id)' },
  contact_line: { fill: '#5eead4', name: "contact's line (early switching)" },
  talk: { fill: '#86efac', name: 'talk' },
};
const TTS_FILL = '#c4b5fd';
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

const GUTTER = 104;
const RIGHT = 24;
/** Above the lanes: a row for the labels of instants (talk, end, first difference), then the time axis. */
const HEAD_H = 44;
const LANE_H = 74;
const BAR_TOP = 16;
const BAR_H = 30;

/** The time under a click at `clientX` on a timeline drawn by timelineSvg, or null left of the lanes. */
export function timeAtX(svg: SVGSVGElement, clientX: number): number | null {
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width'));
  const x = ((clientX - box.left) / box.width) * width;
  if (x < GUTTER) return null;
  return ((x - GUTTER) / (width - GUTTER - RIGHT)) * Number(svg.getAttribute('data-view-end'));
}

/** A tick step that leaves at least ~80 px between labels. */
function tickStep(viewEnd: number, plotWidth: number): number {
  const steps = [100, 250, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000];
  return steps.find((step) => (plotWidth / viewEnd) * step >= 80) ?? 3_600_000;
}

function tickLabel(ms: number, step: number): string {
  return step < 1000 ? `${+(ms / 1000).toFixed(2)} s` : seconds(ms);
}

/**
 * Draws the lanes: one per leg, what it hears over time (segments carry data-leg / data-kind / data-from /
 * data-to), the points where something happens to it, the talk and the end across both, the cursor.
 * Styles are attributes, so the SVG stands alone when exported.
 * @example timelineSvg(run.lanes, { width: 900, viewEnd: 15000, cursor: 4000 })
 */
export function timelineSvg(lanes: Lanes, options: TimelineOptions): SVGSVGElement {
  const { width, viewEnd } = options;
  const plot = width - GUTTER - RIGHT;
  const x = (t: number) => GUTTER + (Math.min(t, viewEnd) / viewEnd) * plot;
  const legendRows = options.legend === false ? 0 : legendLayout(width).rows;
  const legendH = legendRows * 20 + (legendRows ? 14 : 0);
  const titleH = options.title ? 22 : 0;
  const height = titleH + HEAD_H + LEGS.length * LANE_H + 6 + legendH;
  const top = titleH + HEAD_H;
  const labelY = titleH + 14;
  const svg = s('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    class: 'timeline',
    'font-family': FONT,
    'font-size': 12,
    'data-view-end': viewEnd,
  });
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
    s('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
  );
  if (options.title) svg.append(s('text', { x: 8, y: 16, 'font-weight': 600, 'font-size': 13, fill: '#0f172a' }, options.title));

  // Axis and grid.
  const step = tickStep(viewEnd, plot);
  for (let t = 0; t <= viewEnd; t += step) {
    svg.append(
      s('line', { x1: x(t), x2: x(t), y1: top - 4, y2: top + LEGS.length * LANE_H, stroke: '#e2e8f0' }),
      s('text', { x: x(t), y: top - 8, 'text-anchor': 'middle', fill: '#475569', 'font-size': 11 }, tickLabel(t, step)),
    );
  }

  LEGS.forEach((leg, i) => drawLane(svg, lanes, leg, top + i * LANE_H, x, options));

  // Instants that concern both legs.
  for (const moment of lanes.moments) {
    if (moment.t > viewEnd) continue;
    const color = moment.type === 'talk.started' ? '#15803d' : '#334155';
    svg.append(
      s('line', {
        x1: x(moment.t), x2: x(moment.t), y1: labelY + 4, y2: top + LEGS.length * LANE_H,
        stroke: color, 'stroke-dasharray': '4 3', 'stroke-width': 1.5, 'data-moment': moment.type, 'data-t': moment.t,
      }),
      edgeText(x(moment.t), labelY, `${moment.label} ${seconds(moment.t)}`, width, { fill: color, 'font-size': 11, 'font-weight': 600 }),
    );
  }
  if (lanes.end > viewEnd)
    svg.append(
      s('text', { x: width - 4, y: labelY, 'text-anchor': 'end', fill: '#64748b', 'font-size': 11 }, `the call goes on to ${seconds(lanes.end)} →`),
    );

  const first = options.diff?.first;
  if (first !== null && first !== undefined && first <= viewEnd) {
    svg.append(
      s('line', {
        x1: x(first), x2: x(first), y1: labelY + 4, y2: top + LEGS.length * LANE_H,
        stroke: '#ea580c', 'stroke-width': 2.5, class: 'diff-marker', 'data-t': first,
      }),
      s('text', { x: x(first) - 4, y: labelY, 'text-anchor': 'end', fill: '#ea580c', 'font-size': 11, 'font-weight': 700 }, `first difference ${seconds(first)}`),
    );
  }
  if (options.cursor !== null && options.cursor <= viewEnd) {
    const cx = x(options.cursor);
    svg.append(
      s('line', { x1: cx, x2: cx, y1: top - 4, y2: top + LEGS.length * LANE_H, stroke: '#dc2626', 'stroke-width': 2, class: 'cursor', 'data-t': options.cursor }),
      s('path', { d: `M${cx - 5} ${top - 8} L${cx + 5} ${top - 8} L${cx} ${top - 2} Z`, fill: '#dc2626' }),
    );
  }
  if (legendH) drawLegend(svg, height - legendH + 8, lanes, width);
  return svg;
}

/** Text starting at `x`, or ending there when it would run past the right edge. */
function edgeText(x: number, y: number, text: string, width: number, attrs: Record<string, string | number>): SVGTextElement {
  const size = Number(attrs['font-size'] ?? 11);
  const fits = x + 4 + text.length * size * 0.58 <= width - 2;
  return s('text', { ...attrs, x: fits ? x + 4 : x - 4, y, 'text-anchor': fits ? 'start' : 'end' }, text);
}

function segmentFill(segment: LaneSegment): string {
  return segment.source?.kind === 'message' && segment.source.type === 'tts' ? TTS_FILL : KIND_STYLE[segment.kind].fill;
}

function drawLane(
  svg: SVGSVGElement,
  lanes: Lanes,
  leg: LegName,
  y: number,
  x: (t: number) => number,
  options: TimelineOptions,
): void {
  const barY = y + BAR_TOP;
  svg.append(
    s('text', { x: 10, y: barY + 14, 'font-weight': 600, fill: '#0f172a', 'font-size': 13 }, leg),
    s('text', { x: 10, y: barY + 28, fill: '#64748b', 'font-size': 10 }, 'hears'),
    s('line', { x1: x(0), x2: x(options.viewEnd), y1: barY + BAR_H / 2, y2: barY + BAR_H / 2, stroke: '#cbd5e1' }),
  );
  for (const segment of lanes.segments.filter((seg) => seg.leg === leg)) {
    if (segment.from > options.viewEnd) continue;
    const x1 = x(segment.from);
    const x2 = Math.max(x(segment.to), x1 + 2);
    const ringing = segment.kind === 'ringing';
    const differs = options.diff?.keys.has(segmentKey(segment)) ?? false;
    const rect = s(
      'rect',
      {
        x: x1, y: ringing ? barY + 5 : barY, width: x2 - x1, height: ringing ? BAR_H - 10 : BAR_H, rx: 3,
        fill: segmentFill(segment),
        stroke: differs ? '#ea580c' : ringing ? '#94a3b8' : '#334155',
        'stroke-width': differs ? 2.5 : 0.75,
        'stroke-dasharray': differs ? '5 2' : null,
        class: 'segment',
        'data-leg': leg, 'data-kind': segment.kind, 'data-from': segment.from, 'data-to': segment.to,
        'data-label': segment.label, 'data-diff': differs ? 'true' : null, 'data-open': segment.open ? 'true' : null,
      },
      s('title', {}, `${leg}: ${segment.detail}\n${seconds(segment.from)} → ${segment.open ? 'now' : seconds(segment.to)}`),
    );
    svg.append(rect);
    const label = segment.to > options.viewEnd ? `${segment.label} →` : segment.label;
    const room = x2 - x1 - 8;
    if (room > 24) {
      const fit = Math.floor(room / 6.4);
      svg.append(
        s(
          'text',
          { x: x1 + 4, y: barY + BAR_H / 2 + 4, fill: '#0f172a', 'font-size': ringing ? 10.5 : 11.5, 'pointer-events': 'none' },
          label.length > fit ? `${label.slice(0, Math.max(1, fit - 1))}…` : label,
        ),
      );
    } else if (!ringing) {
      // Too short to hold its name (a short TTS): the name goes above the bar.
      svg.append(s('text', { x: (x1 + x2) / 2, y: barY - 4, 'text-anchor': 'middle', fill: '#0f172a', 'font-size': 10.5 }, label));
    }
  }
  // Points: answers, failures, hang-ups, DTMF, early media. Labels are skipped where they would collide.
  let lastLabelEnd = -Infinity;
  for (const mark of lanes.marks.filter((m) => m.leg === leg && m.t <= options.viewEnd)) {
    const mx = x(mark.t);
    const color = mark.type === 'leg.failed' || mark.type === 'leg.hung_up' ? '#dc2626' : mark.type === 'leg.answered' ? '#15803d' : '#475569';
    svg.append(
      s('path', { d: `M${mx} ${barY + BAR_H + 1} l4 7 h-8 Z`, fill: color, class: 'mark', 'data-type': mark.type, 'data-t': mark.t },
        s('title', {}, `${seconds(mark.t)} ${leg} ${mark.label}`)),
    );
    if (mx - 2 > lastLabelEnd) {
      svg.append(edgeText(mx - 6, barY + BAR_H + 19, mark.label, options.width, { fill: color, 'font-size': 10.5 }));
      lastLabelEnd = mx + mark.label.length * 6.1 + 4;
    }
  }
}

const LEGEND: { key: string; fill: string; name: string }[] = [
  { key: 'ringing', ...KIND_STYLE.ringing },
  { key: 'message', ...KIND_STYLE.message, name: 'message: media file' },
  { key: 'tts', fill: TTS_FILL, name: 'message: TTS' },
  { key: 'hold_music', ...KIND_STYLE.hold_music },
  { key: 'contact_line', ...KIND_STYLE.contact_line },
  { key: 'talk', ...KIND_STYLE.talk },
];

/** Where each legend item goes, wrapping to a new row when the next would pass the right edge. */
function legendLayout(width: number): { rows: number; at: { x: number; row: number }[] } {
  let x = GUTTER;
  let row = 0;
  const at = LEGEND.map((item) => {
    const w = 30 + item.name.length * 6.2;
    if (x > GUTTER && x + w > width - RIGHT) {
      x = GUTTER;
      row++;
    }
    const place = { x, row };
    x += w;
    return place;
  });
  return { rows: row + 1, at };
}

function drawLegend(svg: SVGSVGElement, y: number, lanes: Lanes, width: number): void {
  const used = new Set(lanes.segments.map((seg) => (seg.source?.kind === 'message' && seg.source.type === 'tts' ? 'tts' : seg.kind)));
  const { at } = legendLayout(width);
  LEGEND.forEach((item, i) => {
    const { x, row } = at[i]!;
    const dim = !used.has(item.key as LaneKind);
    const top = y + row * 20;
    svg.append(
      s('rect', { x, y: top, width: 16, height: 12, rx: 2, fill: item.fill, stroke: '#64748b', 'stroke-width': 0.5, opacity: dim ? 0.45 : 1 }),
      s('text', { x: x + 21, y: top + 10, fill: dim ? '#94a3b8' : '#334155', 'font-size': 11 }, item.name),
    );
  });
}
