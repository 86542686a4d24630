/**
 * First in, first out, with removal from anywhere in O(1) (amortised): removed items are skipped when
 * reached and the array is compacted once they outnumber the rest. (A `Map` or `Set` used as a queue
 * slows down: each `values().next()` walks over the slots of everything deleted from its front.)
 * @example
 * const fifo = new LazyFifo<{ n: number }>();
 * const a = { n: 1 }; fifo.add(a); fifo.add({ n: 2 }); fifo.delete(a); fifo.shift() // { n: 2 }
 */
export class LazyFifo<T extends object> {
  private items: T[] = [];
  private head = 0;
  private readonly live = new Set<T>();

  get size(): number {
    return this.live.size;
  }

  has(item: T): boolean {
    return this.live.has(item);
  }

  /** Appends an item that is not in the queue (one that is stays where it is). */
  add(item: T): void {
    if (this.live.has(item)) return;
    this.live.add(item);
    this.items.push(item);
  }

  delete(item: T): boolean {
    const deleted = this.live.delete(item);
    if (deleted) this.compact();
    return deleted;
  }

  first(): T | undefined {
    while (this.head < this.items.length && !this.live.has(this.items[this.head]!)) this.head++;
    return this.items[this.head];
  }

  shift(): T | undefined {
    const item = this.first();
    if (item !== undefined) this.delete(item);
    return item;
  }

  values(): T[] {
    return this.items.slice(this.head).filter((item) => this.live.has(item));
  }

  private compact(): void {
    if (this.items.length - this.head <= 2 * this.live.size + 1024) return;
    this.items = this.values();
    this.head = 0;
  }
}
