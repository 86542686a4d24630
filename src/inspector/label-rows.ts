/** The horizontal stretch a label takes (px). */
export interface Span {
  from: number;
  to: number;
}

/**
 * Puts labels into rows so that no two in a row overlap: each goes into the first row where it touches
 * none already placed, in the order given (so the first ones stay nearest the time axis).
 * @example stackRows([{ from: 0, to: 100 }, { from: 50, to: 150 }, { from: 120, to: 200 }]) // [0, 1, 0]
 */
export function stackRows(spans: readonly Span[], gap = 6): number[] {
  const rows: Span[][] = [];
  return spans.map((span) => {
    let row = rows.findIndex((placed) => placed.every((p) => span.to + gap <= p.from || p.to + gap <= span.from));
    if (row < 0) row = rows.push([]) - 1;
    rows[row]!.push(span);
    return row;
  });
}
