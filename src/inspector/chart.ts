/**
 * Which states of a chart are active: the snapshot's dotted state names every active state's path.
 * (The charts themselves are built from the machine definitions: src/diagram/statechart.ts.)
 */

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
