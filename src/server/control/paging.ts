/** How much a page of the control API's lists holds (`GET /control/journal`, `GET /control/reports`). */
export const PAGE_LIMITS = {
  /** Entries per page when `limit` is not given. */
  defaultLimit: 100,
  /** The largest `limit` served; a larger one is served as this. */
  maxLimit: 1000,
  /** Bytes of entries per page at most (the first entry is always served, whatever its size). */
  maxBytes: 1024 * 1024,
};

export type PageQuery = { ok: true; limit: number; after: number } | { ok: false; message: string };

const WHOLE = /^\d{1,15}$/;

/**
 * `?limit=&after=` of a paged list: `limit` 1… (default and largest served from `bounds`), `after` the
 * cursor (`next` of the previous page; default 0 = from the oldest). Anything else is a 400 with this
 * message.
 * @example parsePageQuery(new URLSearchParams('limit=50&after=120')) // { ok: true, limit: 50, after: 120 }
 */
export function parsePageQuery(query: URLSearchParams, bounds: { defaultLimit: number; maxLimit: number } = PAGE_LIMITS): PageQuery {
  const limit = query.get('limit');
  const after = query.get('after');
  if (limit !== null && (!WHOLE.test(limit) || Number(limit) < 1)) {
    return { ok: false, message: `limit: expected a whole number from 1 (at most ${bounds.maxLimit} are served), got "${limit}"` };
  }
  if (after !== null && !WHOLE.test(after)) return { ok: false, message: `after: expected the "next" of the previous page (a whole number), got "${after}"` };
  return {
    ok: true,
    limit: Math.min(limit === null ? bounds.defaultLimit : Number(limit), bounds.maxLimit),
    after: after === null ? 0 : Number(after),
  };
}
