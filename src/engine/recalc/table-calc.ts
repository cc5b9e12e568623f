import type { Decimal } from "decimal.js";
import type { FundsBlock, Grade, GradeBand, Indicator, NumberCell, ScoringTable, SummaryRow, TextBlock } from "../model";
import type { CellPos } from "../grid/types";
import type { UncomputedCell } from "../formula/workbook";
import { posToA1 } from "../grid/address";
import { round, sum } from "../values/decimal";
import { assessQuantity, assessWords, ruleScore, type Assessment, type ReverseRule } from "./assess";
import { executionRate, findEvidence, type Evidence } from "./evidence";
import { executionScore, FULL_MARKS, gradeOf, onHundred, SCORE_PLACES } from "../standards";
import { linkedTexts } from "./linked-text";
import { scaleInTexts } from "../recognize/grade-scale";
import { statedRateSlack } from "./printed";
import { blankFundsScore } from "./funds-cells";
import { parseIndicatorValue } from "../values/indicator-value";
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
  /** A member's weight (score) is a formula that could not be evaluated: the sum is not known. */
  weightUnknown: boolean;
  scoreUnknown: boolean;
}

export interface TableCalc {
  table: ScoringTable;
  indicators: IndicatorCalc[];
  /** Indicators carrying a weight > 0 (the count the report shows). */
  weightedCount: number;
  /**
   * Rows without a weight of their own whose group carries the points (分值 merged over a 二级's
   * 三级 rows, or given beside the 二级 only): the weight total counts each such group once.
   */
  groupWeightedRows: Set<number>;
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
  /** How far the stated 执行率 may be from the computed one, given how precisely it was printed. */
  statedRateSlack: Decimal | null;
  fundsRuleScore: Decimal | null;
  /** The funds block's 得分 cell when its 分值 is set but the score is blank. */
  blankFundsScore: CellPos | null;
  subtotals: SummaryCalc[];
  grade: Grade | null;
  /** The grading scale the table states, or the workbook elsewhere; "unreadable" when stated but not understood. */
  gradeScale?: GradeBand[] | "unreadable";
  texts: TextBlock[];
  /**
   * Formula cells of the table without a cached value that could not be evaluated. Their values are
   * unknown, never 0: the totals that need them are null and the checks that need them are skipped.
   */
  uncomputed: UncomputedCell[];
  /** Rows marked not applicable ("/" or "—" for the target, actual, weight or score). */
  notApplicableRows: Set<number>;
}

/** Whether a cell of the table holds a formula whose value could not be evaluated. */
export function isUnknown(calc: Pick<TableCalc, "uncomputed">, pos: CellPos | null | undefined): boolean {
  return !!pos && calc.uncomputed.some((u) => u.pos.row === pos.row && u.pos.col === pos.col);
}

export interface CalcOptions {
  reverseRule: ReverseRule;
}

function assess(ind: Indicator, tableYear: number | null | undefined): Assessment {
  const none: Assessment = { status: "unknown", why: { zh: "未填写目标值或实际完成值", en: "no target or actual" } };
  if (!ind.target || !ind.actual || ind.target.kind === "empty" || ind.actual.kind === "empty") return none;
  // "/" or "—": the indicator does not apply; nothing is judged on it.
  if (ind.target.kind === "na" || ind.actual.kind === "na") return { status: "unknown", why: { zh: "指标不适用", en: "not applicable" } };
  if (ind.direction === "qualitative" || ind.target.kind === "text") {
    if (ind.actual.kind === "number" && ind.target.kind === "text") return { ...none, why: { zh: "目标为定性、实际为数值", en: "qualitative target, numeric actual" } };
    return assessWords(ind.target, ind.actual, tableYear);
  }
  // A 成本 target without ≤ or ≥ may be a ceiling or an amount to spend: unless recognition found it
  // reverse (a money unit under 成本), which way it counts is not known.
  const costGroup = /成本/.test(`${ind.level1 ?? ""}${ind.level2 ?? ""}`);
  // "=" on a cost standard (亩均补助400元) says what to spend, not that spending less misses it.
  const equalCost = costGroup && (ind.nature ?? ind.target.comparator) === "=";
  if (costGroup && ((!ind.nature && !ind.target.comparator) || equalCost) && ind.direction !== "reverse")
    return { ...none, why: { zh: "成本指标未标明“≤”或“≥”，无法判断完成情况", en: "a cost indicator without ≤ or ≥: its direction is unknown" } };
  const a = assessQuantity(ind.target, ind.actual, ind.direction);
  if (!a) return { ...none, why: { zh: "目标值与实际值无法比较", en: "target and actual cannot be compared" } };
  return ind.directionAssumed && a.status === "missed" ? { ...a, soft: true } : a;
}

export function calculateTable(table: ScoringTable, index: WorkbookIndex, options: CalcOptions): TableCalc {
  const texts = linkedTexts(table, index);
  // The table's own scale, or else one the workbook states in its other text (a 填表说明 sheet).
  const fromTexts = table.gradeScale ? null : scaleInTexts(texts);
  const gradeScale = table.gradeScale ?? (fromTexts ? ("bands" in fromTexts ? fromTexts.bands : ("unreadable" as const)) : undefined);
  const uncomputed = index.uncomputedIn(table);
  const gaps = new Set(uncomputed.map((u) => posToA1(u.pos)));
  const unknown = (c: NumberCell | null | undefined) => !!c && c.value === null && gaps.has(posToA1(c.pos));
  const indicators: IndicatorCalc[] = table.indicators.map((ind) => {
    let assessment = assess(ind, table.year);
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
  const funds = table.funds;
  // A sum over a value nobody could compute is not known: null, never the sum of the rest.
  const weightsUnknown = table.indicators.some((i) => unknown(i.weight)) || unknown(funds?.weight);
  const scoresUnknown = table.indicators.some((i) => unknown(i.score)) || unknown(funds?.score);
  const grouped = groupPoints(table);
  // Points given only beside the 一级/二级 (no weight column for the rows) still make the weight total.
  const weighted = table.hasWeights || (!!grouped && grouped.rows.size === table.indicators.length);
  const byLevels = levelColumnPoints(table);
  const indicatorWeightSum = byLevels ?? (weighted && !weightsUnknown ? sum(weights).plus(grouped?.points ?? 0) : null);
  const indicatorScoreSum = table.hasScores && !scoresUnknown ? sum(scores) : null;
  const rate = executionRate(funds);
  const fundsWeight = funds?.weight?.value ?? impliedFundsWeight(funds, indicatorWeightSum);
  const fundsRuleScore = fundsWeight && rate ? executionScore(rate, fundsWeight) : null;
  // A scored funds block whose points cannot be told leaves the weight total unknown, not short by them.
  const fundsWeightUnknown = !!funds?.score?.value && !fundsWeight;
  const weightTotal = indicatorWeightSum && !fundsWeightUnknown ? indicatorWeightSum.plus(fundsWeight ?? 0) : null;
  const scoreTotal = indicatorScoreSum ? indicatorScoreSum.plus(funds?.score?.value ?? 0) : null;
  const ruleScores = indicators.map((c) => c.ruleScore ?? c.indicator.score?.value ?? null);
  // A total over indicators the rules could not score (and nobody scored) would understate: none then.
  const undetermined = indicators.filter((c, i) => ruleScores[i] === null && (c.indicator.weight?.value?.gt(0) || unknown(c.indicator.weight))).length;
  const fundsUndetermined = !fundsRuleScore && unknown(funds?.score);
  const ruleScoreTotal =
    undetermined === 0 && !fundsUndetermined && indicators.length > 0 ? sum(ruleScores).plus(fundsRuleScore ?? funds?.score?.value ?? 0) : null;
  const subtotals = table.subtotals.map((row) => summarize(row, table, unknown));
  const completeWeights = weightTotal && weightTotal.eq(FULL_MARKS);
  // Where recognition doubts the totals (a part of a table split over sheets, a funds row slid a
  // column), a grade from them would be a guess.
  const totalsDoubted = (table.doubts ?? []).some((d) => d.suppresses?.includes("total-mismatch"));
  const gradeBasis = totalsDoubted ? null : (scoreTotal ?? (completeWeights ? ruleScoreTotal : null));
  return {
    table,
    indicators,
    weightedCount: table.hasWeights
      ? table.indicators.filter((i) => i.weight?.value?.gt(0) || unknown(i.weight) || grouped?.rows.has(i.row) || i.weightShared).length
      : table.indicators.length,
    groupWeightedRows: new Set([...(grouped?.rows ?? []), ...table.indicators.filter((i) => i.weightShared).map((i) => i.row)]),
    indicatorWeightSum,
    indicatorScoreSum,
    weightTotal,
    scoreTotal,
    ruleScoreTotal,
    undetermined,
    executionRate: rate,
    statedRateSlack: statedRateSlack(funds, table.sheet, index),
    blankFundsScore: blankFundsScore(funds, table.sheet, index),
    fundsRuleScore,
    subtotals,
    grade: gradeBasis && gradeScale !== "unreadable" ? gradeOf(onHundred(gradeBasis, table.fullMarks), gradeScale) : null,
    ...(gradeScale ? { gradeScale } : {}),
    texts,
    uncomputed,
    notApplicableRows: notApplicableRows(table, index),
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

/** "/" in a row's target, actual, weight or score: the indicator does not apply this year. */
function notApplicableRows(table: ScoringTable, index: WorkbookIndex): Set<number> {
  const roles = table.columns.roles;
  const cols = [roles.target, roles.actual, roles.weight, roles.score].filter((c): c is number => c !== undefined);
  const rows = new Set<number>();
  for (const ind of table.indicators) {
    const na = cols.some((col) => {
      const v = index.cell(table.sheet, { row: ind.row, col })?.value ?? null;
      return typeof v === "string" && parseIndicatorValue(v).kind === "na";
    });
    if (na) rows.add(ind.row);
  }
  return rows;
}

function summarize(row: SummaryRow, table: ScoringTable, unknown: (c: NumberCell | null) => boolean): SummaryCalc {
  const members = new Set(row.memberRows);
  const inds = table.indicators.filter((i) => members.has(i.row));
  return {
    row,
    weightSum: sum(inds.map((i) => i.weight?.value)),
    scoreSum: sum(inds.map((i) => i.score?.value)),
    weightUnknown: inds.some((i) => unknown(i.weight)),
    scoreUnknown: inds.some((i) => unknown(i.score)),
  };
}

/**
 * A funds block scored but with its 分值 left blank (or given only in its header, "分值（10分）"):
 * its points are what the indicators leave of the 100, when that is a funds block's share (at most
 * 20) and at least the score it got. Otherwise the weight total is left unknown rather than short.
 */
function impliedFundsWeight(funds: FundsBlock | null, indicatorWeights: Decimal | null): Decimal | null {
  if (!funds?.score?.value || !indicatorWeights) return null;
  const rest = FULL_MARKS.minus(indicatorWeights);
  return rest.gt(0) && rest.lte(20) && rest.gte(funds.score.value) ? rest : null;
}

/**
 * Groups whose points stand beside the group and not its rows: every row of theirs is without a
 * weight, and the group's declared points are theirs together. Only when every weightless row
 * belongs to such a group (the deepest that declares points); otherwise nothing is assumed.
 */
function groupPoints(table: ScoringTable): { points: Decimal; rows: Set<number> } | null {
  const weightless = table.indicators.filter((i) => !i.weight);
  if (weightless.length === 0 || table.groupWeights.length === 0) return null;
  const used = new Set<ScoringTable["groupWeights"][number]>();
  for (const ind of weightless) {
    const g = table.groupWeights.filter((x) => x.memberRows.includes(ind.row)).sort((a, b) => b.level - a.level)[0];
    if (!g || table.indicators.some((i) => i.weight && g.memberRows.includes(i.row))) return null;
    used.add(g);
  }
  return { points: sum([...used].map((g) => g.declared)), rows: new Set(weightless.map((i) => i.row)) };
}

/**
 * A 指标体系 whose points stand only in the 一级/二级 分值 columns, its 三级 rows bare names: the
 * weight total is the 一级 points (each 一级 counted once), not what a few sole children inherit.
 */
function levelColumnPoints(table: ScoringTable): Decimal | null {
  if (table.columns.roles.weight !== undefined || !table.columns.levelWeights?.length) return null;
  const level1 = table.groupWeights.filter((g) => g.level === 1);
  return level1.length >= 2 ? sum(level1.map((g) => g.declared)) : null;
}
