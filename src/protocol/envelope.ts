import { z } from 'zod';
import { errorResponse, type JsonRpcError, type JsonRpcId, type Problem } from './errors.js';
import { withinJsonLimits } from './json-limits.js';

/**
 * The JSON-RPC 2.0 envelope of a Call API request (docs/spec.md V1, V6). The method name is not checked here:
 * the mock server answers other methods with the same envelope.
 */
export type Envelope =
  | { ok: true; id: JsonRpcId; method: string; params: Record<string, unknown> }
  | { ok: false; response: JsonRpcError };

/** A JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request object. Strict: a member JSON-RPC does not define is an invalid request too. */
const Request = z.strictObject({
  jsonrpc: z.literal('2.0'),
  id: z.union([z.string(), z.number()]),
  method: z.string(),
  params: z.custom<Record<string, unknown>>(isJsonObject),
});

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const BOM = '\uFEFF';

/**
 * The body as text, or null when it is not UTF-8 (V6). A leading UTF-8 byte order mark is dropped, in
 * bytes and in strings alike. A string holding a lone surrogate cannot have come from UTF-8: null too.
 * @example decodeBody(new Uint8Array([0xff])) // null
 */
export function decodeBody(body: string | Uint8Array): string | null {
  if (typeof body === 'string') {
    if (LONE_SURROGATE.test(body)) return null;
    return body.startsWith(BOM) ? body.slice(1) : body;
  }
  try {
    return UTF8.decode(body); // drops a leading BOM (ignoreBOM: false)
  } catch {
    return null;
  }
}

function fail(id: JsonRpcId, problem: Problem): Envelope {
  return { ok: false, response: errorResponse(id, problem) };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!withinJsonLimits(text)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The first member at fault: `data.field` of an invalid_request, and what was sent there. */
function faultyMember(request: Record<string, unknown>, issue: z.core.$ZodIssue): Problem {
  const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path[0];
  const field = key === undefined ? null : String(key);
  const value = field !== null && Object.hasOwn(request, field) ? request[field] : undefined;
  return { mnemonic: 'invalid_request', field, value };
}

/** `params` absent or `[]` read as `{}`: how a method without parameters may be called (OpenRPC's `rpc.discover`). */
function withEmptyParams(request: Record<string, unknown>): Record<string, unknown> {
  const { params } = request;
  const empty = !Object.hasOwn(request, 'params') || (Array.isArray(params) && params.length === 0);
  return empty ? { ...request, params: {} } : request;
}

/**
 * Reads a request body in the V1 order: UTF-8 (V6), JSON (within JSON_LIMITS), not a batch, an object, has an `id`, then the
 * members `jsonrpc`, `id`, `method`, `params` (in that order), then no other member. Every error carries
 * the request's id when it is a string or a number, else null. The methods named in `withoutParams`
 * may leave `params` out or send `[]` (read as `{}`).
 * @example
 * parseEnvelope('{"jsonrpc":"2.0","id":1,"method":"m","params":{}}') // { ok: true, id: 1, method: 'm', params: {} }
 * parseEnvelope('[]').ok // false: batch_operations_not_supported
 */
export function parseEnvelope(body: string | Uint8Array, options: { withoutParams?: readonly string[] } = {}): Envelope {
  const text = decodeBody(body);
  if (text === null) return fail(null, { mnemonic: 'character_encoding_not_allowed' });
  const json = parseJson(text);
  if (!json.ok) return fail(null, { mnemonic: 'parse_error' });
  if (Array.isArray(json.value)) return fail(null, { mnemonic: 'batch_operations_not_supported' });
  if (!isJsonObject(json.value)) return fail(null, { mnemonic: 'invalid_request' });
  const request = options.withoutParams?.includes(json.value.method as string) ? withEmptyParams(json.value) : json.value;
  if (!Object.hasOwn(request, 'id')) return fail(null, { mnemonic: 'notifications_not_supported', field: 'id' });
  const id = typeof request.id === 'string' || typeof request.id === 'number' ? request.id : null;
  const parsed = Request.safeParse(request);
  if (!parsed.success) return fail(id, faultyMember(request, parsed.error.issues[0]!));
  return { ok: true, id, method: parsed.data.method, params: request.params as Record<string, unknown> };
}
