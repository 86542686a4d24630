/**
 * A state chart as nested boxes, laid out from a machine's definition (`machine.root`): each compound
 * state is a box holding its children in rows; a parallel state's regions sit side by side. Pure: the
 * page turns the boxes into SVG.
 */

/** The parts of an XState StateNode the layout reads. */
export interface StateNodeLike {
  key: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  path: string[];
  states: Record<string, StateNodeLike>;
  initial?: { target: readonly { key: string }[] } | undefined;
  on?: Record<string, unknown>;
  after?: readonly unknown[];
}

export interface ChartBox {
  /** Dotted path from the root (`connecting.contactDialing`); '' for the root. */
  path: string;
  key: string;
  type: StateNodeLike['type'];
  /** Whether the parent enters this state first. */
  initial: boolean;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Events this state reacts to (shown as the box's tooltip). */
  events: string[];
  children: ChartBox[];
}

const CHAR_W = 6.6;
const PAD = 8;
const GAP = 8;
const HEADER = 20;
const LEAF_H = 26;

function textWidth(text: string): number {
  return Math.ceil(text.length * CHAR_W);
}

function initialKeys(node: StateNodeLike): Set<string> {
  try {
    return new Set((node.initial?.target ?? []).map((t) => t.key));
  } catch {
    return new Set();
  }
}

function eventsOf(node: StateNodeLike): string[] {
  const names = Object.keys(node.on ?? {}).filter((name) => !name.startsWith('xstate.'));
  return (node.after?.length ?? 0) > 0 ? [...names, 'after (timer)'] : names;
}

/** Sizes every box (x/y relative to the parent), wrapping children into rows no wider than `maxWidth`. */
function measure(node: StateNodeLike, isInitial: boolean, maxWidth: number): ChartBox {
  const childNodes = Object.values(node.states ?? {});
  const initial = initialKeys(node);
  const box: ChartBox = {
    path: node.path.join('.'),
    key: node.key,
    type: node.type,
    initial: isInitial,
    x: 0,
    y: 0,
    w: textWidth(node.key) + 2 * PAD + (isInitial ? 10 : 0),
    h: LEAF_H,
    events: eventsOf(node),
    children: [],
  };
  if (childNodes.length === 0) return box;
  const inner = maxWidth - 2 * PAD;
  box.children = childNodes.map((child) =>
    measure(child, node.type !== 'parallel' && initial.has(child.key), inner),
  );
  let x = PAD;
  let y = HEADER;
  let rowH = 0;
  let width = box.w;
  for (const child of box.children) {
    if (x > PAD && x + child.w > maxWidth - PAD) {
      x = PAD;
      y += rowH + GAP;
      rowH = 0;
    }
    child.x = x;
    child.y = y;
    x += child.w + GAP;
    rowH = Math.max(rowH, child.h);
    width = Math.max(width, x - GAP + PAD);
  }
  box.w = width;
  box.h = y + rowH + PAD;
  return box;
}

/**
 * Lays out a machine's chart.
 * @example layoutChart(employeeCallMachine.root, 640).children.map((b) => b.key)
 */
export function layoutChart(root: StateNodeLike, maxWidth = 640): ChartBox {
  return measure(root, false, maxWidth);
}

/**
 * The active paths of a snapshot's dotted state (`a.b` → `a`, `a.b`). Parallel regions may be given as
 * several paths separated by `,` or `;` or in braces (`a.{x.y,z.w}`); every prefix of each is active.
 */
export function activePaths(state: string): Set<string> {
  const active = new Set<string>(['']);
  const add = (path: string) => {
    const parts = path.split('.').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) active.add(parts.slice(0, i).join('.'));
  };
  const braces = /^(.*?)\.?\{(.*)\}$/.exec(state);
  if (braces) {
    const prefix = braces[1]!;
    add(prefix);
    for (const part of splitTop(braces[2]!)) for (const inner of activePaths(part)) if (inner) add(`${prefix}.${inner}`);
    return active;
  }
  for (const path of state.split(/[,;]/)) add(path.trim());
  return active;
}

/** Splits on commas that are not inside braces. */
function splitTop(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '{') depth++;
    if (char === '}') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}
