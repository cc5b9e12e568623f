import type { Decimal } from "decimal.js";
import type { Direction } from "../model";
import { isPercent, type IndicatorValue } from "../values/indicator-value";
import { onTime } from "../values/deadline";
import { Dec, round, show } from "../values/decimal";
import { QUALITATIVE_BANDS, SCORE_PLACES } from "../standards";

export type Status = "met" | "partial" | "missed" | "unknown";
export type ReverseRule = "ratio" | "linear";

/** How far an indicator reached its target, and what score the published rules give it. */
export interface Assessment {
  status: Status;
  /** Achievement as a fraction (quantitative only): actual ÷ target, or its reverse. */
  ratio?: Decimal;
  /** Qualitative: the band of the weight the score must fall in, as fractions. */
  band?: [Decimal, Decimal];
  /** A reverse (≤) indicator missed by exceeding its target. */
  reverse?: boolean;
  /**
   * Read from soft wording ("基本完成", "较好", "初步建立"): a judgement, not arithmetic. Checks
   * may warn on it but never call it an error.
   */
  soft?: boolean;
  /** Plain-language account: "实际完成值96%低于目标值98%". */
  why: { zh: string; en: string };
}

const { met: BAND_MET, partial: BAND_PARTIAL, missed: BAND_MISSED } = QUALITATIVE_BANDS;

const MONEY: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };
const PEOPLE: Record<string, number> = { 人: 1, 人次: 1, 万人: 1e4, 万人次: 1e4 };
const LENGTH: Record<string, number> = { 毫米: 1e-3, 厘米: 1e-2, 米: 1, m: 1, 千米: 1e3, 公里: 1e3, km: 1e3, 万公里: 1e7 };
const MASS: Record<string, number> = { 克: 1e-3, 斤: 0.5, 公斤: 1, 千克: 1, kg: 1, 吨: 1e3, t: 1e3, 万吨: 1e7 };
const AREA: Record<string, number> = { 亩: 1, 万亩: 1e4, 公顷: 15, 万公顷: 15e4 };

/**
 * "485000" beside "≤50万元": a bare figure a hundred times or more the other side's, whose unit
 * counts in 万 or 亿, is most likely in the base unit (元, 人, 亩): which one is not said, so no
 * comparison is made.
 */
function bareBesideScaled(target: IndicatorValue, actual: IndicatorValue): boolean {
  const [bare, scaled] = !actual.unit && target.unit ? [actual, target] : !target.unit && actual.unit ? [target, actual] : [null, null];
  if (!bare || !scaled || !/^(万|亿)/.test(scaled.unit!) || scaled.number!.isZero()) return false;
  return bare.number!.abs().div(scaled.number!.abs()).gte(100);
}

/** Converts `value` in `from` units to `to` units where both are money or both head-counts. */
export function convertUnit(value: Decimal, from?: string, to?: string): Decimal | null {
  if ((from ?? "") === (to ?? "")) return value;
  // "200万" beside "195.5万元": a bare 万 is the same 万 the other side spells out.
  if ((from === "万" && to?.startsWith("万")) || (to === "万" && from?.startsWith("万"))) return value;
  for (const table of [MONEY, PEOPLE, LENGTH, MASS, AREA]) {
    if (from && to && from in table && to in table) return value.times(table[from]).div(table[to]);
  }
  // One side carries no unit (a bare figure beside "万人"): take them as the same.
  if (!from || !to) return value;
  return null;
}

function describe(v: IndicatorValue): string {
  return v.raw || "（空）";
}

/**
 * The actual as a percentage beside a percentage target. Under a "%" unit column a figure such as
 * 0.925 against 90 is a fraction typed as such (92.5%); a bare 1 could be 1% or 100%, so unknown.
 * A change the other way ("上升2.1%" against "下降5%") counts as below nothing.
 */
function percentOf(target: IndicatorValue, actual: IndicatorValue): Decimal | null {
  let a = actual.number!;
  if (target.number!.gt(1) && a.lte(1) && a.gt(0) && !/%/.test(actual.raw)) {
    if (a.eq(1)) return null;
    a = a.times(100);
  }
  if (target.change && actual.change && actual.change !== target.change) a = a.negated();
  return a;
}

/** Quantitative comparison of actual against target in the indicator's direction. */
export function assessQuantity(target: IndicatorValue, actual: IndicatorValue, direction: Direction): Assessment | null {
  if (target.kind !== "number" || actual.kind !== "number" || !target.number || !actual.number) return null;
  if (isPercent(target) !== isPercent(actual)) return null;
  const a0 = isPercent(target) ? percentOf(target, actual) : convertUnit(actual.number, actual.unit, target.unit);
  if (a0 === null || bareBesideScaled(target, actual)) return null;
  const t = target.number;
  const a = a0.isNegative() ? new Dec(0) : a0;
  const T = describe(target);
  const A = describe(actual);
  const bound = boundedActual(actual, a, t, direction);
  if (bound) return { ...bound, why: bound.status === "met" ? { zh: `实际完成值“${A}”达到目标值“${T}”`, en: `actual ${A} meets target ${T}` } : bound.status === "missed" ? { zh: `实际完成值“${A}”未达到目标值“${T}”`, en: `actual ${A} falls short of target ${T}` } : { zh: `实际完成值“${A}”只给出界限，无法与目标值“${T}”比较`, en: `actual ${A} gives only a bound, not comparable with target ${T}` } };
  if (direction === "reverse") {
    if (a.lte(t)) return { status: "met", ratio: new Dec(1), why: { zh: `实际值“${A}”未超过目标值“${T}”`, en: `actual ${A} within target ${T}` } };
    const ratio = a.isZero() ? new Dec(0) : t.div(a);
    return { status: "missed", ratio, reverse: true, why: { zh: `实际值“${A}”超过目标值“${T}”（反向指标）`, en: `actual ${A} exceeds target ${T} (reverse indicator)` } };
  }
  if (t.isZero()) {
    const met = a.lte(0);
    return { status: met ? "met" : "missed", ratio: new Dec(met ? 1 : 0), why: { zh: `目标值为0，实际值“${A}”`, en: `target 0, actual ${A}` } };
  }
  if (a.gte(t)) return { status: "met", ratio: new Dec(1), why: { zh: `实际完成值“${A}”达到目标值“${T}”`, en: `actual ${A} meets target ${T}` } };
  const ratio = a.div(t);
  return {
    status: "missed",
    ratio,
    why: {
      zh: `实际完成值“${A}”低于目标值“${T}”（完成${show(round(ratio.times(100), 2))}%）`,
      en: `actual ${A} is below target ${T} (${show(round(ratio.times(100), 2))}% achieved)`,
    },
  };
}

/**
 * An actual typed as a bound ("90%以上", "≥95%", "低于98%", "未达到95%") tells only on which side
 * of it the figure lies: it meets or misses the target only when the bound settles it (and then
 * by how much is unknown); otherwise the comparison is left open.
 */
function boundedActual(actual: IndicatorValue, a: Decimal, t: Decimal, direction: Direction): Pick<Assessment, "status" | "reverse"> | null {
  const c = actual.comparator;
  if (!c || c === "=") return null;
  const atLeast = c === ">=" || c === ">";
  if (direction === "reverse") {
    if (!atLeast && a.lte(t)) return { status: "met" };
    if (atLeast && (c === ">" ? a.gte(t) : a.gt(t))) return { status: "missed", reverse: true };
    return { status: "unknown" };
  }
  if (atLeast && a.gte(t)) return { status: "met" };
  if (!atLeast && (c === "<" ? a.lte(t) : a.lt(t))) return { status: "missed" };
  return { status: "unknown" };
}

const NEGATION = /^(未|不|没有|没|无|否|尚未|暂未|非)/;
const PARTIAL = /(部分|大部分|较好|一般|初步|逐步|有所)/;
/** "基本达成", "基本健全": 全部或基本达成 is the top band (80%–100%), as the provincial rules word it. */
const MOSTLY = /^基本/;
/** Wording that says outright that only part was done, as opposed to "基本", "较好", "逐步". */
const PLAINLY_PARTIAL = /(部分(完成|达成|实现|到位|落实)|未全部|未完全|大部分)/;
const MET = /(达到|达成|完成|实现|已|是|有效|合格|及时|符合|充分|规范|合理|明确|科学|健全|合规|提高|提升|保障|按时|良好|优|满意|准确|到位|安全|稳定|增强|改善|促进|持续|显著|明显|正常|无差错|零)/;

/** What a target guards against: "无事故", "未发现问题", "无不合格" say none of it happened. */
const HARM = /(事故|违规|违纪|违法|违约|延误|延期|逾期|滞后|差错|错误|失误|超标|超支|问题|不合格|投诉|纠纷|上访|信访|隐患|风险|损失|拖欠|欠薪|挪用|截留|浪费|闲置|污染|发生)/;
/** A target of none: 零事故, 杜绝…, 0起, 不发生. */
const NONE_TARGET = /^(零|杜绝|0|〇|不发生|无|未发生|没有)/;
/** Answers that say the opposite of each other, and nothing else. */
const ANSWER_OPPOSITES: Record<string, string[]> = { 是: ["否", "不是"], 有: ["无", "没有"], 能: ["不能"], 已: ["未"] };
const opposite = (x: string, y: string) => !!ANSWER_OPPOSITES[x]?.includes(y) || !!ANSWER_OPPOSITES[y]?.includes(x);

/**
 * Wording of opposite sense. Only a plain contradiction (是/否, 有/无, 完成/未完成 — the same word
 * negated) is a miss; "无事故" against "安全" or "零事故" meets it (none of the harm); any other
 * negated word against an unnegated one is left unclear, never a miss.
 */
function opposedWording(t: string, a: string): "contradicts" | "none-of-a-harm" | "unclear" | null {
  const tNeg = NEGATION.test(t);
  const aNeg = NEGATION.test(a);
  if (tNeg === aNeg) return null;
  if (t.replace(NEGATION, "") === a.replace(NEGATION, "")) return "contradicts";
  if (opposite(t, a)) return "contradicts";
  const [negated, plain] = aNeg ? [a, t] : [t, a];
  const rest = negated.replace(NEGATION, "");
  if (/^有/.test(plain) && /^(无|没有)/.test(negated) && plain.slice(1) === rest) return "contradicts";
  const harmless = aNeg && (HARM.test(rest) || NONE_TARGET.test(t));
  // The actual says none of a harm: met, whatever positive or none target it stands against.
  if (harmless) return "none-of-a-harm";
  // The target asks for none of a harm ("无违规"), the actual says so positively ("合规", "安全").
  if (tNeg && HARM.test(rest) && MET.test(plain) && !HARM.test(plain)) return "none-of-a-harm";
  // The word the other side asks for, negated: "未改善" against "明显改善", "违规1起" against "无违规".
  if (rest.length >= 2 && plain.includes(rest)) return "contradicts";
  return "unclear";
}

/** Grade words from best down: 优 against 合格 is a grade short. */
const GRADE_LADDER: RegExp[] = [/^(优|优秀)$/, /^(良|良好)$/, /^(中|中等|合格|一般)$/, /^(差|较差|不合格)$/];
function gradeRank(w: string): number | null {
  const i = GRADE_LADDER.findIndex((r) => r.test(w));
  return i < 0 ? null : GRADE_LADDER.length - i;
}
const RISE = /(提升|提高|增长|增加|改善|增强|上升)/;
const FALL = /(下降|降低|减少|减弱|恶化|下滑|退步)/;

/** Qualitative comparison of words: 是/是, 及时/及时, 有效/达到了目标值. */
export function assessWords(target: IndicatorValue, actual: IndicatorValue, tableYear?: number | null): Assessment {
  const t = target.word ?? target.raw;
  const a = actual.word ?? actual.raw;
  const why = (zh: string, en: string) => ({ zh: `${zh}（目标“${target.raw}”，实际“${actual.raw}”）`, en: `${en} (target “${target.raw}”, actual “${actual.raw}”)` });
  if (!a) return { status: "unknown", why: why("实际完成值为空", "actual is empty") };
  if (target.deadline && actual.deadline) {
    // A late date is a miss the rules leave to judgment: no band, no proportional score.
    if (onTime(actual.deadline, target.deadline, tableYear)) return { status: "met", band: BAND_MET, why: why("按期完成", "done by the deadline") };
    return { status: "missed", why: why("晚于规定时限完成", "done after the deadline") };
  }
  if (t && a === t) return { status: "met", band: BAND_MET, why: why("实际与目标一致", "actual equals target") };
  const polarity = t ? opposedWording(t, a) : null;
  if (polarity === "contradicts") return { status: "missed", band: BAND_MISSED, why: why("实际与目标相反", "actual contradicts target") };
  if (polarity === "none-of-a-harm") return { status: "met", band: BAND_MET, why: why("未发生目标所要避免的情况", "none of what the target guards against") };
  const aNeg = NEGATION.test(a);
  const tNeg = NEGATION.test(t);
  if (polarity === "unclear") return { status: "unknown", why: why("无法判断完成情况", "achievement unclear") };
  if (aNeg && !tNeg && /(达到|完成|达成|实现)/.test(a)) return { status: "missed", band: BAND_MISSED, why: why("未达成年度指标", "target not achieved") };
  const ranks = [gradeRank(t), gradeRank(a)];
  if (ranks[0] !== null && ranks[1] !== null)
    return ranks[1] >= ranks[0] ? { status: "met", band: BAND_MET, why: why("达成年度指标", "target achieved") } : { status: "missed", band: BAND_PARTIAL, why: why("实际等级低于目标等级", "actual grade below the target grade") };
  if (RISE.test(t) && FALL.test(a) && !FALL.test(t)) return { status: "missed", band: BAND_MISSED, why: why("实际与目标方向相反", "actual moved the other way") };
  // "较上年提升" asks only for a rise: "有所提升" meets it (only 显著/大幅 ask for more).
  const rise = /^(较上年|比上年|同比|逐年|稳步|持续)?(提升|增长|提高|增加|改善)$/.exec(t);
  if (rise && new RegExp(`^(有所|已|稳步|逐步|持续|明显|显著|有效|不断)?${rise[2]}`).test(a)) return { status: "met", band: BAND_MET, why: why("达成年度指标", "target achieved") };
  if (MOSTLY.test(a) && !MOSTLY.test(t)) return { status: "met", band: BAND_MET, soft: true, why: why("基本达成年度指标", "target mostly achieved") };
  // "较健全" against "健全": a degree short of the target, said softly.
  const short = /^(较|比较)/.test(a) && !/^(较|比较)/.test(t);
  if (PARTIAL.test(a) || short) return { status: "partial", band: BAND_PARTIAL, soft: !PLAINLY_PARTIAL.test(a), why: why("部分达成年度指标", "target partly achieved") };
  if (!aNeg && MET.test(a)) return { status: "met", band: BAND_MET, why: why("达成年度指标", "target achieved") };
  return { status: "unknown", why: why("无法判断完成情况", "achievement unclear") };
}

/** Score the published rule gives for an assessment (null when the rules leave it to judgment). */
export function ruleScore(a: Assessment, weight: Decimal, reverseRule: ReverseRule): Decimal | null {
  if (a.status === "met") return weight;
  if (a.ratio === undefined) return null;
  if (a.reverse && reverseRule === "linear") {
    // Linear reverse rule: (1 − (actual − target)/target) × weight, 0 from twice the target.
    const overshoot = new Dec(1).div(a.ratio).minus(1);
    const share = new Dec(1).minus(overshoot);
    return share.lte(0) ? new Dec(0) : round(share.times(weight), SCORE_PLACES);
  }
  return round(a.ratio.times(weight), SCORE_PLACES);
}
