import type { Decimal } from "decimal.js";
import { Dec } from "./decimal";
import { norm } from "../text/normalize";
import type { CellValue } from "../grid/types";
import { isCellError } from "../grid/types";
import { chineseNumeral } from "./number-text";

export type Comparator = ">=" | "<=" | ">" | "<" | "=";

/** A target or actual as written: a quantity (with comparator, unit, percent) or a word. */
export interface IndicatorValue {
  raw: string;
  kind: "number" | "text" | "empty" | "error";
  comparator?: Comparator;
  number?: Decimal;
  /** True when the quantity is a percentage; number then holds the percent figure (98 for 98%). */
  percent?: boolean;
  unit?: string;
  /** key-normalised text for qualitative comparison. */
  word?: string;
}

const COMPARATOR_PREFIX: [RegExp, Comparator][] = [
  [/^(≥|>=|≧|大于等于|大于或等于|不低于|不少于|不小于|至少|达到)/, ">="],
  [/^(≤|<=|≦|小于等于|小于或等于|不高于|不超过|不多于|不大于|最多|控制在)/, "<="],
  [/^(>|大于|高于|超过|多于)/, ">"],
  [/^(<|小于|低于|少于)/, "<"],
  [/^(=|﹦|＝|等于)/, "="],
];

const COMPARATOR_SUFFIX: [RegExp, Comparator][] = [
  [/(以上|及以上|或以上)$/, ">="],
  [/(以下|及以下|以内|之内)$/, "<="],
];

const UNIT = "%|‰|万人次|人次|万人|万户|万元|亿元|千元|元|人|户|次|个|件|项|份|本|天|日|个月|月|年|小时|分钟|家|所|台|套|处|平方米|米|公里|千米|吨|场|期|批|篇|条|张|册|岗|名|辆|亩|分|万";

const QUANTITY = new RegExp(`^(.{0,12}?)([+-]?\\d+(?:\\.\\d+)?)(${UNIT})?$`);

/** Normalise the comparator printed in a 指标性质 column. */
export function readComparator(text: string): Comparator | "qualitative" | null {
  const t = norm(text);
  if (!t) return null;
  if (/定性/.test(t)) return "qualitative";
  for (const [re, c] of COMPARATOR_PREFIX) if (re.test(t) && t.replace(re, "") === "") return c;
  if (/^(正向|定量)/.test(t)) return ">=";
  if (/^反向/.test(t)) return "<=";
  return null;
}

/** Parse a target/actual cell. `numberFormat` tells a 0.98 shown as 98% apart from 0.98. */
export function parseIndicatorValue(v: CellValue, numberFormat?: string | null, unitColumn?: string): IndicatorValue {
  if (v === null || (typeof v === "string" && v.trim() === "")) return { raw: "", kind: "empty" };
  if (isCellError(v)) return { raw: v.error, kind: "error" };
  if (typeof v === "boolean") return { raw: String(v), kind: "text", word: v ? "是" : "否" };
  const unitFromColumn = unitColumn ? norm(unitColumn) : undefined;
  if (typeof v === "number") {
    const isPercent = !!numberFormat && numberFormat.includes("%");
    const n = isPercent ? new Dec(v).times(100) : new Dec(v);
    const percentUnit = unitFromColumn === "%";
    return {
      raw: isPercent ? `${n.toFixed()}%` : String(v),
      kind: "number",
      number: n,
      percent: isPercent || percentUnit || undefined,
      unit: isPercent ? "%" : unitFromColumn || undefined,
    };
  }
  const raw = v.trim();
  let t = norm(raw).replace(/,/g, "");
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
  const m = QUANTITY.exec(t);
  if (m && !/[前后底初末内]$/.test(t)) {
    const unit = m[3] || unitFromColumn || undefined;
    return {
      raw,
      kind: "number",
      comparator,
      number: new Dec(m[2]),
      percent: unit === "%" || undefined,
      unit,
    };
  }
  const cn = chineseNumeral(t);
  if (cn !== null) return { raw, kind: "number", comparator, number: new Dec(cn), unit: unitFromColumn || undefined };
  return { raw, kind: "text", comparator, word: norm(raw).replace(/[。.，,；;]$/, "") };
}
