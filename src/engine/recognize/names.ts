/** Names as printed: a weight carried in brackets, ★ marks, "指标1：" prefixes, spaced-out words. */
import type { Decimal } from "decimal.js";
import { key, tidy } from "../text/normalize";
import { CONTINUED_SUFFIX, CORE_MARK, INDICATOR_PREFIX, NAME_MARKS, TOTAL_LABEL, WEIGHT_IN_NAME } from "../text/vocabulary";
import { Dec } from "../values/decimal";

export interface NamedWeight {
  name: string;
  /** The weight printed in the name, as written (20 for "20分", 10.8 for "10.8%"). */
  weight: Decimal | null;
  /** "points" for "(20分)", "percent" for "(10.8%)". */
  unit: "points" | "percent" | null;
}

/** Splits "产出指标(50分)" / "决策（10.8%）" into the name and its declared weight. */
export function splitGroupWeight(text: string): NamedWeight {
  const t = text.normalize("NFKC");
  const m = WEIGHT_IN_NAME.exec(t);
  if (!m) return { name: tidy(text), weight: null, unit: null };
  return { name: tidy(t.replace(WEIGHT_IN_NAME, "")), weight: new Dec(m[1]), unit: m[2] === "%" ? "percent" : "points" };
}

/** The name without ★ marks, without spaces between Han characters ("产 出 指标" → "产出指标"). */
export function cleanName(text: string): string {
  return tidy(text.replace(NAME_MARKS, "")).replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, "$1");
}

/** An indicator's own name: no "指标1：" prefix, no weight in brackets, no marks. */
export function indicatorName(text: string): string {
  return cleanName(splitGroupWeight(text.replace(INDICATOR_PREFIX, "")).name);
}

export function isCore(text: string): boolean {
  return CORE_MARK.test(text);
}

/** Name of a group for comparing a name entered again after a page break. */
/** "一、", "（二）", "3.", "(1)" before a group's name. */
const ENUMERATOR = /^\s*([一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[、.](?!\d))\s*/;

export function groupKey(text: string): string {
  // "产出指标（续）" after a page break is 产出指标 going on.
  // "一、产出指标" over rows that name "产出指标" again: the enumerator is the heading's, not the name's.
  const t = text.normalize("NFKC").replace(CONTINUED_SUFFIX, "").replace(ENUMERATOR, "");
  // "(50分)" alone names its group by its weight: two such groups are different groups.
  return cleanName(splitGroupWeight(t).name).replace(/[:：]$/, "") || cleanName(t);
}

/**
 * "合计", "总分", "自评总得分", "综合得分（分）", "总分（100分）": a total row's label. Brackets that
 * only give the unit or the points are left out before matching.
 */
export function isTotalLabel(text: string): boolean {
  const name = splitGroupWeight(text).name;
  const k = key(name);
  if (TOTAL_LABEL.test(k)) return true;
  const bare = key(name.normalize("NFKC").replace(/\([^()]*\)/g, ""));
  return !!bare && bare !== k && TOTAL_LABEL.test(bare);
}
