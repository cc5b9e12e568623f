/**
 * Every domain number in one place, as ../shared/domain/scoring-rules.md states it: grade bands,
 * the national 一级 split, full marks, rounding, budget-execution scoring and the qualitative bands.
 * Rules, recalculation, messages and the narrative read them from here, so a figure in a message can
 * never drift from the figure the check uses.
 */
import type { Decimal } from "decimal.js";
import type { Grade, GradeBand } from "./model";
import { Dec, round } from "./values/decimal";

/** Weights of a complete table add up to this. */
export const FULL_MARKS = new Dec(100);

/** Scores are rounded to two decimals, half away from zero (Excel's ROUND). */
export const SCORE_PLACES = 2;

/** Totals agree with their rows within this, after rounding to the table's own precision. */
export const ROUNDING_TOLERANCE = "0.005";

/**
 * A declared indicator score agrees with the rule's score within half a unit of the table's last
 * printed decimal, and never less than one cent (scores are printed to two places).
 */
export const SCORE_SLACK_MIN = new Dec("0.01");

/** Grade bands, best first: a total at or above `min` earns `grade` (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差). */
export const GRADE_BANDS: readonly { grade: Grade; min: number }[] = [
  { grade: "优", min: 90 },
  { grade: "良", min: 80 },
  { grade: "中", min: 60 },
  { grade: "差", min: 0 },
];

export const GRADE_EN: Record<Grade, string> = { 优: "excellent", 良: "good", 中: "fair", 差: "poor" };

/**
 * 优 ≥ 90; 良 80–<90; 中 60–<80; 差 < 60 — or the bands a table states instead (null where the
 * total falls in a band of another scale's word, such as 合格).
 */
export function gradeOf(total: Decimal): Grade;
export function gradeOf(total: Decimal, scale: readonly GradeBand[] | undefined): Grade | null;
export function gradeOf(total: Decimal, scale?: readonly GradeBand[]): Grade | null {
  if (scale?.length) {
    for (const b of scale) if (b.inclusive ? total.gte(b.min) : total.gt(b.min)) return b.grade;
    return scale[scale.length - 1].grade;
  }
  for (const b of GRADE_BANDS) if (total.gte(b.min)) return b.grade;
  return "差";
}

/** The total a grade is judged on: of 100, or as a share of a sub-table's own full marks (46 of 50 is 92). */
export function onHundred(total: Decimal, fullMarks: Decimal | undefined): Decimal {
  return fullMarks && !fullMarks.isZero() ? total.times(100).div(fullMarks) : total;
}

/** A stated scale as the messages quote it: "优秀≥85，良好≥70，合格≥60，不合格<60". */
export function scaleText(scale: readonly GradeBand[]): string {
  return scale.map((b, i) => (i === scale.length - 1 && b.min.isZero() ? `${b.word}<${scale[i - 1]?.min.toString() ?? ""}` : `${b.word}${b.inclusive ? "≥" : ">"}${b.min.toString()}`)).join("，");
}

/** "优≥90，良≥80，中≥60，差<60" for messages. */
export function gradeBandsText(lang: "zh" | "en"): string {
  const [a, b, c] = GRADE_BANDS;
  if (lang === "en") return `excellent ≥ ${a.min}, good ≥ ${b.min}, fair ≥ ${c.min}, poor < ${c.min}`;
  return `${a.grade}≥${a.min}，${b.grade}≥${b.min}，${c.grade}≥${c.min}，差<${c.min}`;
}

/** "优≥90分、良80–90分、中60–80分、差<60分" as the narrative's 整改措施 writes it. */
export function gradeRangesText(): string {
  const [a, b, c] = GRADE_BANDS;
  return `${a.grade}≥${a.min}分、${b.grade}${b.min}–${a.min}分、${c.grade}${c.min}–${b.min}分、差<${c.min}分`;
}

/** 财预〔2020〕10号 附1: the national project form's 一级 split, in points. */
export const NATIONAL_SPLIT = { 产出: 50, 效益: 30, 满意度: 10, 预算执行率: 10 } as const;
export type SplitCategory = keyof typeof NATIONAL_SPLIT;

/** "产出50、效益30、满意度10、预算执行率10". */
export function nationalSplitText(lang: "zh" | "en", unit = ""): string {
  const s = NATIONAL_SPLIT;
  if (lang === "en") return `output ${s.产出}, outcome ${s.效益}, satisfaction ${s.满意度}, budget execution ${s.预算执行率}`;
  return (Object.keys(s) as SplitCategory[]).map((k) => `${k}${s[k]}${unit}`).join("、");
}

/** The national form's funds block carries the 预算执行率 score; the indicators then add up to 90. */
export const FUNDS_WEIGHT = new Dec(NATIONAL_SPLIT.预算执行率);
export const INDICATORS_BESIDE_FUNDS = FULL_MARKS.minus(FUNDS_WEIGHT);

/**
 * Where a funds block reserves 10 points, a weight total below this midpoint of 90 and 100 was meant
 * as 90 (indicators only), at or above it as 100.
 */
export const FUNDS_RESERVE_MIDPOINT = INDICATORS_BESIDE_FUNDS.plus(FULL_MARKS).div(2);

/** 预算执行率 below this (percent) needs a reason (Sichuan's rule, common practice elsewhere). */
export const EXECUTION_REASON_BELOW = 90;

/** 预算执行率 (a percent figure) → its score: 执行率 × 分值, at most the 分值, rounded to two places. */
export function executionScore(ratePercent: Decimal, weight: Decimal): Decimal {
  return round(executionShare(ratePercent).times(weight), SCORE_PLACES);
}

/** 执行率 as a share of full marks, capped at 1 (over-spending earns no more than full). */
export function executionShare(ratePercent: Decimal): Decimal {
  return Dec.min(ratePercent.div(100), 1);
}

/** Qualitative results: the share of the weight a score must fall in, [lower, upper]. */
export const QUALITATIVE_BANDS = {
  /** 达成年度指标: [80 %, 100 %]. */
  met: [new Dec("0.8"), new Dec(1)] as [Decimal, Decimal],
  /** 部分达成年度指标并具有一定效果: [60 %, 80 %). */
  partial: [new Dec("0.6"), new Dec("0.8")] as [Decimal, Decimal],
  /** 未达成年度指标且效果较差: [0, 60 %). */
  missed: [new Dec(0), new Dec("0.6")] as [Decimal, Decimal],
};
