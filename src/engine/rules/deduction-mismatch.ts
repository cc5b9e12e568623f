import type { Rule, Report } from "./types";
import { label, labelEn, show } from "./util";
import { posToA1 } from "../grid/address";
import { Dec } from "../values/decimal";

/**
 * 分值 | 扣分 | 得分: the score is the points less the deduction. Checked only where all three are
 * figures on an indicator row; a 加分项/扣分项 row stands outside the 100 and is left alone.
 */
export const deductionMismatch: Rule = {
  id: "deduction-mismatch",
  severity: "error",
  description: { zh: "得分不等于分值减扣分", en: "A score that is not its points less the deduction" },
  appliesTo: (t) => t.kind === "scoring" && t.hasScores && t.hasWeights && t.columns.roles.deduction !== undefined,
  check({ table, options }) {
    const out: Report[] = [];
    const tolerance = new Dec(options.tolerance);
    for (const ind of table.indicators) {
      const w = ind.weight?.value;
      const s = ind.score?.value;
      const d = ind.deduction?.value;
      // A score above its points is score-exceeds-weight's to report.
      if (!w || !s || !d || !ind.score || ind.adjustment || ind.weightShared || s.gt(w)) continue;
      // Deductions beyond the points leave 0, not less ("扣完为止", =MAX(分值-扣分,0)).
      const due = Dec.max(w.minus(d), 0);
      if (due.minus(s).abs().lte(tolerance)) continue;
      out.push({
        pos: ind.score.pos,
        message: {
          zh: `${label(ind)}分值${show(w)}扣${show(d)}分应得${show(due)}分，得分却填${show(s)}`,
          en: `${labelEn(ind)}: ${show(w)} less the deduction ${show(d)} is ${show(due)}, but the score says ${show(s)}`,
        },
        data: { weight: w.toFixed(), deduction: d.toFixed(), score: s.toFixed(), due: due.toFixed() },
        fix: [{ kind: "set-value", sheet: table.sheet, cell: posToA1(ind.score.pos), value: due.toNumber(), reason: "得分＝分值－扣分" }],
      });
    }
    return out;
  },
};
