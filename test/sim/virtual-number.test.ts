import { describe, expect, it } from 'vitest';
import { BUILTIN_ACCOUNTS } from '../../src/account/builtin.js';
import { seededRandom } from '../../src/sim/random.js';
import { chooseVirtualNumber, numaMemoryOf } from '../../src/sim/virtual-number.js';

const demo = BUILTIN_ACCOUNTS.demo!;
const pool = demo.virtual_numbers.filter((v) => v.in_pool).map((v) => v.number);
const choose = (rule: string, contact: string, seed = 1, memory = numaMemoryOf(demo)) =>
  chooseVirtualNumber(
    { virtual_phone_number: '74993720692', virtual_phone_usage_rule: rule as 'fixed', contact },
    demo,
    seededRandom(seed),
    memory,
  );

describe('virtual_phone_usage_rule (R12, D15)', () => {
  it('fixed uses virtual_phone_number', () => {
    expect(choose('fixed', '78120000000')).toBe('74993720692');
  });

  it('random draws from the pool, the same for the same seed, different seeds reach several numbers', () => {
    const picks = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => choose('random', '79260000000', seed)));
    for (const number of picks) expect(pool).toContain(number);
    expect(picks.size).toBeGreaterThan(1);
    expect(choose('random', '79260000000', 5)).toBe(choose('random', '79260000000', 5));
  });

  it('never picks a number outside the pool (74951110000 is not in_pool)', () => {
    for (let seed = 0; seed < 200; seed++) expect(choose('random', '79260000000', seed)).not.toBe('74951110000');
  });

  it('regional_random stays in the contact region, or falls back to virtual_phone_number', () => {
    for (let seed = 0; seed < 50; seed++) expect(['78123090001', '78123090002']).toContain(choose('regional_random', '78121234567', seed));
    expect(choose('regional_random', '73431234567')).toBe('74993720692'); // yekaterinburg: no pool number
    expect(choose('regional_random', '4915112345678')).toBe('74993720692'); // no region at all
  });

  it('fixed_for_numa gives the remembered number, and remembers virtual_phone_number for a new contact', () => {
    const memory = numaMemoryOf(demo);
    expect(choose('fixed_for_numa', '79161234567', 1, memory)).toBe('74993720693');
    expect(choose('fixed_for_numa', '79000000042', 1, memory)).toBe('74993720692');
    expect(memory.get('79000000042')).toBe('74993720692');
  });

  it('regional_fixed_for_numa keeps a regional pick for the contact on later calls', () => {
    const memory = numaMemoryOf(demo);
    const first = choose('regional_fixed_for_numa', '78121234567', 1, memory);
    expect(['78123090001', '78123090002']).toContain(first);
    for (let seed = 2; seed < 10; seed++) expect(choose('regional_fixed_for_numa', '78121234567', seed, memory)).toBe(first);
  });

  it('regional_fixed_for_numa ignores a remembered number from another region', () => {
    const memory = new Map([['78121234567', '74993720693']]);
    expect(['78123090001', '78123090002']).toContain(choose('regional_fixed_for_numa', '78121234567', 1, memory));
  });
});
