import type { Rule, Report } from "./types";
import { agrees, blankWeightScored, show, unreadableIn } from "./util";
import { summaryFix } from "./summary-fix";
import { round, sum } from "../values/decimal";

/** A total row's weight or score must equal the sum of the rows above it. */
export const totalMismatch: Rule = {
  id: "total-mismatch",
  severity: "error",
  description: { zh: "总计行的权重或得分与明细之和不符", en: "A total row's weight or score differs from the sum of its rows" },
  check({ table, calc, options }) {
    const total = table.total;
    if (!total) return [];
    const out: Report[] = [];
    // "绩效指标合计" / "指标得分合计" under a funds block may add up the indicators only, or all.
    const indicatorsOnly = !!table.funds && /指标/.test(total.label);
    const pairs = [
      { cell: total.weight, computed: calc.weightTotal, alone: calc.indicatorWeightSum, which: "weight" as const, zh: "权重", en: "weight", places: table.weightPlaces },
      { cell: total.score, computed: calc.scoreTotal, alone: calc.indicatorScoreSum, which: "score" as const, zh: "得分", en: "score", places: table.scorePlaces },
    ];
    for (const p of pairs) {
      if (indicatorsOnly && p.cell?.value && p.alone && agrees(p.cell.value, p.alone, p.places, options.tolerance)) continue;
      // A row whose weight is text ("82万元/公里": its figures slid a column in a PDF conversion) makes
      // its score as doubtful as its weight: neither sum is then known.
      if (!p.cell?.value || !p.computed || unreadableIn(table, "weight") || unreadableIn(table, p.which)) continue;
      if (p.which === "weight" && blankWeightScored(table, calc)) continue;
      // A weighted row with its score left blank (missing-value says so) leaves the score sum open:
      // a score forgotten, or slid a column, is not a total added wrong.
      if (p.which === "score" && table.indicators.some((i) => i.weight?.value?.gt(0) && !i.score?.value)) continue;
      const rows = table.indicators.filter((i) => (p.which === "weight" ? i.weight : i.score)?.value).length;
      if (agrees(p.cell.value, p.computed, p.places, options.tolerance, rows)) continue;
      // A 加分项 may be counted in the total or left outside it: either reading agrees.
      const adjusted = table.indicators.filter((i) => i.adjustment);
      const outside = p.which === "score" ? sum(adjusted.map((i) => i.score?.value ?? null)) : sum(adjusted.map((i) => i.adjustment!.cap));
      if (adjusted.length && !outside.isZero() && agrees(p.cell.value, p.which === "score" ? p.computed.minus(outside) : p.computed.plus(outside), p.places, options.tolerance, rows)) continue;
      // "=ROUND(SUM(H13:H21)+I6,0)": the total says itself that it is rounded.
      const rounds = /ROUND\s*\(.*,\s*(-?\d+)\s*\)\s*$/i.exec(p.cell.formula ?? "");
      if (rounds && round(p.computed, Number(rounds[1])).eq(p.cell.value)) continue;
      out.push({
        pos: p.cell.pos,
        message: {
          zh: `${total.label}行${p.zh}填报${show(p.cell.value)}，但各行${p.zh}合计为${show(p.computed)}`,
          en: `the ${total.label} row states ${p.en} ${show(p.cell.value)}, but the rows add up to ${show(p.computed)}`,
        },
        data: { declared: p.cell.value.toFixed(), computed: p.computed.toFixed(), which: p.which },
        fix: [summaryFix(table, total, p.cell, p.which, p.computed)],
      });
    }
    // 自评得分 beside the 复核得分 checked: its own total row figure must be its rows' sum too.
    const funds = table.funds?.score?.value ?? null;
    for (const o of table.otherScoreTotals ?? []) {
      const sums = [o.sum, ...(funds ? [o.sum.plus(funds)] : [])];
      if (sums.some((x) => agrees(o.declared.value!, x, table.scorePlaces, options.tolerance))) continue;
      out.push({
        pos: o.declared.pos,
        message: {
          zh: `${total.label}行“${o.title}”填报${show(o.declared.value)}，但该列各行合计为${show(o.sum)}`,
          en: `the ${total.label} row states ${show(o.declared.value)} under “${o.title}”, but that column's rows add up to ${show(o.sum)}`,
        },
        data: { declared: o.declared.value!.toFixed(), computed: o.sum.toFixed(), which: "score", column: o.title },
      });
    }
    return out;
  },
};
