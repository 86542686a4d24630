import { isObject, type ScenarioDoc } from './case.js';

/**
 * What an integrator takes away from the page: the case's request as a `curl` line, and the mock
 * server's request journal read into rows. Pure.
 */

/** `it's` → `'it'\''s'`: one argument for a POSIX shell, whatever it holds. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The body the scenario sends: its request as JSON, or its raw text; null for a raw_base64 body. */
export function requestBodyOf(doc: ScenarioDoc): { text: string } | { base64: string } {
  if (typeof doc.raw === 'string') return { text: doc.raw };
  if (typeof doc.raw_base64 === 'string') return { base64: doc.raw_base64 };
  return { text: JSON.stringify(doc.request ?? {}) };
}

/**
 * A `curl` command that sends the case's request to a Call API endpoint, as the page would.
 * @example curlCommand(seedScenario(), 'http://127.0.0.1:8080/v4.0') // "curl -sS 'http://127.0.0.1:8080/v4.0' -H 'Content-Type: application/json' --data-binary '{…}'"
 */
export function curlCommand(doc: ScenarioDoc, url: string): string {
  const body = requestBodyOf(doc);
  const head = `curl -sS ${shellQuote(url)} -H 'Content-Type: application/json'`;
  if ('base64' in body) return `printf %s ${shellQuote(body.base64)} | base64 -d | ${head} --data-binary @-`;
  return `${head} --data-binary ${shellQuote(body.text)}`;
}

/** One request of the mock server's journal, as the page's table shows it. */
export interface JournalRow {
  seq: number;
  receivedAt: string;
  method: string;
  /** `call_session_id 3`, `-32602 invalid_parameter_value`, `ok`. */
  answer: string;
  failed: boolean;
  entry: unknown;
}

function answerOf(response: unknown): { answer: string; failed: boolean } {
  if (!isObject(response)) return { answer: '—', failed: true };
  if (isObject(response.error)) {
    const data = isObject(response.error.data) ? response.error.data : {};
    return { answer: `${String(response.error.code)} ${String(data.mnemonic ?? response.error.message ?? '')}`.trim(), failed: true };
  }
  const data = isObject(response.result) && isObject(response.result.data) ? response.result.data : {};
  return { answer: data.call_session_id !== undefined ? `call_session_id ${String(data.call_session_id)}` : 'ok', failed: false };
}

/**
 * A page of `GET /control/journal`: `{ items, next }` (paged) or a plain array (older servers).
 * @example journalPage('[{"seq":1,…}]') // { rows: [{ seq: 1, … }], next: null }
 */
export function journalPage(body: unknown): { rows: JournalRow[]; next: string | null } {
  const items = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.items) ? body.items : [];
  const next = isObject(body) && (typeof body.next === 'string' || typeof body.next === 'number') ? String(body.next) : null;
  const rows = items.filter(isObject).map((item, i) => ({
    seq: typeof item.seq === 'number' ? item.seq : i + 1,
    receivedAt: typeof item.received_at === 'string' ? item.received_at : '',
    method: typeof item.method === 'string' ? item.method : '(unreadable)',
    ...answerOf(item.response),
    entry: item,
  }));
  return { rows, next };
}

/** Newest first, at most `limit`: the table's order. */
export function newestFirst(rows: readonly JournalRow[], limit: number): JournalRow[] {
  return [...rows].sort((a, b) => b.seq - a.seq).slice(0, limit);
}
