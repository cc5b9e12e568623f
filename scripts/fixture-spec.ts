/** The JSON fixture spec (see test/fixtures/README.md) and its conversion to an .xlsx workbook. */
import ExcelJS from "exceljs";
import { parseRangeA1, toA1 } from "../src/engine/grid/address";

export type SpecCell = string | number | boolean | null | { v?: string | number | null; f?: string; fmt?: string };

export interface SpecSheet {
  name: string;
  rows: SpecCell[][];
  merges?: string[];
  cols?: number[];
}

export interface SpecTable {
  sheet: string;
  indicators: number;
  weightTotal: string | null;
  scoreTotal: string | null;
  declaredWeightTotal: string | null;
  declaredScoreTotal: string | null;
  declaredGrade: string | null;
}

export interface Spec {
  id: string;
  source: string;
  title: string;
  sheets: SpecSheet[];
  expect: { tables: SpecTable[]; findings: { rule: string; sheet: string; cell?: string }[]; notes?: string };
}

/** Builds the workbook; `withMerges: false` leaves the covered cells blank as a PDF conversion would. */
export function specToWorkbook(spec: Spec, withMerges = true): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ScoreCheck fixtures";
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell === null || cell === undefined) return;
        const target = ws.getCell(toA1(r, c));
        if (typeof cell === "object") {
          if (cell.f) target.value = { formula: cell.f.replace(/^=/, ""), result: cell.v ?? undefined } as ExcelJS.CellFormulaValue;
          else if (cell.v !== undefined && cell.v !== null) target.value = cell.v;
          if (cell.fmt) target.numFmt = cell.fmt;
        } else {
          target.value = cell;
        }
        target.alignment = { wrapText: true, vertical: "middle" };
      });
    });
    if (withMerges) {
      for (const m of s.merges ?? []) {
        const r = parseRangeA1(m);
        if (r && (r.top !== r.bottom || r.left !== r.right)) ws.mergeCells(r.top + 1, r.left + 1, r.bottom + 1, r.right + 1);
      }
    }
    (s.cols ?? []).forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  return wb;
}
