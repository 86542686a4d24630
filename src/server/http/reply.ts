/** An answer before it is written to a socket: what in-process tests look at. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** A request as the routes see it, the body already read. */
export interface AppRequest {
  method: string;
  /** Path and query, e.g. `/control/sessions?live=1`. */
  url: string;
  headers?: Record<string, string | undefined>;
  body?: string | Uint8Array;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A JSON reply.
 * @example json(200, { ok: true }) // { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"ok":true}' }
 */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return jsonText(status, JSON.stringify(value), headers);
}

/**
 * A JSON reply whose body is already JSON text.
 * @example jsonText(200, '[]').body // '[]'
 */
export function jsonText(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body };
}

/**
 * A plain-text reply (transport faults: 404, 405, 408, 413, 415).
 * @example text(405, 'Use POST', { allow: 'POST' }).body // 'Use POST\n'
 */
export function text(status: number, message: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body: `${message}\n` };
}

/**
 * The control API's error shape: `{"error": "<what went wrong>"}`.
 * @example controlError(404, 'no session 7').body // '{"error":"no session 7"}'
 */
export function controlError(status: number, message: string, headers: Record<string, string> = {}): Reply {
  return json(status, { error: message }, headers);
}
