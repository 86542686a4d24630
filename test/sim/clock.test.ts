import { describe, expect, it } from 'vitest';
import { DiscreteClock } from '../../src/sim/clock.js';

describe('DiscreteClock', () => {
  it('fires each timer at its own deadline, so chained timers stay anchored (ARCHITECTURE: Time)', () => {
    const clock = new DiscreteClock();
    const fired: [string, number][] = [];
    clock.setTimeout(() => {
      fired.push(['first', clock.now()]);
      clock.setTimeout(() => fired.push(['chained', clock.now()]), 500);
    }, 1000);
    clock.advanceTo(10_000);
    expect(fired).toEqual([
      ['first', 1000],
      ['chained', 1500],
    ]);
    expect(clock.now()).toBe(10_000);
  });

  it('fires timers due at the same time in the order they were set', () => {
    const clock = new DiscreteClock();
    const order: string[] = [];
    clock.setTimeout(() => order.push('b'), 200);
    clock.setTimeout(() => order.push('a1'), 100);
    clock.setTimeout(() => order.push('a2'), 100);
    clock.setTimeout(() => order.push('a3'), 100);
    clock.advanceTo(200);
    expect(order).toEqual(['a1', 'a2', 'a3', 'b']);
  });

  it('does not fire a cleared timer and reports the next live deadline', () => {
    const clock = new DiscreteClock();
    const fired: number[] = [];
    const early = clock.setTimeout(() => fired.push(1), 100);
    clock.setTimeout(() => fired.push(2), 300);
    clock.clearTimeout(early);
    expect(clock.nextTime()).toBe(300);
    expect(clock.fireNext()).toBe(true);
    expect(fired).toEqual([2]);
    expect(clock.fireNext()).toBe(false);
    expect(clock.nextTime()).toBeNull();
  });

  it('stops at the target time without firing later timers', () => {
    const clock = new DiscreteClock();
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), 250);
    clock.advanceTo(249);
    expect(fired).toEqual([]);
    expect(clock.now()).toBe(249);
    clock.advanceTo(250);
    expect(fired).toEqual([250]);
  });

  it('keeps deadline order over many timers set in random order', () => {
    const clock = new DiscreteClock();
    const deadlines = Array.from({ length: 500 }, (_, i) => (i * 7919) % 1009);
    const fired: number[] = [];
    for (const d of deadlines) clock.setTimeout(() => fired.push(clock.now()), d);
    clock.advanceTo(2000);
    expect(fired).toEqual([...deadlines].sort((a, b) => a - b));
  });
});
