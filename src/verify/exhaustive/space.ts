import type { Axis } from './types.js';

/**
 * The product of the axes, numbered: combination `index` takes, for each axis, the value given by the
 * mixed-radix digits of the index (last axis fastest). A *group* is the run of consecutive combinations
 * that differ only in the last axis (the ending): they share the run that places their endings.
 */
export interface Space {
  axes: Axis[];
  size: number;
  /** Combinations per group: the length of the last axis. */
  groupSize: number;
  groups: number;
}

/** @example spaceOf(AXES).size // 95000 */
export function spaceOf(axes: Axis[]): Space {
  const size = axes.reduce((n, axis) => n * axis.values.length, 1);
  const groupSize = axes.at(-1)?.values.length ?? 1;
  return { axes, size, groupSize, groups: size / groupSize };
}

/** @example combinationAt(space, 0) // [0, 0, 0, 0, 0, 0, 0] */
export function combinationAt(space: Space, index: number): number[] {
  if (!Number.isInteger(index) || index < 0 || index >= space.size) throw new RangeError(`no combination ${index} (0 … ${space.size - 1})`);
  const digits: number[] = [];
  let rest = index;
  for (let i = space.axes.length - 1; i >= 0; i--) {
    const radix = space.axes[i]!.values.length;
    digits[i] = rest % radix;
    rest = Math.floor(rest / radix);
  }
  return digits;
}

/** @example indexOf(space, combinationAt(space, 42)) // 42 */
export function indexOf(space: Space, combination: number[]): number {
  return combination.reduce((index, digit, i) => index * space.axes[i]!.values.length + digit, 0);
}

/** @example describeCombination(space, [3, 0, …]) // 'flags=first_call contact · employee_message=none · …' */
export function describeCombination(space: Space, combination: number[]): string {
  return space.axes.map((axis, i) => `${axis.name}=${axis.values[combination[i]!]!.label}`).join(' · ');
}

/** `i/n` of `--shard`: 1 ≤ i ≤ n. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * The groups of one shard: group g belongs to shard (mix(g) mod n) + 1, where mix is a fixed integer
 * hash. A deterministic split by combination index (combination k is in group ⌊k / groupSize⌋) that
 * keeps each group whole, and scatters the groups so that every shard is a sample of the whole space
 * of about the same size (taking every n-th group instead would follow the axes' own periods); the
 * shards 1/n … n/n are disjoint and together the whole space.
 * @example groupsOfShard(space, { index: 1, count: 2 }) // about half of the groups, in order
 */
export function groupsOfShard(space: Space, shard: Shard = { index: 1, count: 1 }): number[] {
  const groups: number[] = [];
  for (let g = 0; g < space.groups; g++) if (mix(g) % shard.count === shard.index - 1) groups.push(g);
  return groups;
}

/** A 32-bit integer hash (lowbias32): consecutive groups land in unrelated shards. */
function mix(n: number): number {
  let x = n >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * `"2/5"` → `{ index: 2, count: 5 }`; null for anything else.
 * @example parseShard('1/2') // { index: 1, count: 2 }
 */
export function parseShard(text: string): Shard | null {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text);
  if (!match) return null;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return index >= 1 && index <= count ? { index, count } : null;
}
