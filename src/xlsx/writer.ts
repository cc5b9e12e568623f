import ExcelJS from "exceljs";
import { rename, unlink, writeFile } from "node:fs/promises";
import { dirname, join, basename } from "node:path";
import type { Change, ChangeSet, NarrativeLine } from "../engine/changes/types";
import type { Severity } from "../engine/rules/types";
import { MARK_FILLS } from "../engine/changes/mark-style";

/** ExcelJS wants ARGB: the add-in's mark fills with an opaque alpha. */
export const MARK_COLORS = Object.fromEntries(
  Object.entries(MARK_FILLS).map(([k, hex]) => [k, `FF${hex.slice(1)}`]),
) as Record<Severity, string>;

/** Applies a change set to an ExcelJS workbook (the Office.js gateway applies the same set). */
export function applyChangeSet(wb: ExcelJS.Workbook, set: ChangeSet): void {
  for (const c of set.changes) applyChange(wb, c);
}

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`工作表“${name}”不存在 / no sheet "${name}"`);
  return ws;
}

function applyChange(wb: ExcelJS.Workbook, c: Change): void {
  switch (c.kind) {
    case "set-value":
      sheetOf(wb, c.sheet).getCell(c.cell).value = c.value;
      return;
    case "set-formula":
      sheetOf(wb, c.sheet).getCell(c.cell).value = { formula: c.formula.replace(/^=/, ""), result: c.value ?? undefined } as ExcelJS.CellFormulaValue;
      return;
    case "mark": {
      const cell = sheetOf(wb, c.sheet).getCell(c.cell);
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: MARK_COLORS[c.severity] } };
      const prior = typeof cell.note === "string" ? cell.note : "";
      cell.note = prior ? `${prior}\n${c.note}` : c.note;
      return;
    }
    case "add-sheet":
      writeLines(wb.addWorksheet(uniqueSheetName(wb, c.name)), 1, 1, c.lines);
      return;
    case "insert-lines": {
      const ws = sheetOf(wb, c.sheet);
      const at = ws.getCell(c.cell);
      writeLines(ws, Number(at.row), Number(at.col), c.lines);
      return;
    }
  }
}

export function uniqueSheetName(wb: ExcelJS.Workbook, base: string): string {
  const taken = new Set(wb.worksheets.map((w) => w.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const name = `${base}(${i})`;
    if (!taken.has(name)) return name;
  }
}

function writeLines(ws: ExcelJS.Worksheet, row: number, col: number, lines: NarrativeLine[]): void {
  if (col === 1 && row === 1) ws.getColumn(1).width = 100;
  lines.forEach((l, i) => {
    const cell = ws.getCell(row + i, col);
    // ExcelJS stores strings as strings: a line starting with "=" never becomes a formula.
    cell.value = l.text;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (l.style === "title") cell.font = { bold: true, size: 16 };
    else if (l.style === "heading") cell.font = { bold: true, size: 12 };
  });
}

/** Writes through a temporary file beside the target, so a failure never leaves half a file. */
export async function writeWorkbookAtomic(wb: ExcelJS.Workbook, path: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const buf = await wb.xlsx.writeBuffer();
    await writeFile(tmp, Buffer.from(buf as ArrayBuffer));
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
