import type { Rule, Report } from "./types";
import { givesReason, label, labelEn, scoredIndicators, show } from "./util";
import { posToA1 } from "../grid/address";

/** The target is met, yet points are deducted and no reason is written down. */
export const unexplainedDeduction: Rule = {
  id: "unexplained-deduction",
  severity: "warning",
  description: { zh: "已达到目标却扣分且未说明原因", en: "The target is met, yet points are deducted with no reason given" },
  appliesTo: (t) => t.kind === "scoring" && t.hasScores,
  check({ calc }) {
    const out: Report[] = [];
    for (const { c, ind, w, s, pos } of scoredIndicators(calc)) {
      // "基本达成" is met with room for a deduction: no reason is owed for it.
      if (c.assessment.status !== "met" || c.assessment.soft || !s.lt(w)) continue;
      const a = c.assessment;
      if (givesReason(ind.basis?.text)) continue;
      const lost = w.minus(s);
      out.push({
        pos,
        message: {
          zh: `${label(ind)}${a.why.zh}，却扣${show(lost)}分（得${show(s)}/${show(w)}），${ind.basis ? "评分依据未说明扣分原因" : "未填写扣分原因"}`,
          en: `${labelEn(ind)}: ${a.why.en}, yet ${show(lost)} point(s) are deducted (${show(s)} of ${show(w)}) and no reason is given`,
        },
        data: { score: s.toFixed(), weight: w.toFixed(), deducted: lost.toFixed() },
        // A met target scores full by the rule (applied by `fix --rescore` only).
        fix: [{ kind: "set-value", sheet: calc.table.sheet, cell: posToA1(pos), value: w.toNumber(), reason: "目标已完成，按满分计分" }],
      });
    }
    return out;
  },
};
