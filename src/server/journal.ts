import type { JsonRpcResponse } from './deps.js';
import { requestMembers, responseText } from './journal-mask.js';

/** One request received on the Call API endpoint and the answer it got, secrets masked. */
export interface JournalEntry {
  seq: number;
  /** ISO 8601, wall clock. */
  received_at: string;
  /** The method named in the request, or null when the body could not be read that far. */
  method: string | null;
  /** The body as JSON when it parses, else its text (`body_base64` when it is not UTF-8). */
  request: unknown;
  body_base64?: string;
  /** Present when the request's Content-Type was not `application/json` (it was answered anyway). */
  content_type_warning?: string;
  /** The answer; a string `(N bytes, not kept)` for one over 64 KiB. */
  response: JsonRpcResponse | string;
}

/** What the endpoint hands the journal for one request. */
export interface JournalRecord {
  body: string | Uint8Array;
  /** The JSON-RPC answer exactly as it was sent. */
  responseText: string;
  receivedAt: number;
  method?: string | null;
  contentTypeWarning?: string | null;
}

/** The bounds of the journal: entries and UTF-8 bytes of entry text, answers included. */
export interface JournalLimits {
  entries: number;
  bytes: number;
}

/** A page of `GET /control/journal`: entries after a `seq`, at most `limit` of them and about `maxBytes`. */
export interface JournalPageQuery {
  after: number;
  limit: number;
  maxBytes: number;
}

interface Kept {
  seq: number;
  text: string;
  bytes: number;
}

/**
 * The journal of Call API requests with the answers given, oldest first. Entries are kept as the JSON
 * text they are served as (a hostile body costs its size, never a parse tree), with secrets masked:
 * a `login.user` password is `"***"`, every token (`access_token` in requests, issued or echoed in
 * answers) its first 4 characters and `…`. The oldest are dropped past `limits.entries` entries or
 * `limits.bytes` of entry text (requests and answers); bodies and answers over 64 KiB are kept as
 * their size. Served in pages bounded in count and in bytes.
 * @example journal.add({ body: '{"jsonrpc":"2.0"}', responseText: '{"jsonrpc":"2.0","id":null,…}', receivedAt: Date.now() }); journal.entries()[0].seq // 1
 */
export class Journal {
  /** The entries kept are `items[head…]`: dropping the oldest moves `head`, and the array is compacted now and then. */
  private items: Kept[] = [];
  private head = 0;
  private bytes = 0;
  private seq = 0;

  constructor(private readonly limits: JournalLimits = { entries: 10_000, bytes: 32 * 1024 * 1024 }) {}

  add(record: JournalRecord): void {
    const seq = ++this.seq;
    const warning = record.contentTypeWarning ? `,"content_type_warning":${JSON.stringify(record.contentTypeWarning)}` : '';
    const head = `"seq":${seq},"received_at":"${new Date(record.receivedAt).toISOString()}","method":${JSON.stringify(record.method ?? null)}`;
    const text = `{${head},${requestMembers(record.body)}${warning},"response":${responseText(record.responseText)}}`;
    const bytes = Buffer.byteLength(text);
    this.items.push({ seq, text, bytes });
    this.bytes += bytes;
    while (this.head < this.items.length - 1 && (this.items.length - this.head > this.limits.entries || this.bytes > this.limits.bytes)) {
      this.bytes -= this.items[this.head]!.bytes;
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  /** The `seq` of the newest entry (0 before the first). */
  get lastSeq(): number {
    return this.seq;
  }

  /** UTF-8 bytes of the entries kept. */
  get totalBytes(): number {
    return this.bytes;
  }

  entries(): JournalEntry[] {
    return this.items.slice(this.head).map((entry) => JSON.parse(entry.text) as JournalEntry);
  }

  /**
   * `{"items":[…],"next":N|null}`: the entries with `seq` > `after`, oldest first, at most `limit` and,
   * past the first, no more than `maxBytes` of entry text; `next` is the `after` of the following page,
   * null when there is none yet.
   */
  page(query: JournalPageQuery): string {
    const first = this.items[this.head]?.seq ?? this.seq + 1;
    let index = this.head + Math.max(0, query.after - first + 1);
    const parts: string[] = [];
    let bytes = 0;
    while (index < this.items.length && parts.length < query.limit) {
      const item = this.items[index]!;
      if (parts.length > 0 && bytes + item.bytes > query.maxBytes) break;
      parts.push(item.text);
      bytes += item.bytes;
      index++;
    }
    const next = index < this.items.length && parts.length > 0 ? this.items[index - 1]!.seq : null;
    return `{"items":[${parts.join(',')}],"next":${next}}`;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
    this.bytes = 0;
  }
}
