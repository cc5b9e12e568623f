import type { WorkbookSnapshot } from "../grid/types";
import { parseA1 } from "../grid/address";
import type { Change } from "./types";

/**
 * The workbook as it will read once a change set's value and formula writes are made (marks and
 * narrative aside): what the report written with those fixes must describe. The input is untouched.
 */
export function withChanges(wb: WorkbookSnapshot, changes: Change[]): WorkbookSnapshot {
  const writes = changes.filter((c): c is Extract<Change, { kind: "set-value" | "set-formula" }> => c.kind === "set-value" || c.kind === "set-formula");
  if (!writes.length) return wb;
  const sheets = wb.sheets.map((s) => {
    const mine = writes.filter((c) => c.sheet === s.name);
    if (!mine.length) return s;
    const values = s.values.map((row) => [...row]);
    const formulas = s.values.map((row, r) => [...(s.formulas?.[r] ?? new Array<string | null>(row.length).fill(null))]);
    for (const c of mine) {
      const p = parseA1(c.cell);
      if (!p || p.row < s.top || p.col < s.left) continue;
      const r = p.row - s.top;
      const col = p.col - s.left;
      while (values.length <= r) {
        values.push([]);
        formulas.push([]);
      }
      values[r][col] = c.value;
      formulas[r][col] = c.kind === "set-formula" ? c.formula : null;
    }
    // Rows are filled where written; holes left by a write past a row's end are blanks.
    for (const row of values) for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    for (const row of formulas) for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    return { ...s, values, formulas };
  });
  return { ...wb, sheets };
}
