/** The JSON fixture spec (see test/fixtures/README.md) and its conversion to an .xlsx workbook. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parseRangeA1, toA1, type TableSummary } from "../src/engine";


export type SpecCell = string | number | boolean | null | { v?: string | number | null; f?: string; fmt?: string };

export interface SpecSheet {
  name: string;
  rows: SpecCell[][];
  merges?: string[];
  cols?: number[];
  /** Rows hidden in the workbook, 1-based as Excel numbers them. */
  hiddenRows?: number[];
}

/** What a spec expects of a table: the report's summary fields that a reviewer can count by hand. */
export const SPEC_TABLE_FIELDS = ["sheet", "indicators", "weightTotal", "scoreTotal", "declaredWeightTotal", "declaredScoreTotal", "declaredGrade"] as const;
export type SpecTable = Pick<TableSummary, (typeof SPEC_TABLE_FIELDS)[number]>;

/** The fields of a table summary, out of everything the report says of it. */
export function pickFields<K extends keyof TableSummary>(t: TableSummary, fields: readonly K[]): Pick<TableSummary, K> {
  return Object.fromEntries(fields.map((k) => [k, t[k]])) as Pick<TableSummary, K>;
}

/** Every *.json spec in a folder, by file name. */
export function loadSpecDir<T>(dir: string): T[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as T);
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
    for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
  }
  return wb;
}
