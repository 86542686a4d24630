import { stackRows } from '../label-rows.js';
import { s } from './dom.js';

/** A label above the lanes (the talk, the end, the first difference, "the call goes on…") and its line. */
export interface HeadLabel {
  text: string;
  /** Where the text starts, or where it ends when `anchor` is 'end'. */
  x: number;
  anchor: 'start' | 'end';
  color: string;
  weight: number;
  /** The line down across the lanes at this instant (attributes besides its position), if any. */
  line?: { x: number; attrs: Record<string, string | number> };
}

const SIZE = 11;
const ROW_H = 14;
/** Below the label rows: the time axis' labels. */
const AXIS_H = 30;

/** Estimated width of `text` at `size` px (no layout engine: the SVG must stand alone when exported). */
export function textWidth(text: string, size: number): number {
  return text.length * size * 0.6;
}

/** Text starting just right of `x`, or ending just left of it when it would pass the right edge. */
export function besideLine(x: number, text: string, size: number, width: number): { x: number; anchor: 'start' | 'end' } {
  return x + 4 + textWidth(text, size) <= width - 2 ? { x: x + 4, anchor: 'start' } : { x: x - 4, anchor: 'end' };
}

export interface Head {
  /** Height of the label rows and the axis labels above the lanes. */
  height: number;
  draw(svg: SVGElement, top: number, bottom: number): void;
}

/**
 * Lays the labels out in rows above the time axis (a label that would overlap another goes up a row),
 * so "talk starts" never covers "the call goes on…". Lines are drawn first, texts over them with a
 * white halo, so a line running up to a higher row does not cross a text.
 */
export function headLabels(labels: HeadLabel[]): Head {
  const rows = stackRows(
    labels.map((label) => {
      const w = textWidth(label.text, SIZE);
      return label.anchor === 'start' ? { from: label.x, to: label.x + w } : { from: label.x - w, to: label.x };
    }),
  );
  const count = Math.max(1, ...rows.map((row) => row + 1));
  return {
    height: count * ROW_H + AXIS_H,
    draw(svg, top, bottom) {
      const baseline = (row: number) => top + ROW_H * (count - row);
      labels.forEach((label, i) => {
        if (label.line)
          svg.append(s('line', { ...label.line.attrs, x1: label.line.x, x2: label.line.x, y1: baseline(rows[i]!) + 4, y2: bottom }));
      });
      labels.forEach((label, i) =>
        svg.append(
          s(
            'text',
            {
              class: 'head-label', x: label.x, y: baseline(rows[i]!), 'text-anchor': label.anchor,
              fill: label.color, 'font-size': SIZE, 'font-weight': label.weight,
              stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke',
            },
            label.text,
          ),
        ),
      );
    },
  };
}
