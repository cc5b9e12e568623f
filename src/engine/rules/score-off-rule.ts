import type { Rule, Report } from "./types";
import { label, labelEn, roundingSlack, scoredIndicators, show } from "./util";
import { posToA1 } from "../grid/address";
import { round } from "../values/decimal";
import { SCORE_PLACES } from "../standards";

/**
 * A missed target is scored in proportion (actual ÷ target × weight); a qualitative result has a band
 * (QUALITATIVE_BANDS in the standards module: 达成, 部分达成, 未达成 as shares of the weight).
 */
export const scoreOffRule: Rule = {
  id: "score-off-rule",
  severity: "warning",
  description: { zh: "得分与评分规则计算结果不符", en: "The declared score differs from the scoring rule" },
  appliesTo: (t) => t.kind === "scoring" && t.hasScores,
  check({ table, calc }) {
    const out: Report[] = [];
    for (const { c, ind, w, s, pos } of scoredIndicators(calc)) {
      const a = c.assessment;
      if (w.isZero() || c.evidence?.source === "funds") continue;
      if (a.band) {
        const lo = round(a.band[0].times(w), SCORE_PLACES);
        const hi = round(a.band[1].times(w), SCORE_PLACES);
        const inside = s.gte(lo) && (a.status === "met" ? s.lte(hi) : s.lt(hi));
        // A full score on a plain miss is full-score-below-target's error; on soft wording it is ours.
        if (inside || (a.status !== "met" && s.eq(w) && !a.soft)) continue;
        out.push({
          pos,
          message: {
            // 达成 includes full marks; the lower bands stop short of the next one's floor.
            zh: `${label(ind)}${a.why.zh}，定性指标得分应${a.status === "met" ? `在${show(lo)}–${show(hi)}分之间` : `不低于${show(lo)}分且低于${show(hi)}分`}，实得${show(s)}分`,
            en: `${labelEn(ind)}: ${a.why.en}; a qualitative score must lie in ${a.status === "met" ? `${show(lo)}–${show(hi)}` : `[${show(lo)}, ${show(hi)})`}, not ${show(s)}`,
          },
          data: { score: s.toFixed(), band: [lo.toFixed(), hi.toFixed()] },
        });
        continue;
      }
      // Full marks on a miss read only by the default direction (a bare target, a name that does not
      // say) is a doubt worth a warning, not full-score-below-target's error.
      if (a.status !== "missed" || !c.ruleScore || (s.eq(w) && !a.soft)) continue;
      if (s.minus(c.ruleScore).abs().lte(roundingSlack(table))) continue;
      const assumed = !!ind.directionAssumed;
      out.push({
        pos,
        message: {
          zh: `${label(ind)}${a.why.zh}${assumed ? "（目标未标明“≥”或“≤”，按越大越好判断）" : ""}，按比例应得${show(c.ruleScore)}分，实得${show(s)}分`,
          en: `${labelEn(ind)}: ${a.why.en}${assumed ? " (the target says neither ≥ nor ≤: read as more is better)" : ""}; the proportional rule gives ${show(c.ruleScore)}, not ${show(s)}`,
        },
        data: { score: s.toFixed(), ruleScore: c.ruleScore.toFixed() },
        // A score rests on the direction: where only the default gave it, nothing is rewritten.
        fix: assumed ? undefined : [{ kind: "set-value", sheet: table.sheet, cell: posToA1(pos), value: c.ruleScore.toNumber(), reason: "按评分规则计分" }],
      });
    }
    return out;
  },
};
