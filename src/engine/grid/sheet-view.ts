import type { CellRange, CellValue, SheetSnapshot } from "./types";
import { isCellError } from "./types";

/**
 * Read access to a snapshot in absolute coordinates, with merge lookups.
 * Recognition reads through this view so that it never cares where the used range starts.
 */
export class SheetView {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly mergeOf = new Map<number, CellRange>();

  constructor(readonly snapshot: SheetSnapshot) {
    this.name = snapshot.name;
    this.top = snapshot.top;
    this.left = snapshot.left;
    this.bottom = snapshot.top + snapshot.values.length - 1;
    let width = 0;
    for (const row of snapshot.values) width = Math.max(width, row.length);
    this.right = snapshot.left + width - 1;
    for (const m of snapshot.merges ?? []) {
      // Index every covered cell; merged areas in scoring tables are small.
      const cells = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (cells > 100_000) continue;
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.mergeOf.set(this.key(r, c), m);
    }
  }

  private key(row: number, col: number): number {
    return row * 20_000 + col;
  }

  get rowCount(): number {
    return this.snapshot.values.length;
  }

  value(row: number, col: number): CellValue {
    const r = this.snapshot.values[row - this.top];
    if (!r) return null;
    const v = r[col - this.left];
    return v === undefined ? null : v;
  }

  formula(row: number, col: number): string | null {
    return this.snapshot.formulas?.[row - this.top]?.[col - this.left] ?? null;
  }

  numberFormat(row: number, col: number): string | null {
    return this.snapshot.numberFormats?.[row - this.top]?.[col - this.left] ?? null;
  }

  /** The merged area covering a cell, if any. */
  merge(row: number, col: number): CellRange | undefined {
    return this.mergeOf.get(this.key(row, col));
  }

  /** The value shown in a cell: a merged area's value appears in each of its cells. */
  shown(row: number, col: number): CellValue {
    const m = this.merge(row, col);
    return m ? this.value(m.top, m.left) : this.value(row, col);
  }

  /** Trimmed text of a cell (numbers as Excel's general format would show them); "" when empty. */
  text(row: number, col: number, shown = false): string {
    return cellText(shown ? this.shown(row, col) : this.value(row, col));
  }

  isEmpty(row: number, col: number): boolean {
    return this.text(row, col) === "";
  }

  isRowHidden(row: number): boolean {
    return this.snapshot.hiddenRows?.includes(row) ?? false;
  }
}

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isCellError(v)) return v.error;
  return "";
}
