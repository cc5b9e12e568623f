import { colToLetters, toA1 } from "../grid/address";

/** =SUM(F5:F10,F12:F20) over the given rows of one column, contiguous rows as ranges. */
export function sumFormula(col: number, rows: number[], extraCells: { row: number; col: number }[] = []): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = -1;
  let prev = -1;
  const L = colToLetters(col);
  const flush = () => {
    if (start < 0) return;
    parts.push(start === prev ? `${L}${start + 1}` : `${L}${start + 1}:${L}${prev + 1}`);
  };
  for (const r of sorted) {
    if (r === prev + 1 && start >= 0) {
      prev = r;
      continue;
    }
    flush();
    start = prev = r;
  }
  flush();
  for (const c of extraCells) parts.push(toA1(c.row, c.col));
  return `=SUM(${parts.join(",")})`;
}
