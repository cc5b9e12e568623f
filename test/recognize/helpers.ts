/** Small helpers for the recognition step tests. */
import { recognizeWorkbook } from "../../src/engine/recognize";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { summarizeTable } from "../../src/engine/report";
import type { SheetSnapshot } from "../../src/engine/grid/types";
import { workbook } from "../support/grid";

export const recognize = (...s: SheetSnapshot[]) => recognizeWorkbook(workbook(...s));
export const analyze = (...s: SheetSnapshot[]) => analyzeWorkbook(workbook(...s));
export const summary = (...s: SheetSnapshot[]) => analyze(...s).calcs.map(summarizeTable);
export const errors = (...s: SheetSnapshot[]) =>
  analyze(...s)
    .findings.filter((f) => f.severity === "error")
    .map((f) => `${f.rule} ${f.cell} ${f.message.zh}`);
export const warnings = (...s: SheetSnapshot[]) =>
  analyze(...s)
    .findings.filter((f) => f.severity === "warning")
    .map((f) => `${f.rule} ${f.cell} ${f.message.zh}`);
/** The same sheet moved so that its first cell is at (top, left): tables start anywhere. */
export const moved = (s: SheetSnapshot, top: number, left: number): SheetSnapshot => ({
  ...s,
  top,
  left,
  merges: s.merges?.map((m) => ({ top: m.top + top, left: m.left + left, bottom: m.bottom + top, right: m.right + left })),
});
