/**
 * A parsed sheet's sparse rows → the snapshot: cells under merged areas cleared, the used range
 * found, rows turned into the snapshot's rows in place (a million-row sheet is not copied), and the
 * hidden rows that hold something.
 */
import type { CellRange, CellValue, SheetSnapshot } from "../../engine";
import { MERGE_VISIT_LIMIT, PAD_LIMIT, PLACE_LIMIT, sheetTooLarge } from "./limits";

/** Rows indexed by absolute row, each indexed by absolute column; undefined where nothing was read. */
export type Grid<T> = (T[] | undefined)[];

/** What reading a sheet part gathers. */
export interface ParsedSheet {
  values: Grid<CellValue>;
  formulas: Grid<string | null> | undefined;
  formats: Grid<string | null> | undefined;
  merges: CellRange[];
  /** Hidden rows (0-based) → whether the row has content. */
  hiddenRows: Map<number, boolean>;
  protected: boolean;
}

export interface SheetFacts {
  file: string;
  name: string;
  hidden: boolean;
  generated: boolean;
}

export function assembleSheet(p: ParsedSheet, ctx: SheetFacts): SheetSnapshot {
  const merges = dedupeMerges(p.merges);
  // Cells a merged area covers report no value (the area's value is its top-left cell's). Merged
  // areas never overlap in a sound file, so the rows visited stay near the cells read; a file whose
  // areas pile up over the same rows is stopped instead of running for hours.
  let visits = MERGE_VISIT_LIMIT;
  for (const m of merges) {
    const last = Math.min(m.bottom, p.values.length - 1);
    if ((visits -= Math.max(0, last - m.top + 1)) < 0) throw sheetTooLarge(ctx.file, ctx.name, "合并单元格区域过多或相互重叠", "merged areas too many or overlapping");
    for (let r = m.top; r <= last; r++) {
      const row = p.values[r];
      if (!row) continue;
      const end = Math.min(m.right, row.length - 1);
      for (let c = m.left; c <= end; c++) {
        if (r === m.top && c === m.left) continue;
        if (row[c] !== undefined) {
          row[c] = undefined as never;
          const f = p.formulas?.[r];
          if (f) f[c] = undefined as never;
          const n = p.formats?.[r];
          if (n) n[c] = undefined as never;
        }
      }
    }
  }
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (let r = 0; r < p.values.length; r++) {
    const row = p.values[r];
    if (!row) continue;
    let first = -1;
    let lastCol = -1;
    for (let c = 0; c < row.length; c++) {
      if (row[c] === undefined) continue;
      if (first < 0) first = c;
      lastCol = c;
    }
    if (first < 0) {
      p.values[r] = undefined;
      continue;
    }
    row.length = lastCol + 1;
    if (r < top) top = r;
    bottom = r;
    if (first < left) left = first;
    if (lastCol > right) right = lastCol;
  }
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
  }
  const hiddenRows = hiddenRowsWithContent(p, merges);
  const base: SheetSnapshot = {
    name: ctx.name,
    top: Number.isFinite(top) ? top : 0,
    left: Number.isFinite(left) ? left : 0,
    values: [],
    merges,
    hidden: ctx.hidden,
    protected: p.protected,
    hiddenRows,
  };
  if (ctx.generated) base.generated = true;
  if (bottom < 0) return base;
  const height = bottom - base.top + 1;
  const width = right - base.left + 1;
  const pad = height * width <= PAD_LIMIT;
  if (!pad) {
    // Unpadded rows still run from the left edge to their last cell: a cell far right in every row
    // would need billions of places.
    let places = 0;
    for (let r = base.top; r <= bottom; r++) places += Math.max(0, (p.values[r]?.length ?? 0) - base.left);
    if (places > PLACE_LIMIT) throw sheetTooLarge(ctx.file, ctx.name, `已用区域过大（${places.toLocaleString("en-US")} 个单元格位置）`, `used range too large (${places.toLocaleString("en-US")} cell places)`);
  }
  const values = dense(p.values, base.top, base.left, height, width, pad);
  const formulas = p.formulas ? dense(p.formulas, base.top, base.left, height, width, pad) : undefined;
  const numberFormats = p.formats ? dense(p.formats, base.top, base.left, height, width, pad) : undefined;
  const out: SheetSnapshot = { ...base, values, formulas, numberFormats };
  if (!formulas || !formulas.some((r) => r.some((f) => f !== null))) out.formulas = undefined;
  if (!numberFormats || !numberFormats.some((r) => r.some((f) => f !== null))) out.numberFormats = undefined;
  return out;
}

/**
 * Turns sparse absolute-indexed rows into the snapshot's rows from (top, left), in place where it
 * can (a million-row sheet is not copied), with null where there is no cell.
 */
function dense<T>(grid: Grid<T | null>, top: number, left: number, height: number, width: number, pad: boolean): (T | null)[][] {
  const out: (T | null)[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    let row = grid[top + r];
    grid[top + r] = undefined;
    if (!row) {
      out[r] = pad ? new Array<T | null>(width).fill(null) : [];
      continue;
    }
    if (left > 0) row = row.slice(left);
    const n = pad ? width : Math.min(row.length, width);
    if (row.length > n) row.length = n;
    for (let c = 0; c < n; c++) if (row[c] === undefined) row[c] = null;
    out[r] = row;
  }
  return out;
}

/** Overlapping duplicates keep the first area at each top-left cell, as Excel would refuse a second. */
function dedupeMerges(merges: CellRange[]): CellRange[] {
  const seen = new Set<string>();
  const out: CellRange[] = [];
  for (const m of merges) {
    const key = `${m.top},${m.left}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}

/**
 * Hidden rows that hold something: a cell with content, or a cell a merged area covers (the rows a
 * reviewer could see if they were shown). Rows under merged areas are found with one pass of
 * range marks, not a search of the areas per row.
 */
function hiddenRowsWithContent(p: ParsedSheet, merges: CellRange[]): number[] {
  let maxRow = -1;
  for (const [r, hasContent] of p.hiddenRows) if (!hasContent && r > maxRow) maxRow = r;
  let underMerge: Int32Array | null = null;
  if (maxRow >= 0 && merges.length) {
    underMerge = new Int32Array(maxRow + 2);
    for (const m of merges) {
      // The area covers cells in its top row only when it is wider than one column.
      const from = m.right > m.left ? m.top : m.top + 1;
      if (from > maxRow || from > m.bottom) continue;
      underMerge[from]++;
      underMerge[Math.min(m.bottom, maxRow) + 1]--;
    }
    for (let r = 1; r <= maxRow; r++) underMerge[r] += underMerge[r - 1];
  }
  const out: number[] = [];
  for (const [r, hasContent] of p.hiddenRows) if (hasContent || (underMerge && underMerge[r] > 0)) out.push(r);
  return out.sort((a, b) => a - b);
}
