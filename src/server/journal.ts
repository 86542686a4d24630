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

/** Bodies larger than this are not kept (the journal would hold gigabytes of them). */
const MAX_KEPT_BYTES = 64 * 1024;

function describeBody(body: string | Uint8Array): Pick<JournalEntry, 'request' | 'body_base64'> {
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  if (size > MAX_KEPT_BYTES) return { request: `(${size} bytes, not kept)` };
  let text: string;
  try {
    text = typeof body === 'string' ? body : UTF8.decode(body);
  } catch {
    return { request: null, body_base64: Buffer.from(body as Uint8Array).toString('base64') };
  }
  try {
    return { request: JSON.parse(text) };
  } catch {
    return { request: text };
  }
}

/**
 * The journal of Call API requests with the answers given, newest last, the oldest dropped past `limit`.
 * Bodies over 64 KiB are summarised by their size.
 * @example journal.add('{"jsonrpc":"2.0"}', response, Date.now()); journal.entries()[0].seq // 1
 */
export class Journal {
  private items: JournalEntry[] = [];
  private seq = 0;

  constructor(private readonly limit = 10_000) {}

  add(body: string | Uint8Array, response: JsonRpcResponse, now: number, method: string | null = null): void {
    this.items.push({ seq: ++this.seq, received_at: new Date(now).toISOString(), method, ...describeBody(body), response });
    if (this.items.length > this.limit) this.items.splice(0, this.items.length - this.limit);
  }

  entries(): readonly JournalEntry[] {
    return this.items;
  }

  clear(): void {
    this.items = [];
  }
}
