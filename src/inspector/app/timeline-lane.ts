import type { LegName } from '../../sim/types.js';
import { segmentKey } from '../diff.js';
import type { Lanes } from '../lanes.js';
import { s, seconds } from './dom.js';
import { besideLine } from './timeline-head.js';
import { segmentFill } from './timeline-legend.js';

export const LANE_H = 74;
const BAR_TOP = 16;
const BAR_H = 30;

export interface LaneOptions {
  width: number;
  viewEnd: number;
  /** Segments to outline as differing (keys from diff.segmentKey). */
  diffKeys?: Set<string> | undefined;
}

/** One leg's lane at `y`: its name, what it hears as bars (cut with an arrow past the window), and its marks. */
export function drawLane(
  svg: SVGSVGElement,
  lanes: Lanes,
  leg: LegName,
  y: number,
  x: (t: number) => number,
  options: LaneOptions,
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
    const differs = options.diffKeys?.has(segmentKey(segment)) ?? false;
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
      const place = besideLine(mx - 6, mark.label, 10.5, options.width);
      svg.append(s('text', { x: place.x, y: barY + BAR_H + 19, 'text-anchor': place.anchor, fill: color, 'font-size': 10.5 }, mark.label));
      lastLabelEnd = mx + mark.label.length * 6.1 + 4;
    }
  }
}
