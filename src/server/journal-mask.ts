import type { JsonRpcResponse } from './deps.js';

/** A request body or an answer larger than this is journaled by its size only. */
export const MAX_KEPT_BYTES = 64 * 1024;
/** Deeper than this, a journaled request keeps a marker instead of the value (as answers do not echo it). */
const MAX_KEPT_DEPTH = 64;
const TOO_DEEP = `(nested deeper than ${MAX_KEPT_DEPTH} levels, not kept)`;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A token as the journal shows it: its first 4 characters and an ellipsis.
 * @example maskToken('2fRN4g217ca0b4224a67988aff3e584f') // '2fRN…'
 */
export function maskToken(token: string): string {
  return `${token.slice(0, 4)}…`;
}

type JsonNode = Record<string, unknown> | unknown[];
const isNode = (value: unknown): value is JsonNode => typeof value === 'object' && value !== null;

/**
 * Masks, in place, every `password` member (`"***"`) and every string `access_token` member
 * ({@link maskToken}) of a freshly parsed JSON value, and replaces what nests deeper than 64 levels by a
 * marker; walked with a stack, so any depth is safe. Returns whether anything changed.
 * @example const request = JSON.parse(body); if (maskSecrets(request)) body = JSON.stringify(request);
 */
export function maskSecrets(root: unknown): boolean {
  let changed = false;
  const stack: [JsonNode, number][] = isNode(root) ? [[root, 1]] : [];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const members = node as Record<string, unknown>;
    for (const key of Object.keys(node)) {
      const value = members[key];
      const named = !Array.isArray(node);
      if (named && key === 'password' && value !== null) members[key] = '***';
      else if (named && key === 'access_token' && typeof value === 'string') members[key] = maskToken(value);
      else if (isNode(value) && depth >= MAX_KEPT_DEPTH) members[key] = TOO_DEEP;
      else {
        if (isNode(value)) stack.push([value, depth + 1]);
        continue;
      }
      changed = true;
    }
  }
  return changed;
}

function byteLength(body: string | Uint8Array): number {
  return typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
}

/**
 * The `request` (and `body_base64`) members of a journal entry, as JSON text: the body as JSON with its
 * secrets masked, else its text, `body_base64` when it is not UTF-8, its size alone when over 64 KiB.
 * @example requestMembers('{"params":{"login":"demo","password":"demo"}}') // '"request":{"params":{"login":"demo","password":"***"}}'
 */
export function requestMembers(body: string | Uint8Array): string {
  const size = byteLength(body);
  if (size > MAX_KEPT_BYTES) return `"request":${JSON.stringify(`(${size} bytes, not kept)`)}`;
  let text: string;
  try {
    text = typeof body === 'string' ? body : UTF8.decode(body);
  } catch {
    return `"request":null,"body_base64":"${Buffer.from(body as Uint8Array).toString('base64')}"`;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return `"request":${JSON.stringify(text)}`;
  }
  return `"request":${maskSecrets(parsed) ? JSON.stringify(parsed) : text}`;
}

/** `error.data.value` echoes what was sent: the field says whether it is a secret. */
function maskEchoedValue(response: JsonRpcResponse): void {
  if (!('error' in response) || typeof response.error.data !== 'object' || response.error.data === null) return;
  const data = response.error.data as { field?: unknown; value?: unknown };
  if (data.value === undefined || data.value === null) return;
  if (data.field === 'password') data.value = '***';
  else if (data.field === 'access_token' && typeof data.value === 'string') data.value = maskToken(data.value);
}

/**
 * The answer as the journal keeps it: `text` (the answer as sent) with every token masked (issued ones
 * and echoed ones) and an echoed password as `"***"`; an answer of more than 64 Ki characters by its
 * length only (counted in characters: counting the UTF-8 bytes of a `list.calls` answer of megabytes
 * took longer than writing it).
 * @example responseText('{"jsonrpc":"2.0","id":1,"result":{"data":{"access_token":"9c1fe2…","expire_at":1}}}') // '…"access_token":"9c1f…"…'
 */
export function responseText(text: string): string {
  if (text.length > MAX_KEPT_BYTES) return JSON.stringify(`(${text.length} characters, not kept)`);
  if (!text.includes('"access_token"') && !text.includes('"password"')) return text;
  const response = JSON.parse(text) as JsonRpcResponse;
  maskEchoedValue(response);
  maskSecrets(response);
  return JSON.stringify(response);
}
