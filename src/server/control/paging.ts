/** How much a page of the control API's lists holds (`GET /control/journal`, `GET /control/reports`). */
export const PAGE_LIMITS = {
  /** Entries per page when `limit` is not given. */
  defaultLimit: 100,
  /** The largest `limit` served; a larger one is served as this. */
  maxLimit: 1000,
  /** Bytes of entries per page at most (the first entry is always served, whatever its size). */
  maxBytes: 1024 * 1024,
};

/**
 * A page's start and size: the entries after `after`, at most `limit`; with `newest`, the newest `limit`
 * entries (whatever `after`), which is where a table showing the latest requests starts.
 */
export type PageQuery = { ok: true; limit: number; after: number; newest: boolean } | { ok: false; message: string };

const WHOLE = /^\d{1,15}$/;

/**
 * `?limit=&after=` of a paged list: `limit` 1… (default and largest served from `bounds`), `after` the
 * cursor (`next` of the previous page; default 0 = from the oldest). `?newest=N` alone: the newest N
 * (at most the largest `limit`). Anything else is a 400 with this message.
 * @example parsePageQuery(new URLSearchParams('limit=50&after=120')) // { ok: true, limit: 50, after: 120, newest: false }
 * @example parsePageQuery(new URLSearchParams('newest=30')) // { ok: true, limit: 30, after: 0, newest: true }
 */
export function parsePageQuery(query: URLSearchParams, bounds: { defaultLimit: number; maxLimit: number } = PAGE_LIMITS): PageQuery {
  const newest = query.get('newest');
  if (newest !== null) {
    if (query.has('after') || query.has('limit')) return { ok: false, message: 'newest: pass it alone (it is the page size, counted back from the newest entry), not with after or limit' };
    if (!WHOLE.test(newest) || Number(newest) < 1) return { ok: false, message: `newest: expected a whole number from 1 (at most ${bounds.maxLimit} are served), got "${newest}"` };
    return { ok: true, limit: Math.min(Number(newest), bounds.maxLimit), after: 0, newest: true };
  }
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
    newest: false,
  };
}

/** The cursor a page starts after, given the list's last sequence number (for `newest`). */
export function startAfter(page: { after: number; limit: number; newest: boolean }, lastSeq: number): number {
  return page.newest ? Math.max(0, lastSeq - page.limit) : page.after;
}
