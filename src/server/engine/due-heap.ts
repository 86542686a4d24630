/** One pending wake-up of a key: the earliest due time of what that key still has to release. */
interface Entry<K> {
  due: number;
  seq: number;
  key: K;
}

const earlier = <K>(a: Entry<K>, b: Entry<K>) => a.due < b.due || (a.due === b.due && a.seq < b.seq);

/**
 * A min-heap of due times with at most one live entry per key: `set` replaces a key's entry (the old
 * one is skipped when it surfaces), `delete` forgets it. Ties come out in the order they were set.
 * @example
 * const heap = new DueHeap<string>();
 * heap.set('b', 20); heap.set('a', 10);
 * heap.pop() // { key: 'a', due: 10 }
 */
export class DueHeap<K> {
  private readonly heap: Entry<K>[] = [];
  private readonly current = new Map<K, Entry<K>>();
  private seq = 0;

  get size(): number {
    return this.current.size;
  }

  set(key: K, due: number): void {
    const entry = { due, seq: this.seq++, key };
    this.current.set(key, entry);
    this.heap.push(entry);
    this.up(this.heap.length - 1);
  }

  delete(key: K): void {
    this.current.delete(key);
  }

  clear(): void {
    this.heap.length = 0;
    this.current.clear();
  }

  /** The earliest live entry, without removing it. */
  peek(): { key: K; due: number } | undefined {
    this.dropStale();
    return this.heap[0];
  }

  /** Removes and returns the earliest live entry. */
  pop(): { key: K; due: number } | undefined {
    this.dropStale();
    const top = this.removeTop();
    if (top) this.current.delete(top.key);
    return top;
  }

  /** The latest due time of any live entry (a scan: for `runAll` in tests). */
  latest(): number | null {
    let latest: number | null = null;
    for (const entry of this.current.values()) latest = latest === null ? entry.due : Math.max(latest, entry.due);
    return latest;
  }

  private dropStale(): void {
    while (this.heap[0] && this.current.get(this.heap[0].key) !== this.heap[0]) this.removeTop();
  }

  private removeTop(): Entry<K> | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private up(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!earlier(heap[i]!, heap[parent]!)) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * i + 1;
      let least = i;
      if (left < heap.length && earlier(heap[left]!, heap[least]!)) least = left;
      if (left + 1 < heap.length && earlier(heap[left + 1]!, heap[least]!)) least = left + 1;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least]!, heap[i]!];
      i = least;
    }
  }
}
