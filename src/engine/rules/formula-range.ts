import type { Rule, Report } from "./types";
import type { NumberCell, SummaryRow } from "../model";
import { summedCells } from "../changes/formula-refs";
import { posToA1 } from "../grid/address";
import { summaryFix } from "./summary-fix";

/** A total/subtotal formula must count each of its rows exactly once. */
export const formulaRange: Rule = {
  id: "formula-range",
  severity: "error",
  description: { zh: "合计/小计公式漏加或重复计算了行", en: "A total/subtotal formula skips or double-counts rows" },
  check({ table, calc }) {
    const out: Report[] = [];
    const subtotalMembers = new Map<number, number[]>(table.subtotals.map((s) => [s.row, s.memberRows]));
    const inspect = (row: SummaryRow, cell: NumberCell | null, which: "weight" | "score", computed: import("decimal.js").Decimal | null) => {
      if (!cell?.formula || !computed) return;
      const refs = summedCells(cell.formula);
      if (!refs) return;
      const col = cell.pos.col;
      // SUBTOTAL leaves out cells that are SUBTOTALs themselves, so nested 小计 rows are not added twice.
      const skipsNested = /SUBTOTAL\s*\(/i.test(cell.formula);
      const nestedSubtotal = (r: number) =>
        table.subtotals.some((s) => s.row === r && [s.weight, s.score].some((c) => c?.pos.col === col && /SUBTOTAL\s*\(/i.test(c.formula ?? "")));
      // Count each indicator row: directly, or through a subtotal row the formula adds.
      const counts = new Map<number, number>();
      for (const ref of refs) {
        if (ref.col !== col) continue;
        if (skipsNested && nestedSubtotal(ref.row)) continue;
        const through = subtotalMembers.get(ref.row);
        for (const r of through ?? [ref.row]) counts.set(r, (counts.get(r) ?? 0) + 1);
      }
      const members = row.memberRows.filter((r) => {
        const ind = table.indicators.find((i) => i.row === r);
        const c = which === "weight" ? ind?.weight : ind?.score;
        return c && c.pos.col === col && c.value !== null;
      });
      const skipped = members.filter((r) => !counts.get(r));
      const doubled = members.filter((r) => (counts.get(r) ?? 0) > 1);
      if (!skipped.length && !doubled.length) return;
      const rowsText = (rs: number[]) => rs.map((r) => r + 1).join("、");
      const zh = [skipped.length ? `漏加第${rowsText(skipped)}行` : "", doubled.length ? `重复计算第${rowsText(doubled)}行` : ""].filter(Boolean).join("，");
      const en = [skipped.length ? `skips row(s) ${rowsText(skipped)}` : "", doubled.length ? `counts row(s) ${rowsText(doubled)} twice` : ""].filter(Boolean).join(" and ");
      out.push({
        pos: cell.pos,
        message: { zh: `${row.label}公式 ${cell.formula} ${zh}`, en: `the ${row.label} formula ${cell.formula} ${en}` },
        data: { formula: cell.formula, skippedRows: skipped.map((r) => r + 1), doubledRows: doubled.map((r) => r + 1), cell: posToA1(cell.pos) },
        fix: [summaryFix(table, row, cell, which, computed)],
      });
    };
    for (const s of calc.subtotals) {
      inspect(s.row, s.row.weight, "weight", s.weightUnknown ? null : s.weightSum);
      inspect(s.row, s.row.score, "score", s.scoreUnknown ? null : s.scoreSum);
    }
    if (table.total) {
      inspect(table.total, table.total.weight, "weight", calc.weightTotal);
      inspect(table.total, table.total.score, "score", calc.scoreTotal);
    }
    return out;
  },
};
