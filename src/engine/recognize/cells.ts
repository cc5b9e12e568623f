import type { SheetView } from "../grid/sheet-view";
import type { Decimal } from "decimal.js";
import { Dec } from "../values/decimal";
import type { NumberCell } from "../model";
import { readNumber, unreadableReason } from "../values/number-text";
import { isDateFormat } from "../values/deadline";

/** A weight/score/amount cell read as a number, keeping why it could not be read. */
export function numberCell(view: SheetView, row: number, col: number | undefined): NumberCell | null {
  if (col === undefined) return null;
  const v = view.value(row, col);
  const formula = view.formula(row, col);
  if (v === null || (typeof v === "string" && v.trim() === "")) {
    return formula ? { value: null, pos: { row, col }, unreadable: "公式无计算结果", formula } : null;
  }
  // 9.5 typed into a cell Excel took for a date (9月5日) shows a date: no score can be read from it.
  if (typeof v === "number" && isDateFormat(view.numberFormat(row, col))) return { value: null, pos: { row, col }, unreadable: "日期，不是分数", formula };
  const value = readNumber(v);
  const unreadable = value === null ? unreadableReason(v) ?? undefined : undefined;
  if (value === null && typeof v === "string" && /^[/／\\—–-]+$/.test(v.trim())) return null;
  return { value, pos: { row, col }, unreadable, formula };
}

/** Numbers in a row right of `fromCol`, for summary rows whose figures sit in shifted columns. */
export function numbersInRow(view: SheetView, row: number, fromCol: number, toCol: number): NumberCell[] {
  const out: NumberCell[] = [];
  for (let c = fromCol; c <= toCol; c++) {
    const v = view.value(row, c);
    if (typeof v === "number" && isDateFormat(view.numberFormat(row, c))) continue;
    const n = typeof v === "number" || typeof v === "string" ? readNumber(v) : null;
    if (n !== null) out.push({ value: n, pos: { row, col: c }, formula: view.formula(row, c) });
  }
  return out;
}

/** "95.5（优）", "96分（优秀）": a total's score written with its grade in one cell. */
export const SCORE_WITH_GRADE = /^(\d+(?:\.\d+)?)\s*分?\s*[（(]\s*(优秀|良好|中等|优|良|中|差)\s*[)）]$/;

export function scoreWithGrade(view: SheetView, cell: NumberCell | null): { cell: NumberCell; grade: string } | null {
  if (!cell || cell.value) return null;
  const m = SCORE_WITH_GRADE.exec(view.text(cell.pos.row, cell.pos.col).normalize("NFKC").trim());
  return m ? { cell: { ...cell, value: new Dec(m[1]), unreadable: undefined }, grade: m[2] } : null;
}

/**
 * "3.5/4" in a score cell: the score out of the indicator's points (the points are the weight's to
 * say). Units write "10/8" (满分/得分) too: the figure beside the row's points is the score; with no
 * points to tell, only a first figure no greater than the second is taken.
 */
export function scoreOutOf(view: SheetView, cell: NumberCell | null, points?: Decimal | null): NumberCell | null {
  if (!cell || cell.value) return cell;
  const m = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*分?$/.exec(view.text(cell.pos.row, cell.pos.col).normalize("NFKC").trim());
  if (!m) return cell;
  const [a, b] = [new Dec(m[1]), new Dec(m[2])];
  const score = points ? (b.eq(points) ? a : a.eq(points) ? b : null) : a.lte(b) ? a : null;
  return score ? { ...cell, value: score, unreadable: undefined } : cell;
}
