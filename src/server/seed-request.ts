import { SEED_REQUEST } from './deps.js';

export { SEED_REQUEST };

/** A shell-safe single-quoted string. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * A ready `curl` line that POSTs `body` (default: the seed page's example request, its params byte for
 * byte, on one line) to `endpoint`.
 * @example curlLine('http://127.0.0.1:8080/v4.0') // "curl -sS http://127.0.0.1:8080/v4.0 -H 'Content-Type: …' --data-binary '{…}'"
 */
export function curlLine(endpoint: string, body: unknown = SEED_REQUEST): string {
  return `curl -sS ${endpoint} -H 'Content-Type: application/json; charset=UTF-8' --data-binary ${shellQuote(JSON.stringify(body))}`;
}
