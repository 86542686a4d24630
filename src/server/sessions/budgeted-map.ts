/** How much a store may hold: at most `count` entries and `bytes` (the entries' own estimate). */
export interface Budget {
  count: number;
  bytes: number;
}

/**
 * A map that forgets its oldest entries past a budget in count and in bytes, so what it holds is bounded
 * whatever its values' sizes. The newest entry is always kept (one entry larger than the whole budget
 * replaces everything else).
 * @example
 * const kept = new BudgetedMap<number, string>({ count: 2, bytes: 100 });
 * kept.set(1, 'a', 1); kept.set(2, 'b', 1); kept.set(3, 'c', 1);
 * [...kept.keys()] // [2, 3]
 */
export class BudgetedMap<K, V> {
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  private total = 0;

  constructor(private readonly budget: Budget) {}

  get size(): number {
    return this.entries.size;
  }

  /** The bytes held, as estimated by `set`'s callers. */
  get bytes(): number {
    return this.total;
  }

  get(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: K, value: V, bytes: number): void {
    this.delete(key);
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= 1 || (this.entries.size <= this.budget.count && this.total <= this.budget.bytes)) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
    }
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  keys(): IterableIterator<K> {
    return this.entries.keys();
  }

  *values(): IterableIterator<V> {
    for (const entry of this.entries.values()) yield entry.value;
  }
}
