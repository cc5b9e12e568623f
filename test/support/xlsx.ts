import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { SheetSnapshot } from "../../src/engine/grid/types";
import { isCellError } from "../../src/engine/grid/types";

export const OUT = join(__dirname, "../output");

/** Writes snapshots to an .xlsx (values, formulas with cached results, merges) for CLI tests. */
export async function writeSnapshots(path: string, sheets: SheetSnapshot[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = s.formulas?.[r]?.[c];
        const cell = ws.getCell(s.top + r + 1, s.left + c + 1);
        if (f) cell.value = { formula: f.replace(/^=/, ""), result: (v ?? undefined) as number } as ExcelJS.CellFormulaValue;
        else if (isCellError(v)) cell.value = { error: v.error } as ExcelJS.CellErrorValue;
        else if (v !== null) cell.value = v;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  mkdirSync(dirname(path), { recursive: true });
  await wb.xlsx.writeFile(path);
  return path;
}
