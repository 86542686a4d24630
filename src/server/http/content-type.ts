const EXPECTED = 'application/json; charset=UTF-8';

/**
 * Whether a Content-Type is `application/json` (any parameters).
 * @example isJsonContentType('application/json; charset=UTF-8') // true; 'text/plain' → false; undefined → false
 */
export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && contentType.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/**
 * What the journal notes about a Call API request's Content-Type: null when it is `application/json`,
 * else what was sent. The request is answered anyway (a CRM sending curl's default
 * `application/x-www-form-urlencoded` with a JSON body gets its JSON-RPC answer).
 * @example contentTypeWarning('application/x-www-form-urlencoded') // 'Content-Type "application/x-www-form-urlencoded" is not application/json; answered as JSON anyway (the platform expects application/json; charset=UTF-8)'
 */
export function contentTypeWarning(contentType: string | undefined): string | null {
  if (isJsonContentType(contentType)) return null;
  const sent = contentType === undefined || contentType.trim() === '' ? 'no Content-Type' : `Content-Type "${contentType}"`;
  return `${sent} is not application/json; answered as JSON anyway (the platform expects ${EXPECTED})`;
}
