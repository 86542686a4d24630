import type { JsonRpcResponse } from './deps.js';

/** One request received on the Call API endpoint and the answer it got. */
export interface JournalEntry {
  seq: number;
  /** ISO 8601, wall clock. */
  received_at: string;
  /** The method named in the request, or null when the body could not be read that far. */
  method: string | null;
  /** The body as JSON when it parses, else its text (`body_base64` when it is not UTF-8). */
  request: unknown;
  body_base64?: string;
  response: JsonRpcResponse;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Bodies larger than this are journaled by their size only. */
const MAX_KEPT_BODY_BYTES = 64 * 1024;

/** The `request` (and `body_base64`) members of an entry, as JSON text. */
function requestMembers(body: string | Uint8Array): string {
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  if (size > MAX_KEPT_BODY_BYTES) return `"request":${JSON.stringify(`(${size} bytes, not kept)`)}`;
  let text: string;
  try {
    text = typeof body === 'string' ? body : UTF8.decode(body);
  } catch {
    return `"request":null,"body_base64":"${Buffer.from(body as Uint8Array).toString('base64')}"`;
  }
  try {
    JSON.parse(text);
    return `"request":${text}`;
  } catch {
    return `"request":${JSON.stringify(text)}`;
  }
}

/**
 * The journal of Call API requests with the answers given, newest last. Entries are kept as the JSON
 * text they are served as, never as parsed objects: a hostile body (a huge array, deep nesting) costs
 * its size in memory and cannot make the journal unserialisable. The oldest are dropped past
 * `limits.entries` entries or `limits.bytes` of text; bodies over 64 KiB are summarised by their size.
 * @example journal.add('{"jsonrpc":"2.0"}', '{"jsonrpc":"2.0","id":null,…}', Date.now()); journal.entries()[0].seq // 1
 */
export class Journal {
  private items: string[] = [];
  private bytes = 0;
  private seq = 0;

  constructor(private readonly limits = { entries: 10_000, bytes: 32 * 1024 * 1024 }) {}

  /** `responseText`: the JSON-RPC answer exactly as it was sent. */
  add(body: string | Uint8Array, responseText: string, now: number, method: string | null = null): void {
    const head = `"seq":${++this.seq},"received_at":"${new Date(now).toISOString()}","method":${JSON.stringify(method)}`;
    const entry = `{${head},${requestMembers(body)},"response":${responseText}}`;
    this.items.push(entry);
    this.bytes += entry.length;
    let drop = 0;
    while (drop < this.items.length - 1 && (this.items.length - drop > this.limits.entries || this.bytes > this.limits.bytes)) {
      this.bytes -= this.items[drop]!.length;
      drop++;
    }
    if (drop > 0) this.items.splice(0, drop);
  }

  entries(): JournalEntry[] {
    return this.items.map((entry) => JSON.parse(entry) as JournalEntry);
  }

  /** The entries as one JSON array text, what `GET /control/journal` answers. */
  toJsonText(): string {
    return `[${this.items.join(',')}]`;
  }

  clear(): void {
    this.items = [];
    this.bytes = 0;
  }
}
