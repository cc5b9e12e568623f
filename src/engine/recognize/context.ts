/** What surrounds a table: its title, the project it is for, and the free text of the sheet. */
import { isBandText } from "./grade-scale";
import type { SheetView } from "../grid/sheet-view";
import { fieldValue, tidy } from "../text/normalize";
import { PROJECT_LABEL, PROJECT_NAME_STOP, PROJECT_NAME_VALUE, TITLE_WORDS } from "../text/vocabulary";
import type { ScoringTable, TextBlock } from "../model";
import type { Band } from "./locate";

export function findTitle(view: SheetView, band: Band, top: number): string | null {
  for (let r = top - 1; r >= Math.max(view.top, top - 6); r--) {
    for (let c = band.left; c <= band.right; c++) {
      const t = view.text(r, c);
      if (t && t.length <= 60 && TITLE_WORDS.test(t)) return tidy(t);
    }
  }
  for (let c = band.left; c <= band.right; c++) {
    const t = view.text(top, c);
    if (t && t.length <= 60 && TITLE_WORDS.test(t)) return tidy(t);
  }
  return null;
}

/**
 * The year the table reports on: in its title or project name ("2023年…自评表"), or on a
 * （2023年度） line just above it. (A 填报日期 line gives the following year: only 年度 lines count.)
 */
export function findYear(view: SheetView, band: Band, top: number, captions: (string | null)[]): number | null {
  for (const t of captions) {
    const m = t && /(20\d{2})\s*年/.exec(t);
    if (m) return Number(m[1]);
  }
  for (let r = top - 1; r >= Math.max(view.top, top - 6); r--)
    for (let c = band.left; c <= band.right; c++) {
      const m = /(20\d{2})\s*年度/.exec(view.text(r, c));
      if (m) return Number(m[1]);
    }
  return null;
}

/** "项目名称：X" in one cell, or "项目名称 | X" in two, above the table. */
export function findProjectName(view: SheetView, band: Band, from: number, top: number): string | null {
  for (let r = top - 1; r >= Math.max(view.top, from - 40); r--) {
    for (let c = band.left; c <= band.right; c++) {
      const t = view.text(r, c);
      if (!t || !PROJECT_LABEL.test(t)) continue;
      const m = PROJECT_NAME_VALUE.exec(t.normalize("NFKC"));
      if (m) return fieldValue(m[1].split(PROJECT_NAME_STOP)[0]) || null;
      for (let cc = c + 1; cc <= band.right; cc++) {
        const n = fieldValue(view.text(r, cc));
        if (n) return n;
      }
    }
  }
  return null;
}

/** Text cells of six characters or more outside the tables' own rows, for narrative checks. */
export function collectTexts(view: SheetView, tables: ScoringTable[]): TextBlock[] {
  const out: TextBlock[] = [];
  const values = view.snapshot.values;
  // Rows that are the tables' own (headers, indicators, summaries) are not narrative.
  const tableRows = new Set<number>();
  for (const t of tables) {
    for (const r of [...t.headerRows, ...t.skippedRows, ...t.indicators.map((i) => i.row), ...t.subtotals.map((s) => s.row)]) tableRows.add(r);
    if (t.total) tableRows.add(t.total.row);
  }
  for (let i = 0; i < values.length; i++) {
    const r = view.top + i;
    if (tableRows.has(r)) continue;
    const row = values[i];
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v === "string" && v.trim().length >= 6) out.push({ sheet: view.name, pos: { row: r, col: view.left + j }, text: v });
      // "自评得分 | 93.5 | 自评等级 | 优" in a 情况表's cells: the label and its value read as one claim.
      // (Not a row of figures by year: "自评得分 | 91 | 93 | 95.5" compares, it does not claim.)
      // (Nor a scale laid out in cells: "评价等级 | 优 | 90分以上 | 良 | 80-89分".)
      const next = String(row[j + 2] ?? "").trim();
      const said = typeof v === "string" && typeof row[j + 2] !== "number" && !/^\d+(\.\d+)?$/.test(next) && !isBandText(next) ? claimInCells(v, row[j + 1]) : null;
      // "产出指标 | 分值 | 50 | 自评得分 | 49" is the 一级's score: only a label that opens its row speaks for the whole.
      const opensRow = row.slice(0, j).every((x) => x === null || x === "");
      if (said) out.push({ sheet: view.name, pos: { row: r, col: view.left + j + 1 }, text: said, rowLabel: opensRow });
    }
  }
  return out;
}

const SCORE_LABEL = /^(自评得分|自评总分|综合得分|评价得分|自评价得分)[:：]?$/;
const GRADE_LABEL_CELL = /^(自评等级|评价等级|评价等次|自评等次)[:：]?$/;

function claimInCells(label: string, value: unknown): string | null {
  const l = label.trim();
  const figure = typeof value === "number" ? String(value) : typeof value === "string" && /^\d+(\.\d+)?分?$/.test(value.trim()) ? value.trim().replace(/分$/, "") : null;
  if (SCORE_LABEL.test(l) && figure) return `${l.replace(/[:：]$/, "")}${figure}分`;
  if (GRADE_LABEL_CELL.test(l) && typeof value === "string" && /^(优秀|良好|中等|优|良|中|差)$/.test(value.trim())) return `${l.replace(/[:：]$/, "")}为${value.trim()}`;
  return null;
}
