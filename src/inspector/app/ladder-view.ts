import { LIFELINE_NAMES, LIFELINES, type LadderRow, type Lifeline } from '../../diagram/sequence.js';
import { readableTime } from '../../duration.js';
import { s } from './dom.js';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const HEAD = 34;
const ROW = 26;
const GUTTER = 56;
const SIZE = 11;
const CHAR = SIZE * 0.58;
const COLORS = { past: '#0f172a', current: '#dc2626', future: '#94a3b8' };
const KIND_COLOR: Partial<Record<LadderRow['kind'], string>> = {
  answer: '#15803d', fail: '#dc2626', hangup: '#dc2626', talk: '#15803d', early_media: '#0f766e', dtmf: '#7c3aed',
};

/** Ladders drawn so far: keeps each one's arrowhead ids apart when several are on the page. */
let drawn = 0;

export interface LadderOptions {
  width: number;
  /** Index of the event under the cursor: rows of earlier events are drawn as past, later ones grey. */
  index: number;
  title?: string;
  /** Index of the first event that differs from the other run (compare mode), outlined in orange. */
  firstDiff?: number | null;
}

/** Up to two lines of at most `max` characters; the rest is cut with an ellipsis (the tooltip has it all). */
function fitLines(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const cut = text.lastIndexOf(' ', max);
  const first = cut > max / 3 ? text.slice(0, cut) : text.slice(0, max);
  const rest = text.slice(first.length).trim();
  return [first, rest.length <= max ? rest : `${rest.slice(0, Math.max(1, max - 1))}…`];
}

/**
 * The call as a ladder diagram: Employee | Platform | Contact lifelines, one arrow (or note) per row,
 * time going down with each new instant written on the left, in step with the cursor. Rows carry
 * data-event / data-t / data-kind / data-state for the tests and clicks; styles are attributes, so the
 * SVG stands alone when exported.
 * @example ladderSvg(ladderRows(run.result.events), { width: 700, index: 4 })
 */
export function ladderSvg(rows: readonly LadderRow[], options: LadderOptions): SVGSVGElement {
  const width = Math.max(280, options.width);
  const titleH = options.title ? 20 : 0;
  const span = (width - GUTTER - 16) / 2;
  const x: Record<Lifeline, number> = { employee: GUTTER + 8 + span * 0.12, platform: GUTTER + 8 + span, contact: GUTTER + 8 + span * 1.88 };
  const height = titleH + HEAD + rows.length * ROW + 12;
  const svg = s('svg', {
    xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`,
    class: 'ladder', 'font-family': FONT, 'font-size': SIZE,
  });
  const marker = (id: string, color: string) =>
    s('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M0 0 L10 5 L0 10 Z', fill: color }));
  const serial = ++drawn;
  const ids = { past: `ladder-past-${serial}`, current: `ladder-current-${serial}`, future: `ladder-future-${serial}` };
  svg.append(s('defs', {}, ...Object.entries(COLORS).map(([state, color]) => marker(ids[state as keyof typeof COLORS], color))));
  svg.append(s('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  if (options.title) svg.append(s('text', { x: 6, y: 14, 'font-weight': 600, 'font-size': 12.5, fill: '#0f172a' }, options.title));
  for (const line of LIFELINES) {
    svg.append(
      s('line', { x1: x[line], x2: x[line], y1: titleH + HEAD - 6, y2: height - 4, stroke: '#cbd5e1', 'stroke-width': 2 }),
      s('rect', { x: x[line] - 40, y: titleH + 4, width: 80, height: 22, rx: 5, fill: line === 'platform' ? '#e0e7ff' : '#f1f5f9', stroke: '#64748b' }),
      s('text', { x: x[line], y: titleH + 19, 'text-anchor': 'middle', 'font-weight': 600, fill: '#0f172a' }, LIFELINE_NAMES[line]),
    );
  }
  // The first difference may be an event with no row of its own (a sound stopping): mark the next row.
  const diffRow = options.firstDiff === null || options.firstDiff === undefined ? -1 : rows.findIndex((r) => r.event >= options.firstDiff!);
  let lastT: number | null = null;
  let cursorY: number | null = null;
  rows.forEach((row, i) => {
    const y = titleH + HEAD + i * ROW + ROW - 7;
    const state = row.event < options.index ? 'past' : row.event === options.index ? 'current' : 'future';
    if (state !== 'future') cursorY = y + 6;
    const color = state === 'future' ? COLORS.future : state === 'current' ? COLORS.current : (KIND_COLOR[row.kind] ?? COLORS.past);
    const group = s('g', {
      class: 'ladder-row', 'data-event': row.event, 'data-t': row.t, 'data-kind': row.kind, 'data-from': row.from, 'data-to': row.to,
      'data-state': state, 'data-diff': i === diffRow ? 'true' : null,
    });
    group.append(s('rect', { x: 0, y: y - ROW + 8, width, height: ROW, fill: i === diffRow ? '#fff7ed' : state === 'current' ? '#fef2f2' : 'transparent' }));
    group.append(s('title', {}, `${readableTime(row.t)} — ${row.over ? `note over ${row.over.join(', ')}` : `${row.from} → ${row.to}`}: ${row.label}`));
    if (row.t !== lastT) group.append(s('text', { x: 4, y: y + 3, fill: state === 'future' ? COLORS.future : '#475569', 'font-size': 10.5 }, readableTime(row.t)));
    lastT = row.t;
    if (row.over) {
      const reach = row.over.length > 1 ? 10 : span * 0.45;
      const left = Math.min(...row.over.map((l) => x[l])) - reach;
      const right = Math.max(...row.over.map((l) => x[l])) + reach;
      const lines = fitLines(row.label, Math.floor((right - left - 8) / CHAR));
      group.append(
        s('rect', { x: left, y: y - 15, width: right - left, height: 20, rx: 4, fill: row.kind === 'talk' ? '#dcfce7' : '#fefce8', stroke: color }),
        s('text', { x: (left + right) / 2, y: y - 1, 'text-anchor': 'middle', fill: color, 'font-weight': 600 }, lines[0]!),
      );
    } else {
      const x1 = x[row.from];
      const x2 = x[row.to];
      const lines = fitLines(row.label, Math.floor((Math.abs(x2 - x1) - 10) / CHAR));
      group.append(
        s('line', {
          x1, x2: x2 + (x2 > x1 ? -1 : 1), y1: y, y2: y, stroke: color, 'stroke-width': state === 'current' ? 2.2 : 1.4,
          'stroke-dasharray': row.dashed ? '5 3' : null, 'marker-end': `url(#${ids[state]})`,
        }),
        ...lines.map((text, n) =>
          s('text', { x: (x1 + x2) / 2, y: y - 4 - (lines.length - 1 - n) * 11, 'text-anchor': 'middle', fill: color, 'font-size': lines.length > 1 ? 10 : SIZE }, text),
        ),
      );
    }
    svg.append(group);
  });
  if (cursorY !== null) svg.append(s('line', { x1: 0, x2: width, y1: cursorY, y2: cursorY, stroke: '#dc2626', 'stroke-dasharray': '6 3', class: 'ladder-cursor' }));
  return svg;
}
