import type { Rule, Report } from "./types";
import { label, labelEn, roundingSlack, show } from "./util";
import { posToA1 } from "../grid/address";
import { Dec, placesOf, round, sum } from "../values/decimal";
import { isUnknown } from "../recalc/table-calc";
import { OWN_SCORING_RULE } from "../text/vocabulary";

/** 执行率 = 全年执行数 ÷ 全年预算数; its score = 执行率 × 分值 (at most the 分值). */
export const budgetExecution: Rule = {
  id: "budget-execution",
  severity: "error",
  description: { zh: "预算执行率或其得分与预算数、执行数不符", en: "Budget execution rate or its score disagrees with the budget and spent amounts" },
  check({ table, calc }) {
    const out: Report[] = [];
    const f = table.funds;
    const rate = calc.executionRate;
    const B = f?.budget?.value;
    const E = f?.executed?.value;
    const amounts = B && E ? { zh: `（执行数${show(E)} ÷ 预算数${show(B)}）`, en: ` (spent ${show(E)} ÷ budget ${show(B)})` } : { zh: "", en: "" };
    if (f && rate && f.statedRate) {
      const slack = calc.statedRateSlack ?? new Dec(10).pow(-placesOf(f.statedRate.value)).div(2).plus("0.0001");
      // "超过100%的按100%计": a rate written as 100% over a budget overspent is the capped rate.
      const capped = f.statedRate.value.eq(100) && rate.gt(100);
      if (!capped && rate.minus(f.statedRate.value).abs().gt(slack))
        out.push({
          pos: f.statedRate.pos,
          message: {
            zh: `填报执行率${show(f.statedRate.value)}%，按金额计算为${show(round(rate, 2))}%${amounts.zh}`,
            en: `the stated execution rate ${show(f.statedRate.value)}% differs from ${show(round(rate, 2))}% computed from the amounts${amounts.en}`,
          },
          data: { stated: f.statedRate.value.toFixed(), computed: round(rate, 4).toFixed() },
        });
    }
    // A score above its 分值 is score-exceeds-weight's finding on the same cell.
    const overPoints = !!f?.score?.value && !!f.weight?.value && f.score.value.gt(f.weight.value);
    if (f?.score?.value && calc.fundsRuleScore && !overPoints && f.score.value.minus(calc.fundsRuleScore).abs().gt(roundingSlack(table)))
      out.push({
        pos: f.score.pos,
        message: {
          zh: `预算执行率${show(round(rate!, 2))}%${amounts.zh}，按分值${show(f.weight!.value!)}应得${show(calc.fundsRuleScore)}分，填报${show(f.score.value)}分`,
          en: `budget execution is ${show(round(rate!, 2))}%${amounts.en}: with weight ${show(f.weight!.value!)} it scores ${show(calc.fundsRuleScore)}, not ${show(f.score.value)}`,
        },
        data: { score: f.score.value.toFixed(), ruleScore: calc.fundsRuleScore.toFixed() },
        fix: [{ kind: "set-value", sheet: table.sheet, cell: posToA1(f.score.pos), value: calc.fundsRuleScore.toNumber(), reason: "按执行率计分" }],
      });
    const projectForm = table.form === "national-project" || table.form === "provincial-project";
    for (const c of calc.indicators) {
      const ind = c.indicator;
      if (c.evidence?.source !== "funds" || !c.ruleScore || !ind.score?.value) continue;
      if (ind.score.value.minus(c.ruleScore).abs().lte(roundingSlack(table))) continue;
      // Outside the project forms, 执行率 × 分值 is practice, not the table's rule: a standard of its
      // own leaves the score to it, and without one only full marks below 100% are certain.
      if (!projectForm) {
        if (OWN_SCORING_RULE.test(`${ind.explain ?? ""} ${ind.basis?.text ?? ""}`)) continue;
        if (!(ind.weight?.value && ind.score.value.gte(ind.weight.value) && rate?.lt(100))) continue;
      }
      out.push({
        pos: ind.score.pos,
        message: {
          zh: `${label(ind)}：预算执行率为${show(round(rate!, 2))}%${amounts.zh}，按分值${show(ind.weight!.value!)}应得${show(c.ruleScore)}分，填报${show(ind.score.value)}分`,
          en: `${labelEn(ind)}: budget execution is ${show(round(rate!, 2))}%${amounts.en}, so it scores ${show(c.ruleScore)}, not ${show(ind.score.value)}`,
        },
        data: { score: ind.score.value.toFixed(), ruleScore: c.ruleScore.toFixed(), rate: round(rate!, 4).toFixed() },
        fix: [{ kind: "set-value", sheet: table.sheet, cell: posToA1(ind.score.pos), value: c.ruleScore.toNumber(), reason: "按执行率计分" }],
      });
    }
    // A source amount whose formula could not be evaluated leaves the sum of the sources unknown.
    const partsUnknown = !!f && calc.uncomputed.some((u) => u.pos.col === f.budget?.pos.col && u.pos.row >= f.range.top && u.pos.row <= f.range.bottom);
    if (f?.budget?.value && f.budgetParts.length >= 1 && !partsUnknown && !isUnknown(calc, f.budget.pos)) {
      const parts = sum(f.budgetParts.map((p) => p.value));
      // With one source filled in, the others may simply be left blank: only a total below it is certain.
      const wrong = f.budgetParts.length >= 2 ? !parts.eq(f.budget.value) : f.budget.value.lt(parts);
      if (wrong)
        out.push({
          pos: f.budget.pos,
          message: {
            zh: f.budgetParts.length >= 2 ? `年度资金总额${show(f.budget.value)}不等于各来源之和${show(parts)}` : `年度资金总额${show(f.budget.value)}小于其中所列来源${show(parts)}`,
            en: f.budgetParts.length >= 2 ? `the annual total ${show(f.budget.value)} is not the sum of its sources ${show(parts)}` : `the annual total ${show(f.budget.value)} is below the source listed under it (${show(parts)})`,
          },
          data: { total: f.budget.value.toFixed(), parts: parts.toFixed() },
        });
    }
    return out;
  },
};
