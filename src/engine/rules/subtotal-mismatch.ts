import type { Rule, Report } from "./types";
import { agrees, show, unreadableIn } from "./util";
import { summaryFix } from "./summary-fix";

/** A subtotal row (小计, or "投入: 20 19.80" above its rows) must equal the sum of its rows. */
export const subtotalMismatch: Rule = {
  id: "subtotal-mismatch",
  severity: "error",
  description: { zh: "小计行与其所含各行之和不符", en: "A subtotal row differs from the sum of its rows" },
  check({ table, calc, options }) {
    const out: Report[] = [];
    for (const s of calc.subtotals) {
      if (s.row.memberRows.length === 0) continue;
      const pairs = [
        { cell: s.row.weight, computed: s.weightSum, unknown: s.weightUnknown, which: "weight" as const, zh: "权重", en: "weight", places: table.weightPlaces },
        { cell: s.row.score, computed: s.scoreSum, unknown: s.scoreUnknown, which: "score" as const, zh: "得分", en: "score", places: table.scorePlaces },
      ];
      for (const p of pairs) {
        // A member whose formula could not be evaluated leaves the sum unknown: nothing to compare.
        if (!p.cell?.value || p.unknown || unreadableIn(table, p.which, s.row.memberRows)) continue;
        if (agrees(p.cell.value, p.computed, p.places, options.tolerance, s.row.memberRows.length)) continue;
        out.push({
          pos: p.cell.pos,
          message: {
            zh: `小计“${s.row.label}”${p.zh}填报${show(p.cell.value)}，但所含${s.row.memberRows.length}行合计为${show(p.computed)}`,
            en: `subtotal "${s.row.label}" states ${p.en} ${show(p.cell.value)}, but its ${s.row.memberRows.length} rows add up to ${show(p.computed)}`,
          },
          data: { declared: p.cell.value.toFixed(), computed: p.computed.toFixed(), which: p.which },
          fix: [summaryFix(table, s.row, p.cell, p.which, p.computed)],
        });
      }
    }
    return out;
  },
};
