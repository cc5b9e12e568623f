import type { CellValue, SheetSnapshot } from "./types";
import { toA1 } from "./address";

export interface SnapshotCell {
  value: CellValue;
  formula: string | null;
  format: string | null;
}

/** A snapshot's non-empty cells by A1 address (value, formula or number format): what in-memory workbooks hold. */
export function snapshotCells(s: SheetSnapshot): Map<string, SnapshotCell> {
  const cells = new Map<string, SnapshotCell>();
  s.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const formula = s.formulas?.[r]?.[c] ?? null;
      const format = s.numberFormats?.[r]?.[c] ?? null;
      if (value === null && !formula && !format) return;
      cells.set(toA1(s.top + r, s.left + c), { value, formula, format });
    }),
  );
  return cells;
}
