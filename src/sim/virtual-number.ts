import type { Account } from '../account/schema.js';
import { regionOf } from '../account/lookup.js';
import type { CallParams } from '../protocol/params.js';
import { pick } from './random.js';

/**
 * Numbers remembered per contact for the `*_fixed_for_numa` rules (D15): the mock server keeps one for
 * its lifetime, of the contacts used most recently; a scenario starts from the account's own
 * `numa_pairs`. A `Map` is one.
 */
export interface NumaMemory {
  get(contact: string): string | undefined;
  set(contact: string, virtualPhoneNumber: string): void;
}

export function numaMemoryOf(account: Account): Map<string, string> {
  return new Map(account.numa_pairs.map((pair) => [pair.contact, pair.virtual_phone_number]));
}

/**
 * The virtual number a call uses under `virtual_phone_usage_rule` (R12); `virtual_phone_number` when no
 * number fits. Remembers the choice for the `*_fixed_for_numa` rules.
 * @example chooseVirtualNumber(params, account, Math.random, new Map()) // '74993720692'
 */
export function chooseVirtualNumber(
  params: Pick<CallParams, 'virtual_phone_number' | 'virtual_phone_usage_rule' | 'contact'>,
  account: Account,
  random: () => number,
  memory: NumaMemory,
): string {
  const pool = account.virtual_numbers.filter((v) => v.in_pool);
  const region = regionOf(account, params.contact);
  const regionalPool = pool.filter((v) => region !== null && v.region === region);
  const requested = params.virtual_phone_number;
  const remember = (number: string) => (memory.set(params.contact, number), number);

  const rule = params.virtual_phone_usage_rule;
  switch (rule) {
    case 'fixed':
      return requested;
    case 'random':
      return pick(pool, random)?.number ?? requested;
    case 'regional_random':
      return pick(regionalPool, random)?.number ?? requested;
    case 'fixed_for_numa':
      return memory.get(params.contact) ?? remember(requested);
    case 'regional_fixed_for_numa': {
      const remembered = memory.get(params.contact);
      if (remembered && regionalPool.some((v) => v.number === remembered)) return remembered;
      return remember(pick(regionalPool, random)?.number ?? requested);
    }
    default:
      return rule satisfies never;
  }
}
