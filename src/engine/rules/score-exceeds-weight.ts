import type { Rule, Report } from "./types";
import { label, labelEn, show } from "./util";
import { posToA1 } from "../grid/address";

/** 0 ≤ score ≤ weight ("得分最高不能超过该指标分值上限"). */
export const scoreExceedsWeight: Rule = {
  id: "score-exceeds-weight",
  severity: "error",
  description: { zh: "得分超过该指标分值或为负数", en: "A score above its weight or below zero" },
  appliesTo: (t) => t.kind === "scoring" && t.hasScores && t.hasWeights,
  check({ table }) {
    const out: Report[] = [];
    for (const ind of table.indicators) {
      const w = ind.weight?.value;
      const s = ind.score?.value;
      if (!w || !s || !ind.score) continue;
      if (s.gt(w)) {
        out.push({
          pos: ind.score.pos,
          message: {
            zh: `${label(ind)}得分${show(s)}超过其分值${show(w)}`,
            en: `${labelEn(ind)} scores ${show(s)}, above its weight ${show(w)}`,
          },
          data: { score: s.toFixed(), weight: w.toFixed() },
          fix: [{ kind: "set-value", sheet: table.sheet, cell: posToA1(ind.score.pos), value: w.toNumber(), reason: "得分不得超过分值" }],
        });
      } else if (s.isNegative()) {
        out.push({
          pos: ind.score.pos,
          message: { zh: `${label(ind)}得分${show(s)}为负数`, en: `${labelEn(ind)} has a negative score ${show(s)}` },
          data: { score: s.toFixed(), weight: w.toFixed() },
        });
      }
    }
    const f = table.funds;
    if (f?.score?.value && f.weight?.value && f.score.value.gt(f.weight.value)) {
      out.push({
        pos: f.score.pos,
        message: {
          zh: `预算执行率得分${show(f.score.value)}超过其分值${show(f.weight.value)}`,
          en: `the budget-execution score ${show(f.score.value)} exceeds its weight ${show(f.weight.value)}`,
        },
      });
    }
    return out;
  },
};
