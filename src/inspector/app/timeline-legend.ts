import { linePlays, type LaneKind, type LaneSegment, type Lanes } from '../lanes.js';
import { s } from './dom.js';

const FILL: Record<LaneKind, string> = {
  ringing: 'url(#ringing)',
  message: '#93c5fd',
  hold_music: '#fcd34d',
  contact_line: '#5eead4',
  talk: '#86efac',
};
const TTS_FILL = '#c4b5fd';

/** The contact's line is one teal family, darker as the line says more: silence, ringback, then a voice. */
const LINE_FILL: Record<string, string> = {
  silence: '#ccfbf1',
  ringback: '#99f6e4',
  voicemail: '#5eead4',
  announcement: '#5eead4',
  message: '#2dd4bf',
};

/** A segment's colour: a TTS message has its own, so a file and a spoken text tell apart at a glance. */
export function segmentFill(segment: LaneSegment): string {
  if (isTts(segment)) return TTS_FILL;
  const plays = segment.source ? linePlays(segment.source) : null;
  return plays ? (LINE_FILL[plays] ?? FILL.contact_line) : FILL[segment.kind];
}

function isTts(segment: LaneSegment): boolean {
  return segment.source?.kind === 'message' && segment.source.type === 'tts';
}

const LEGEND: { key: LaneKind | 'tts'; fill: string; name: string }[] = [
  { key: 'ringing', fill: FILL.ringing, name: 'ringing (being dialled)' },
  { key: 'message', fill: FILL.message, name: 'message: media file' },
  { key: 'tts', fill: TTS_FILL, name: 'message: TTS' },
  { key: 'hold_music', fill: FILL.hold_music, name: 'hold music (media_file_id)' },
  { key: 'contact_line', fill: FILL.contact_line, name: "through the contact's line (early switching)" },
  { key: 'talk', fill: FILL.talk, name: 'talk' },
];
const ROW_H = 20;

/** Where each legend item goes, wrapping to a new row when the next would pass `right`. */
function legendLayout(left: number, right: number): { rows: number; at: { x: number; row: number }[] } {
  let x = left;
  let row = 0;
  const at = LEGEND.map((item) => {
    const w = 30 + item.name.length * 6.2;
    if (x > left && x + w > right) {
      x = left;
      row++;
    }
    const place = { x, row };
    x += w;
    return place;
  });
  return { rows: row + 1, at };
}

/** The legend's height between `left` and `right` (px). */
export function legendHeight(left: number, right: number): number {
  return legendLayout(left, right).rows * ROW_H + 14;
}

/** Draws the legend at `y`; the kinds this timeline does not show are dimmed. */
export function drawLegend(svg: SVGElement, y: number, lanes: Lanes, left: number, right: number): void {
  const used = new Set(lanes.segments.map((seg) => (isTts(seg) ? 'tts' : seg.kind)));
  const { at } = legendLayout(left, right);
  LEGEND.forEach((item, i) => {
    const { x, row } = at[i]!;
    const dim = !used.has(item.key);
    const top = y + row * ROW_H;
    svg.append(
      s('rect', { x, y: top, width: 16, height: 12, rx: 2, fill: item.fill, stroke: '#64748b', 'stroke-width': 0.5, opacity: dim ? 0.45 : 1 }),
      s('text', { x: x + 21, y: top + 10, fill: dim ? '#94a3b8' : '#334155', 'font-size': 11 }, item.name),
    );
  });
}
