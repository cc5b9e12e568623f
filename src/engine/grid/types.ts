/**
 * The grid model: one snapshot of a sheet, produced alike by the .xlsx reader and the Office.js
 * gateway. Values are what Excel reports; only the top-left cell of a merged area holds a value.
 */

/** An Excel error value such as #REF! or #DIV/0!. */
export interface CellError {
  error: string;
}

export type CellValue = number | string | boolean | CellError | null;

/** A rectangle of cells, 0-based and inclusive, in absolute sheet coordinates. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellPos {
  row: number;
  col: number;
}

export interface SheetSnapshot {
  name: string;
  /** Absolute row/column of values[0][0] (the used range's top-left). */
  top: number;
  left: number;
  /** values[r][c] is the cell at (top + r, left + c). Rows may be shorter than the widest row. */
  values: CellValue[][];
  /** Formulas in A1 style with the leading "=", parallel to values; null/absent for constants. */
  formulas?: (string | null)[][];
  /** Number formats parallel to values; absent means General. */
  numberFormats?: (string | null)[][];
  /** Merged areas; absent when the source could not report them (recognition then works from blanks). */
  merges?: CellRange[];
  hidden?: boolean;
  protected?: boolean;
  /** Absolute indexes of hidden rows. */
  hiddenRows?: number[];
  /**
   * A sheet ScoreCheck itself wrote (its 自评报告 report sheet, recognised by the marker it writes):
   * never read back as the workbook's own claims.
   */
  generated?: boolean;
}

export interface WorkbookSnapshot {
  /** A file name or "当前工作簿"; used in reports only. */
  source: string;
  sheets: SheetSnapshot[];
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}
