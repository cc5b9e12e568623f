/**
 * Dates in targets and actuals: "2023年12月底前", "12月31日前", "年底前", "2023-11-20", or a date
 * cell. A deadline is qualitative-like: compared as dates, never read as the number 2023 or 12.
 */
export interface Deadline {
  /** Null when the text gives no year ("12月31日前"): the other side's year is assumed. */
  year: number | null;
  month: number;
  /** Null when only the month is known ("12月底", "2023年12月"): compared by month then. */
  day: number | null;
  /** "前", "之前", "以前": due by that date (a target); otherwise a date reached (an actual). */
  by: boolean;
  text: string;
}

const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(日)?(前|之前|以前)?(完成|完工|竣工)?$/;
const CN = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号]|(底|末|上旬|中旬|下旬|初))?(前|之前|以前)?(完成|完工|竣工|前完成)?$/;
const YEAR_END = /^((\d{4})年)?(年底|年末|底|末)(前|之前|以前)?(完成|完工|竣工)?$|^(\d{4})年(底|末)(前|之前|以前)?(完成|完工|竣工)?$|^年内(完成)?$/;

const PART_DAY: Record<string, number | null> = { 底: null, 末: null, 下旬: null, 上旬: 10, 中旬: 20, 初: 10 };

/** Reads a deadline from normalised text (norm()); null when it is not a date. */
export function readDeadline(t: string): Deadline | null {
  let m = YMD.exec(t);
  if (m) return make(Number(m[1]), Number(m[2]), Number(m[3]), !!m[5], t);
  m = CN.exec(t);
  if (m) {
    const day = m[3] ? Number(m[3]) : m[4] ? PART_DAY[m[4]] : null;
    return make(m[1] ? Number(m[1]) : null, Number(m[2]), day, !!m[5] || !!m[6]?.startsWith("前"), t);
  }
  m = YEAR_END.exec(t);
  if (m) {
    const year = m[2] ?? m[6];
    return make(year ? Number(year) : null, 12, null, !!(m[4] ?? m[8]) || /年内/.test(t), t);
  }
  return null;
}

function make(year: number | null, month: number, day: number | null, by: boolean, text: string): Deadline | null {
  if (month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) return null;
  if (year !== null && (year < 1990 || year > 2100)) return null;
  return { year, month, day, by, text };
}

/** A number format that shows a date (yyyy年m月d日, m/d/yyyy), not a figure. */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const f = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  if (/[%0#?]/.test(f) && !/[yd]/i.test(f)) return false;
  return /[yd]/i.test(f) || (/m/i.test(f) && !/[hs]/i.test(f));
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** An Excel date serial as a deadline (a date reached). */
export function serialDeadline(serial: number): Deadline | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const d = new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000);
  const text = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  return make(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), false, text);
}

/**
 * Whether `actual` falls on or before the deadline `due`: by day when both give one, else by month;
 * a side without a year is taken to be in the table's year, or else in the other's.
 */
export function onTime(actual: Deadline, due: Deadline, tableYear?: number | null): boolean {
  // "12月31日前完成" in a 2023 table is due in 2023, whatever year the actual names.
  const year = (d: Deadline, other: Deadline) => d.year ?? tableYear ?? other.year ?? 0;
  const ay = year(actual, due);
  const dy = year(due, actual);
  if (ay !== dy) return ay < dy;
  if (actual.month !== due.month) return actual.month < due.month;
  if (actual.day === null || due.day === null) return true;
  return actual.day <= due.day;
}
