import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/engine/grid/types";
import { parseRangeA1 } from "../../src/engine/grid/address";

type In = CellValue | undefined | { f: string; v: CellValue } | { v: CellValue; fmt: string };

/** A sheet snapshot from rows starting at A1; objects give a formula or a number format. */
export function sheet(name: string, rows: In[][], merges: string[] = []): SheetSnapshot {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values: CellValue[][] = [];
  let formulas: (string | null)[][] | undefined;
  let formats: (string | null)[][] | undefined;
  rows.forEach((row, r) => {
    values.push(new Array<CellValue>(width).fill(null));
    row.forEach((cell, c) => {
      if (cell === undefined || cell === null) return;
      if (typeof cell === "object" && "f" in cell) {
        formulas ??= rows.map(() => new Array<string | null>(width).fill(null));
        formulas[r][c] = cell.f.startsWith("=") ? cell.f : `=${cell.f}`;
        values[r][c] = cell.v;
      } else if (typeof cell === "object" && "fmt" in cell) {
        formats ??= rows.map(() => new Array<string | null>(width).fill(null));
        formats[r][c] = cell.fmt;
        values[r][c] = cell.v;
      } else values[r][c] = cell as CellValue;
    });
  });
  return {
    name,
    top: 0,
    left: 0,
    values,
    formulas,
    numberFormats: formats,
    merges: merges.map((m) => parseRangeA1(m)!),
  };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { source: "test.xlsx", sheets };
}
