import type { Rule, Report } from "./types";
import { label, labelEn, scoredIndicators, show } from "./util";
import { posToA1 } from "../grid/address";

/** The actual misses the target, yet the indicator keeps its full score. */
export const fullScoreBelowTarget: Rule = {
  id: "full-score-below-target",
  severity: "error",
  description: { zh: "实际完成值未达到目标值却得满分", en: "The actual misses the target, yet the score is full" },
  appliesTo: (t) => t.kind === "scoring" && t.hasScores,
  check({ table, calc }) {
    const out: Report[] = [];
    for (const { c, ind, w, s, pos } of scoredIndicators(calc)) {
      const a = c.assessment;
      if (w.isZero() || !s.eq(w)) continue;
      if (a.status !== "missed" && a.status !== "partial") continue;
      // Soft wording ("基本完成") is a judgement: score-off-rule may warn, this error may not.
      if (a.soft) continue;
      // 预算执行率 against the funds block is budget-execution's finding.
      if (c.evidence?.source === "funds") continue;
      const where = c.evidence ? { zh: `（依据：${c.evidence.sheet}!${posToA1(c.evidence.pos)}）`, en: ` (see ${c.evidence.sheet}!${posToA1(c.evidence.pos)})` } : { zh: "", en: "" };
      const rule = c.ruleScore ? { zh: `，按规则应得${show(c.ruleScore)}分`, en: `; the rule gives ${show(c.ruleScore)}` } : { zh: "", en: "" };
      out.push({
        pos,
        message: {
          zh: `${label(ind)}${a.why.zh}${where.zh}，却得满分${show(w)}${rule.zh}`,
          en: `${labelEn(ind)}: ${a.why.en}${where.en}, yet it scores the full ${show(w)}${rule.en}`,
        },
        data: { score: s.toFixed(), weight: w.toFixed(), ruleScore: c.ruleScore?.toFixed() ?? null, status: a.status },
        fix: c.ruleScore
          ? [{ kind: "set-value", sheet: table.sheet, cell: posToA1(pos), value: c.ruleScore.toNumber(), reason: "按完成比例计分" }]
          : undefined,
      });
    }
    return out;
  },
};
