import type { Decimal } from "decimal.js";
import { Dec } from "./decimal";
import { norm } from "../text/normalize";
import type { CellValue } from "../grid/types";
import { isCellError } from "../grid/types";

/**
 * Reads a number out of a weight or score cell the way a reviewer would: 3, "3", "3.00", "10分",
 * "９．５" (full width), "十" or "十五" (Chinese numerals). Anything else is not a number.
 */
export function readNumber(v: CellValue): Decimal | null {
  // 15 significant digits, as Excel shows a number: a cached 95.45499999999998 is 95.455.
  if (typeof v === "number") return Number.isFinite(v) ? new Dec(Number(v.toPrecision(15))) : null;
  if (typeof v !== "string" || isCellError(v)) return null;
  // Two figures in one cell ("10\n9", "9 5", "10，9"), or digits a line break split without their
  // point: no one figure can be read from them with confidence.
  if (/\d[\s\u3000\u200b]+\d/.test(v.trim()) || /\d，\d/.test(v)) return null;
  // "10分", "10（分）", "（10分）": the unit, bracketed or not, is not part of the figure.
  const bare = norm(v)
    .replace(/^\((.*)\)$/, "$1")
    .replace(/\(分\)$/, "")
    .replace(/分$/, "");
  // Commas group thousands only in threes (1,200.5); "9,5" and "9。5" put a decimal point where a
  // comma or a full stop was typed. Any other comma leaves the text unread.
  // (A full-width "，" between figures separates two of them: see above.)
  const t = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(bare) ? bare.replace(/,/g, "") : bare.replace(/^([+-]?\d+)[,。](\d{1,2})$/, "$1.$2");
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return new Dec(t);
  // A score with its reason ("9.5（扣0.5分）", "9分，部分未完成", "扣2分，得8分", "实得9分"): the
  // figure the reviewer reads is the one given as the score.
  // A bracket of figures only ("10（9）") or a second figure after a separator ("10；10") is two figures.
  const withReason = /^[+-]?(\d+(?:\.\d+)?)分?(?:\((?=[^)]*[^\d.)%])[^)]*\)|[,;](?![\d.]).*)$/.exec(bare) ?? /^(?:.*[,;])?实?得(\d+(?:\.\d+)?)分?$/.exec(bare) ?? /^(\d+(?:\.\d+)?)分(?!钟)[\u4e00-\u9fff][^\d]*$/.exec(bare);
  if (withReason) return new Dec(withReason[1]);
  const cn = chineseNumeral(t) ?? (t === "一百" ? 100 : null);
  return cn === null ? null : new Dec(cn);
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Chinese numerals up to 99 (十, 十五, 二十, 二十五); scoring weights never go higher. */
export function chineseNumeral(t: string): number | null {
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(t);
  if (m) return (m[1] ? DIGITS[m[1]] : 1) * 10 + (m[2] ? DIGITS[m[2]] : 0);
  if (t.length === 1 && t in DIGITS) return DIGITS[t];
  return null;
}

/** Why a weight/score cell could not be read, for messages; null when it is empty or a number. */
export function unreadableReason(v: CellValue): string | null {
  if (v === null || v === "") return null;
  if (isCellError(v)) return `错误值 ${v.error}`;
  if (readNumber(v) !== null) return null;
  return `文本“${String(v).trim().slice(0, 20)}”不是数字`;
}
