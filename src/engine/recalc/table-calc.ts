import type { Decimal } from "decimal.js";
import type { Grade, Indicator, ScoringTable, SummaryRow, TextBlock } from "../model";
import { round, sum } from "../values/decimal";
import { assessQuantity, assessWords, ruleScore, type Assessment, type ReverseRule } from "./assess";
import { executionRate, findEvidence, type Evidence } from "./evidence";
import { executionScore, FULL_MARKS, gradeOf, SCORE_PLACES } from "../standards";
import { linkedTexts } from "./linked-text";
import type { WorkbookIndex } from "./workbook-index";

export interface IndicatorCalc {
  indicator: Indicator;
  assessment: Assessment;
  evidence: Evidence | null;
  /** The rule's score, rounded to 2 places; null when the rules leave it to judgment. */
  ruleScore: Decimal | null;
}

export interface SummaryCalc {
  row: SummaryRow;
  weightSum: Decimal;
  scoreSum: Decimal;
}

export interface TableCalc {
  table: ScoringTable;
  indicators: IndicatorCalc[];
  /** Indicators carrying a weight > 0 (the count the report shows). */
  weightedCount: number;
  indicatorWeightSum: Decimal | null;
  indicatorScoreSum: Decimal | null;
  /** Including the funds block's 分值/得分 where it has them. */
  weightTotal: Decimal | null;
  scoreTotal: Decimal | null;
  ruleScoreTotal: Decimal | null;
  /** Weighted indicators whose score neither the table nor the rules give. */
  undetermined: number;
  /** 预算执行率 from the amounts, as a percent figure. */
  executionRate: Decimal | null;
  fundsRuleScore: Decimal | null;
  subtotals: SummaryCalc[];
  grade: Grade | null;
  texts: TextBlock[];
}

export interface CalcOptions {
  reverseRule: ReverseRule;
}

function assess(ind: Indicator): Assessment {
  const none: Assessment = { status: "unknown", why: { zh: "未填写目标值或实际完成值", en: "no target or actual" } };
  if (!ind.target || !ind.actual || ind.target.kind === "empty" || ind.actual.kind === "empty") return none;
  // "/" or "—": the indicator does not apply; nothing is judged on it.
  if (ind.target.kind === "na" || ind.actual.kind === "na") return { status: "unknown", why: { zh: "指标不适用", en: "not applicable" } };
  if (ind.direction === "qualitative" || ind.target.kind === "text") {
    if (ind.actual.kind === "number" && ind.target.kind === "text") return { ...none, why: { zh: "目标为定性、实际为数值", en: "qualitative target, numeric actual" } };
    return assessWords(ind.target, ind.actual);
  }
  return assessQuantity(ind.target, ind.actual, ind.direction) ?? { ...none, why: { zh: "目标值与实际值无法比较", en: "target and actual cannot be compared" } };
}

export function calculateTable(table: ScoringTable, index: WorkbookIndex, options: CalcOptions): TableCalc {
  const texts = linkedTexts(table, index);
  const indicators: IndicatorCalc[] = table.indicators.map((ind) => {
    let assessment = assess(ind);
    let evidence: Evidence | null = null;
    if (assessment.status === "unknown" && (!ind.target || ind.target.kind === "empty") && (!ind.actual || ind.actual.kind === "empty")) {
      evidence = findEvidence(ind, table, index, texts);
      if (evidence) assessment = evidence.assessment;
    }
    const w = ind.weight?.value ?? null;
    const rs = w ? ruleScoreWithinBand(assessment, w, ind.score?.value ?? null, options.reverseRule) : null;
    return { indicator: ind, assessment, evidence, ruleScore: rs };
  });
  const weights = table.indicators.map((i) => i.weight?.value ?? null);
  const scores = table.indicators.map((i) => i.score?.value ?? null);
  const indicatorWeightSum = table.hasWeights ? sum(weights) : null;
  const indicatorScoreSum = table.hasScores ? sum(scores) : null;
  const funds = table.funds;
  const rate = executionRate(funds);
  const fundsWeight = funds?.weight?.value ?? null;
  const fundsRuleScore = fundsWeight && rate ? executionScore(rate, fundsWeight) : null;
  const weightTotal = indicatorWeightSum ? indicatorWeightSum.plus(fundsWeight ?? 0) : null;
  const scoreTotal = indicatorScoreSum ? indicatorScoreSum.plus(funds?.score?.value ?? 0) : null;
  const ruleScores = indicators.map((c) => c.ruleScore ?? c.indicator.score?.value ?? null);
  // A total over indicators the rules could not score (and nobody scored) would understate: none then.
  const undetermined = indicators.filter((c, i) => ruleScores[i] === null && c.indicator.weight?.value?.gt(0)).length;
  const ruleScoreTotal = undetermined === 0 && indicators.length > 0 ? sum(ruleScores).plus(fundsRuleScore ?? funds?.score?.value ?? 0) : null;
  const subtotals = table.subtotals.map((row) => summarize(row, table));
  const completeWeights = weightTotal && weightTotal.eq(FULL_MARKS);
  const gradeBasis = scoreTotal ?? (completeWeights ? ruleScoreTotal : null);
  return {
    table,
    indicators,
    weightedCount: table.hasWeights ? weights.filter((w) => w && w.gt(0)).length : table.indicators.length,
    indicatorWeightSum,
    indicatorScoreSum,
    weightTotal,
    scoreTotal,
    ruleScoreTotal,
    undetermined,
    executionRate: rate,
    fundsRuleScore,
    subtotals,
    grade: gradeBasis ? gradeOf(gradeBasis) : null,
    texts,
  };
}

/**
 * Quantitative rules give a number; qualitative ones a band. Inside its band a declared score
 * stands; outside it the nearest edge is what the rule allows.
 */
function ruleScoreWithinBand(a: Assessment, weight: Decimal, declared: Decimal | null, reverseRule: ReverseRule): Decimal | null {
  if (a.band && a.status !== "met") {
    if (!declared) return null;
    const lo = round(a.band[0].times(weight), SCORE_PLACES);
    const hi = round(a.band[1].times(weight), SCORE_PLACES);
    return declared.lt(lo) ? lo : declared.gt(hi) ? hi : declared;
  }
  return ruleScore(a, weight, reverseRule);
}

function summarize(row: SummaryRow, table: ScoringTable): SummaryCalc {
  const members = new Set(row.memberRows);
  const inds = table.indicators.filter((i) => members.has(i.row));
  return { row, weightSum: sum(inds.map((i) => i.weight?.value)), scoreSum: sum(inds.map((i) => i.score?.value)) };
}
