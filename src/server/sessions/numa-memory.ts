import type { NumaMemory } from '../deps.js';
import { BudgetedMap } from './budgeted-map.js';

/** Contacts whose `*_fixed_for_numa` number the server remembers at most (about 14 MiB). */
export const NUMA_CONTACTS = 100_000;

/**
 * The server's `*_fixed_for_numa` memory (D15), bounded: at most `maxContacts` contacts, and past that
 * the one used least recently is forgotten; a forgotten contact is then like one never seen. Contacts
 * and numbers are validated phone numbers, so the count bounds the bytes too.
 * @example
 * const memory = new RecentNumaMemory(new Map(), 2);
 * memory.set('79030000001', '74993720692'); memory.set('79030000002', '74993720692'); memory.set('79030000003', '74993720692');
 * memory.get('79030000001') // undefined
 */
export class RecentNumaMemory implements NumaMemory {
  private readonly numbers: BudgetedMap<string, string>;

  constructor(pairs: Iterable<[string, string]>, maxContacts = NUMA_CONTACTS) {
    this.numbers = new BudgetedMap({ count: maxContacts, bytes: Number.POSITIVE_INFINITY });
    for (const [contact, number] of pairs) this.set(contact, number);
  }

  get(contact: string): string | undefined {
    const number = this.numbers.get(contact);
    if (number !== undefined) this.set(contact, number); // the most recently used again
    return number;
  }

  set(contact: string, virtualPhoneNumber: string): void {
    this.numbers.set(contact, virtualPhoneNumber, 0);
  }

  get size(): number {
    return this.numbers.size;
  }
}
