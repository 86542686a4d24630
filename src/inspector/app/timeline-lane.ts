import type { LegName } from '../../sim/types.js';
import { segmentKey } from '../diff.js';
import type { Lanes } from '../lanes.js';
import { stackRows } from '../label-rows.js';
import { s } from './dom.js';
import { readableTime } from '../../duration.js';
import { besideLine, textWidth } from './timeline-head.js';
import { segmentFill } from './timeline-legend.js';

const BAR_TOP = 16;
const BAR_H = 30;
/** Mark labels (answers, DTMF 1…) sit in rows under the bar: a label that would touch another goes a row down. */
const MARK_ROW = 13;
const MARK_SIZE = 10.5;

export interface LaneOptions {
  width: number;
  viewEnd: number;
  /** Segments to outline as differing (keys from diff.segmentKey). */
  diffKeys?: Set<string> | undefined;
}

/** Where a lane draws: bars and marks under the cursor line, texts over it. */
export interface LaneLayers {
  bars: SVGElement;
  texts: SVGElement;
}

/**
 * One leg's lane at `y`: its name, what it hears as bars (cut with an arrow past the window), and its
 * marks with every label kept (stacked in rows when they would collide). Returns the lane's height.
 */
export function drawLane(
  layers: LaneLayers,
  lanes: Lanes,
  leg: LegName,
  y: number,
  x: (t: number) => number,
  options: LaneOptions,
): number {
  const { bars, texts } = layers;
  const barY = y + BAR_TOP;
  texts.append(
    s('text', { x: 8, y: barY + 14, 'font-weight': 600, fill: '#0f172a', 'font-size': 13 }, leg),
    s('text', { x: 8, y: barY + 28, fill: '#64748b', 'font-size': 10 }, 'hears'),
  );
  bars.append(
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
      s('title', {}, `${leg}: ${segment.detail}\n${readableTime(segment.from)} → ${segment.open ? 'now' : readableTime(segment.to)}`),
    );
    bars.append(rect);
    const room = x2 - x1 - 8;
    const fit = Math.floor(room / 6.4);
    // A narrow stretch of the contact's line says just what the line plays (its colour says whose line).
    const text = segment.short && segment.label.length > fit ? segment.short : segment.label;
    const label = segment.to > options.viewEnd ? `${text} →` : text;
    if (room > 24) {
      texts.append(
        s(
          'text',
          { x: x1 + 4, y: barY + BAR_H / 2 + 4, fill: '#0f172a', 'font-size': ringing ? 10.5 : 11.5, 'pointer-events': 'none' },
          label.length > fit ? `${label.slice(0, Math.max(1, fit - 1))}…` : label,
        ),
      );
    } else if (!ringing) {
      // Too short to hold its name (a short TTS): the name goes above the bar.
      texts.append(s('text', { x: (x1 + x2) / 2, y: barY - 4, 'text-anchor': 'middle', fill: '#0f172a', 'font-size': 10.5, ...HALO }, label));
    }
  }
  // Points: answers, failures, hang-ups, DTMF, early media — every label shown, stacked where they would collide.
  const marks = lanes.marks.filter((m) => m.leg === leg && m.t <= options.viewEnd);
  const places = marks.map((mark) => besideLine(x(mark.t) - 6, mark.label, MARK_SIZE, options.width));
  const rows = stackRows(
    places.map((place, i) => {
      const w = textWidth(marks[i]!.label, MARK_SIZE);
      return place.anchor === 'start' ? { from: place.x, to: place.x + w } : { from: place.x - w, to: place.x };
    }),
    4,
  );
  marks.forEach((mark, i) => {
    const mx = x(mark.t);
    const color = mark.type === 'leg.failed' || mark.type === 'leg.hung_up' ? '#dc2626' : mark.type === 'leg.answered' ? '#15803d' : '#475569';
    bars.append(
      s('path', { d: `M${mx} ${barY + BAR_H + 1} l4 7 h-8 Z`, fill: color, class: 'mark', 'data-type': mark.type, 'data-t': mark.t },
        s('title', {}, `${readableTime(mark.t)} ${leg} ${mark.label}`)),
    );
    texts.append(
      s('text', {
        x: places[i]!.x, y: barY + BAR_H + 19 + rows[i]! * MARK_ROW, 'text-anchor': places[i]!.anchor, fill: color, 'font-size': MARK_SIZE,
        class: 'mark-label', 'data-t': mark.t, ...HALO,
      }, mark.label),
    );
  });
  const labelRows = rows.length ? Math.max(...rows) + 1 : 1;
  return BAR_TOP + BAR_H + 10 + labelRows * MARK_ROW + 6;
}

/** A white outline behind a text, so a line passing under it (the cursor, a moment) does not cross it. */
const HALO = { stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke' } as const;
