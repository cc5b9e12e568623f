import type { Decimal } from "decimal.js";
import { Dec } from "./decimal";
import { norm } from "../text/normalize";
import type { CellValue } from "../grid/types";
import { isCellError } from "../grid/types";
import { chineseNumeral } from "./number-text";
import { readDeadline, serialDeadline, isDateFormat, type Deadline } from "./deadline";

export type Comparator = ">=" | "<=" | ">" | "<" | "=";
export type { Deadline } from "./deadline";

/**
 * A target or actual as written: a quantity (with comparator, unit, percent), a word, a deadline
 * (kind "text" with `deadline`: qualitative-like, never a number), or "na" for "/" and "—" (not
 * applicable: no target, and no check reads it).
 */
export interface IndicatorValue {
  raw: string;
  kind: "number" | "text" | "empty" | "error" | "na";
  comparator?: Comparator;
  number?: Decimal;
  /** True when the quantity is a percentage; number then holds the percent figure (98 for 98%). */
  percent?: boolean;
  unit?: string;
  /** key-normalised text for qualitative comparison. */
  word?: string;
  /** The 度量单位 column's unit where the text carries a different one of its own ("5人/10万人" under "%"). */
  columnUnit?: string;
  /** A date the work is due by ("2023年12月底前") or was done on ("2023年11月20日"). */
  deadline?: Deadline;
  /** A change written in words before the figure: "同比下降10%" (down), "增长5%" (up). */
  change?: "down" | "up";
}

/**
 * Comparators as typed, after NFKC (which folds ＞＝ ﹤ ﹥ ＜ to ASCII): ≥ ≧ ⩾ >= => ›= ≮ and their
 * mirror images, and the words. Longer forms come first so "=>" is never read as "=".
 */
const COMPARATOR_PREFIX: [RegExp, Comparator][] = [
  [/^(≥|≧|⩾|>=|=>|›=|≮|大于等于|大于或等于|不低于|不少于|不小于|至少|达到)/, ">="],
  [/^(≤|≦|⩽|<=|=<|‹=|≯|小于等于|小于或等于|不高于|不超过|不多于|不大于|最多|控制在)/, "<="],
  [/^(>|›|大于|高于|超过|多于)/, ">"],
  [/^(<|‹|小于|低于|少于|未达到|未达|不足|不到|未满)/, "<"],
  [/^(=|﹦|等于)/, "="],
];

/** "95%以上", "5%（含）以下", "3天以内". */
const COMPARATOR_SUFFIX: [RegExp, Comparator][] = [
  [/(\(含\))?(以上|及以上|或以上)(\(含\))?$/, ">="],
  [/(\(含\))?(以下|及以下|或以下|以内|之内|内)(\(含\))?$/, "<="],
];

/** "/", "—", "不适用": the indicator does not apply this year. */
const NOT_APPLICABLE = /^([/／\\—–\-－_…]+|不适用|不涉及|N\/?A)$/i;

const UNIT =
  "%|‰|万人次|人次|万人|万户|万元|亿元|千元|元|人|户|次|个|件|项|份|本|天|个工作日|工作日|日|个月|月|年|小时|分钟|家|所|台|套|处|" +
  "平方公里|平方千米|平方米|立方米|公顷|厘米|毫米|千米|公里|米|千克|公斤|克|吨|千瓦时|千瓦|升|场|期|批|篇|条|张|册|岗|名|辆|亩|" +
  "起|例|宗|座|栋|间|床|头|只|株|棵|所次|人日|课时|学时|场次|户次|批次|岁|斤|羽|尾|个百分点|百分点|分|万";

/** Units written in Latin letters, as environmental and engineering tables do. */
const LATIN_UNIT = "μg/m³|μg/m3|ug/m3|mg/m³|mg/m3|mg/L|m³|m3|m²|m2|km|kg|kWh|t|m";

/** "元/亩", "万元/公里", "元/人·月", "微克/立方米", "次/年": an amount per something. */
const PER_UNIT = `(?:万|千|亿)?(?:${UNIT}|微克|毫克)(?:/|每)(?:\\d*(?:万|千|百)?)(?:人·月|人·年|人月|人年|学期|学年|m3|m³|m2|m²|km|${UNIT})`;

const UNIT_WORD = new RegExp(`^(?:万|千|亿)?(?:${UNIT})$`);

/** Whether a word is a unit of measure ("万公里", "人次", "%"), not any text in brackets. */
export function isUnitWord(word: string): boolean {
  return UNIT_WORD.test(norm(word));
}

/** Text before the figure ("约", "完成") never holds a digit: "5人/10万人" is not 10 万人. */
const QUANTITY = new RegExp(`^([^\\d]{0,12}?)([+-]?\\d+(?:\\.\\d+)?)(${PER_UNIT}|${LATIN_UNIT}|(?:万|千|亿)?(?:${UNIT}))?$`);

/** Comparator words inside the text before the figure: "每次不超过30分钟", "优良天数≥300天". */
const COMPARATOR_INSIDE: [RegExp, Comparator][] = [
  [/(≥|≧|⩾|>=|不低于|不少于|不小于|至少)/, ">="],
  [/(≤|≦|⩽|<=|不高于|不超过|不多于|不大于|最多|控制在)/, "<="],
];

/** A change in words before the figure: "同比下降10%", "较上年增长5%". */
const CHANGE_DOWN = /(下降|降低|减少|压减|缩减|降幅)/;
const CHANGE_UP = /(上升|增长|增加|提高|提升|增幅)/;

/** A rate per population: "5人/10万人", "2例/万人". */
const PER_CAPITA = /^([+-]?\d+(?:\.\d+)?)(人|例|次|起|个|户|件)\/(\d*(?:万|千|百)?(?:人次|人|户))$/;

/** Normalise the comparator printed in a 指标性质 column. */
export function readComparator(text: string): Comparator | "qualitative" | null {
  const t = norm(text);
  if (!t) return null;
  if (/定性/.test(t)) return "qualitative";
  for (const [re, c] of COMPARATOR_PREFIX) if (re.test(t) && t.replace(re, "") === "") return c;
  // 定量 says the indicator is a quantity, not which way it counts.
  if (/^正向/.test(t)) return ">=";
  if (/^反向/.test(t)) return "<=";
  return null;
}

/** Whether a value is a percentage: printed with %, formatted as %, or under a "%" unit column. */
export function isPercent(v: IndicatorValue): boolean {
  return !!v.percent || v.unit === "%";
}

/** Parse a target/actual cell. `numberFormat` tells a 0.98 shown as 98% apart from 0.98. */
export function parseIndicatorValue(v: CellValue, numberFormat?: string | null, unitColumn?: string): IndicatorValue {
  if (v === null || (typeof v === "string" && v.trim() === "")) return { raw: "", kind: "empty" };
  if (isCellError(v)) return { raw: v.error, kind: "error" };
  if (typeof v === "boolean") return { raw: String(v), kind: "text", word: v ? "是" : "否" };
  const unitFromColumn = unitColumn ? norm(unitColumn) : undefined;
  if (typeof v === "number") {
    if (isDateFormat(numberFormat)) {
      const d = serialDeadline(v);
      if (d) return { raw: d.text, kind: "text", word: d.text, deadline: d };
    }
    const isPct = !!numberFormat && numberFormat.includes("%");
    const n = isPct ? new Dec(v).times(100) : new Dec(v);
    const percentUnit = unitFromColumn === "%";
    return {
      raw: isPct ? `${n.toFixed()}%` : String(v),
      kind: "number",
      number: n,
      percent: isPct || percentUnit || undefined,
      unit: isPct ? "%" : unitFromColumn || undefined,
    };
  }
  const raw = v.trim();
  const t = norm(raw).replace(/,/g, "");
  if (NOT_APPLICABLE.test(t)) return { raw, kind: "na" };
  const deadline = readDeadline(t);
  if (deadline) return { raw, kind: "text", word: t, deadline };
  const read = readText(raw, t, unitFromColumn);
  // "95%（含95%）", "100%（已完成）": a remark in brackets after the figure does not change it.
  const remark = /^(.*\d.*?)\([^()]*\)$/.exec(t);
  if (read.kind === "text" && remark) {
    const bare = readText(raw, remark[1], unitFromColumn);
    if (bare.kind === "number") return bare;
  }
  return read;
}

function readText(raw: string, text: string, unitFromColumn: string | undefined): IndicatorValue {
  let t = text;
  let comparator: Comparator | undefined;
  for (const [re, c] of COMPARATOR_PREFIX) {
    if (re.test(t) && !(c === ">=" && /^达到/.test(t) && !/\d/.test(t))) {
      comparator = c;
      t = t.replace(re, "");
      break;
    }
  }
  for (const [re, c] of COMPARATOR_SUFFIX) {
    if (re.test(t) && /\d/.test(t)) {
      comparator = comparator ?? c;
      t = t.replace(re, "");
      break;
    }
  }
  t = t.replace(/\(含\)$/, "");
  const m = QUANTITY.exec(t);
  if (m && !/[前后底初末内]$/.test(t)) {
    const unit = m[3] || unitFromColumn || undefined;
    const lead = m[1];
    comparator ??= COMPARATOR_INSIDE.find(([re]) => re.test(lead))?.[1];
    const change = CHANGE_DOWN.test(lead) ? "down" : CHANGE_UP.test(lead) ? "up" : undefined;
    return {
      raw,
      kind: "number",
      comparator,
      ...(change ? { change } : {}),
      number: new Dec(m[2]),
      percent: unit === "%" || undefined,
      unit,
      columnUnit: m[3] && unitFromColumn && unitFromColumn !== m[3] ? unitFromColumn : undefined,
    };
  }
  const rate = PER_CAPITA.exec(t);
  if (rate) {
    const unit = `${rate[2]}/${rate[3]}`;
    return { raw, kind: "number", comparator, number: new Dec(rate[1]), unit, columnUnit: unitFromColumn && unitFromColumn !== unit ? unitFromColumn : undefined };
  }
  const cn = chineseNumeral(t);
  if (cn !== null) return { raw, kind: "number", comparator, number: new Dec(cn), unit: unitFromColumn || undefined };
  return { raw, kind: "text", comparator, word: norm(raw).replace(/[。.，,；;]$/, "") };
}
