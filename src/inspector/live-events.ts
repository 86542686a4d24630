import type { SimEvent } from '../sim/types.js';

/**
 * How many of `incoming`'s first events are already the last events of `known`: the same session's stream
 * read twice (its list from `GET /control/sessions/:id`, then the SSE messages held while it loaded).
 * @example overlap([a, b, c], [b, c, d]) // 2 → append only d
 */
export function overlap(known: readonly SimEvent[], incoming: readonly SimEvent[]): number {
  const key = (e: SimEvent) => JSON.stringify(e);
  for (let n = Math.min(known.length, incoming.length); n > 0; n--) {
    const tail = known.slice(known.length - n);
    if (tail.every((e, i) => key(e) === key(incoming[i]!))) return n;
  }
  return 0;
}

