import { errorResponse, type JsonRpcId, type Mnemonic } from '../deps.js';
import { controlError, json, text, type Reply } from './reply.js';

export const ENDPOINT_PATH = '/v4.0';

/**
 * Whether `path` belongs to the Call API endpoint (`/v4.0` or anything under it): every answer there is
 * a JSON-RPC body, whatever the HTTP status.
 * @example isCallApiPath('/v4.0/') // true; isCallApiPath('/control/journal') → false
 */
export function isCallApiPath(path: string): boolean {
  return path === ENDPOINT_PATH || path.startsWith(`${ENDPOINT_PATH}/`);
}

/**
 * The path of a request target, or null when the target is not a URL path (`GET http://[`).
 * @example pathOf('/control/journal?limit=5') // '/control/journal'
 */
export function pathOf(url: string): string | null {
  return URL.canParse(url, 'http://mock.invalid') ? new URL(url, 'http://mock.invalid').pathname : null;
}

/** Why a request is refused before (or instead of) reaching its route. */
export interface Refusal {
  status: number;
  /** What went wrong and what to do, in words: the body of a control or page answer. */
  message: string;
  /** The platform error a Call API client gets for it (its HTTP status stays `status`). */
  mnemonic: Mnemonic;
  headers?: Record<string, string>;
  /** The request's id, when the body was read that far. */
  id?: JsonRpcId;
}

/**
 * A refusal in the language of the route it was meant for: on `/v4.0` a well-formed JSON-RPC error with
 * the platform's code, message and mnemonic (the words go in `X-Error-Detail`), under `/control/` the
 * control API's `{"error": "…"}`, elsewhere plain text.
 * @example refuse('/v4.0', { status: 405, message: 'use POST', mnemonic: 'invalid_request', headers: { allow: 'POST' } }).status // 405
 */
export function refuse(path: string | null, refusal: Refusal): Reply {
  const headers = refusal.headers ?? {};
  if (path !== null && isCallApiPath(path)) {
    const detail = refusal.message.replace(/[^\x20-\x7e]/g, '?');
    return json(refusal.status, errorResponse(refusal.id ?? null, { mnemonic: refusal.mnemonic }), { ...headers, 'x-error-detail': detail });
  }
  if (path !== null && (path === '/control' || path.startsWith('/control/'))) return controlError(refusal.status, refusal.message, headers);
  return text(refusal.status, refusal.message, headers);
}
