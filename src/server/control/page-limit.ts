/**
 * A page's `?limit=`: the default when absent, the number when it is an integer 1…`maxLimit`, else null.
 * @example pageLimit('20', { defaultLimit: 100, maxLimit: 1000 }) // 20; pageLimit('0', …) → null
 */
export function pageLimit(text: string | null, bounds: { defaultLimit: number; maxLimit: number }): number | null {
  if (text === null) return bounds.defaultLimit;
  if (!/^\d{1,7}$/.test(text)) return null;
  const limit = Number(text);
  return limit >= 1 && limit <= bounds.maxLimit ? limit : null;
}
