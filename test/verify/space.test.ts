import { describe, expect, it } from 'vitest';
import { AXES, ENDING } from '../../src/verify/exhaustive/axes.js';
import { combinationAt, groupsOfShard, indexOf, parseShard, spaceOf } from '../../src/verify/exhaustive/space.js';
import { exploreExhaustive } from '../../src/verify/exhaustive/exhaustive.js';
import type { Axis } from '../../src/verify/exhaustive/types.js';
import { space } from './helpers.js';

const pick = (axis: Axis, labels: string[]): Axis => ({ ...axis, values: axis.values.filter((v, i) => i === 0 || labels.includes(v.label)) });

/** A small space with the same axes (first values plus a few), for runs of the whole thing in a test. */
const SMALL: Axis[] = AXES.map((axis) =>
  axis.name === 'flags'
    ? pick(axis, ['first_call contact'])
    : axis.name === 'contact_message'
      ? pick(axis, ['tts 0.45 s'])
      : axis.name === 'world'
        ? pick(axis, ['employee 1 number busy; contact answers', 'employee 1 number answers; contact no answer after ringback, voicemail'])
        : axis.name === 'ending'
          ? axis
          : pick(axis, []),
);

describe('the space of explore --exhaustive', () => {
  it('is the product of its axes, numbered with the last axis (the ending) fastest', () => {
    expect(space.size).toBe(AXES.reduce((n, a) => n * a.values.length, 1));
    expect(space.groupSize).toBe(ENDING.length);
    expect(combinationAt(space, 0)).toEqual(AXES.map(() => 0));
    expect(combinationAt(space, 1)).toEqual([...AXES.slice(1).map(() => 0), 1]);
    for (const index of [0, 1, 19, 20, 12345, space.size - 1]) expect(indexOf(space, combinationAt(space, index))).toBe(index);
    expect(() => combinationAt(space, space.size)).toThrow(RangeError);
  });

  it('every axis starts with its simplest value: no message, no DTMF, everyone answers, nobody hangs up', () => {
    expect(AXES.map((a) => a.values[0]!.label)).toEqual(['first_call employee', 'none', 'none', 'none', 'employee 1 number answers; contact answers', 'nobody hangs up']);
  });

  it('--shard i/n: disjoint, whole groups, and together the whole space', () => {
    for (const n of [1, 2, 3, 7]) {
      const shards = Array.from({ length: n }, (_, i) => groupsOfShard(space, { index: i + 1, count: n }));
      const all = shards.flat().sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: space.groups }, (_, g) => g));
    }
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    for (const bad of ['0/2', '3/2', '1/0', '1', 'a/b', '1/2/3', '-1/2']) expect(parseShard(bad)).toBeNull();
  });

  it('shards 1/2 and 2/2 add up to the whole run: combinations, relations, endings, violations', async () => {
    const whole = await exploreExhaustive({ axes: SMALL, workers: 1 });
    const [first, second] = await Promise.all([1, 2].map((index) => exploreExhaustive({ axes: SMALL, workers: 1, shard: { index, count: 2 } })));
    expect(whole.checked).toBeGreaterThan(50);
    expect(first!.checked + second!.checked).toBe(whole.checked);
    expect(first!.notApplicable + second!.notApplicable).toBe(whole.notApplicable);
    expect(first!.inShard + second!.inShard).toBe(whole.space.size);
    for (const [name, n] of Object.entries(whole.relations)) expect((first!.relations[name] ?? 0) + (second!.relations[name] ?? 0)).toBe(n);
    for (const [reason, n] of Object.entries(whole.finishReasons)) expect((first!.finishReasons[reason] ?? 0) + (second!.finishReasons[reason] ?? 0)).toBe(n);
    expect(whole.violations).toBe(0);
  }, 300_000);

  it('an ending whose phase never occurs is not a call: not applicable, not counted', async () => {
    const report = await exploreExhaustive({ axes: SMALL, workers: 1 });
    const groups = report.space.groups;
    expect(report.checked + report.notApplicable).toBe(report.space.size);
    // "the contact hangs up during the contact's line": only the employee hears the contact's line.
    expect(report.notApplicable).toBeGreaterThanOrEqual(groups);
    expect(spaceOf(SMALL).size).toBe(2 * 1 * 2 * 1 * 3 * ENDING.length);
  }, 300_000);
});
