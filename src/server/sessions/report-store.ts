import { BudgetedMap, type Budget } from './budgeted-map.js';
import type { CallReport } from './report.js';

/** The call report's budget: 10 000 lines and 8 MiB of JSON text (`textBytes`). */
export const REPORTS_BUDGET: Budget = { count: 10_000, bytes: 8 * 1024 * 1024 };

/** What a string can hold in memory: two bytes per UTF-16 unit (an upper bound whatever its characters). */
export function textBytes(text: string): number {
  return 2 * text.length;
}

/** One page of the report: the lines as JSON text, and the cursor of the next page (null at the end). */
export interface ReportPage {
  items: string[];
  next: number | null;
}

/**
 * The call report: one line per finished call, kept as the JSON text it is served as (serialised once,
 * counted in bytes), oldest first, bounded by `REPORTS_BUDGET`. Each line has a sequence number; a page
 * answers the lines after a cursor.
 * @example
 * store.add(callReport(session)); store.page(null, 100) // { items: ['{"call_session_id":1000,…}'], next: null }
 */
export class ReportStore {
  private readonly lines: BudgetedMap<number, string>;
  private last = 0;

  constructor(budget: Budget = REPORTS_BUDGET) {
    this.lines = new BudgetedMap(budget);
  }

  get size(): number {
    return this.lines.size;
  }

  /** The sequence number of the newest line (0 before the first). */
  get lastSeq(): number {
    return this.last;
  }

  get bytes(): number {
    return this.lines.bytes;
  }

  add(report: CallReport): void {
    const text = JSON.stringify(report);
    this.lines.set(++this.last, text, textBytes(text));
  }

  /**
   * The lines after cursor `after` (0: from the oldest kept), at most `limit` and about `maxBytes` of
   * text (always at least one line, so paging moves on).
   */
  page(after: number, limit: number, maxBytes: number): ReportPage {
    const first = this.lines.keys().next();
    if (first.done) return { items: [], next: null };
    const items: string[] = [];
    let bytes = 0;
    let seq = Math.max(first.value, after + 1);
    for (; seq <= this.last && items.length < limit; seq++) {
      const text = this.lines.get(seq)!;
      if (items.length > 0 && bytes + text.length > maxBytes) break;
      items.push(text);
      bytes += text.length;
    }
    return { items, next: seq <= this.last ? seq - 1 : null };
  }

  /** Every kept line, parsed (for tests and small reports; the HTTP route pages). */
  all(): CallReport[] {
    return [...this.lines.values()].map((text) => JSON.parse(text) as CallReport);
  }

  clear(): void {
    this.lines.clear();
  }
}
