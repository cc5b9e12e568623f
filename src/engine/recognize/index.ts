import { SheetView } from "../grid/sheet-view";
import type { SheetSnapshot, WorkbookSnapshot } from "../grid/types";
import { key, tidy } from "../text/normalize";
import { TOTAL_LABEL } from "../text/vocabulary";
import type { FundsBlock, ScoringTable, TextBlock } from "../model";
import { placesOf } from "../values/decimal";
import { readBody } from "./body";
import { readFunds } from "./funds";
import { readHeader, type Header } from "./header";

export interface Recognition {
  tables: ScoringTable[];
  texts: TextBlock[];
}

/** Finds every scoring (and target) table on every sheet, and the free text around them. */
export function recognizeWorkbook(wb: WorkbookSnapshot): Recognition {
  const tables: ScoringTable[] = [];
  const texts: TextBlock[] = [];
  for (const sheet of wb.sheets) {
    const found = recognizeSheet(sheet, tables.length);
    tables.push(...found.tables);
    // A data sheet can hold 100,000s of text cells: spreading them into push() overflows the stack.
    for (const t of found.texts) texts.push(t);
  }
  return { tables, texts };
}

export function recognizeSheet(sheet: SheetSnapshot, firstIndex = 0): Recognition {
  const view = new SheetView(sheet);
  const tables: ScoringTable[] = [];
  let searchFrom = view.top;
  let lastFunds: FundsBlock | null = null;
  for (let r = view.top; r <= view.bottom; r++) {
    const header = readHeader(view, r);
    if (!header) continue;
    adoptLevel1Column(view, header);
    const body = readBody(view, header);
    const ownFunds = readFunds(view, searchFrom, header.rows[0] - 1);
    if (ownFunds) lastFunds = ownFunds;
    const hasWeights = header.columns.roles.weight !== undefined;
    const hasScores = header.columns.roles.score !== undefined;
    const top = ownFunds ? Math.min(ownFunds.range.top, header.rows[0]) : header.rows[0];
    const table: ScoringTable = {
      index: firstIndex + tables.length,
      sheet: sheet.name,
      range: { top, left: header.left, bottom: body.bottom, right: Math.max(header.right, body.right) },
      headerRows: header.rows,
      columns: header.columns,
      kind: hasWeights || hasScores ? "scoring" : "target",
      hasWeights,
      hasScores,
      title: findTitle(view, header.rows[0]) ?? findTitle(view, top),
      projectName: findProjectName(view, searchFrom, top),
      indicators: body.indicators,
      subtotals: body.subtotals,
      total: body.total,
      groupWeights: body.groupWeights,
      funds: ownFunds ?? lastFunds,
      declaredGrade: body.declaredGrade,
      skippedRows: body.skippedRows,
      scorePlaces: maxPlaces(body.indicators.map((i) => i.score?.value)),
      weightPlaces: maxPlaces(body.indicators.map((i) => i.weight?.value)),
    };
    if (table.indicators.length > 0) tables.push(table);
    r = body.bottom;
    searchFrom = body.bottom + 1;
  }
  return { tables, texts: collectTexts(view, tables) };
}

function maxPlaces(xs: (import("decimal.js").Decimal | null | undefined)[]): number {
  let p = 0;
  for (const x of xs) if (x) p = Math.max(p, placesOf(x));
  return Math.min(p, 4);
}

/**
 * Forms such as 绩效目标实现情况 put the 一级 names in a column whose header is the table's caption.
 * When 二级 is named and the column left of it holds short names below, that column is 一级.
 */
function adoptLevel1Column(view: SheetView, header: Header): void {
  const { roles } = header.columns;
  if (roles.level1 !== undefined || roles.level2 === undefined) return;
  const c = roles.level2 - 1;
  if (c < view.left) return;
  const last = header.rows[header.rows.length - 1];
  let names = 0;
  for (let r = last + 1; r <= Math.min(last + 12, view.bottom); r++) {
    const v = view.value(r, c);
    if (typeof v === "string" && v.trim().length > 0 && v.trim().length <= 16 && !TOTAL_LABEL.test(key(v))) names++;
  }
  if (names === 0) return;
  roles.level1 = c;
  header.columns.nameCols = [c, ...header.columns.nameCols];
  header.left = Math.min(header.left, c);
}

const TITLE_WORDS = /(评分表|自评表|得分表|评价表|指标体系|情况表|目标表|考核表)/;

function findTitle(view: SheetView, top: number): string | null {
  for (let r = top - 1; r >= Math.max(view.top, top - 6); r--) {
    for (let c = view.left; c <= view.right; c++) {
      const t = view.text(r, c);
      if (t && t.length <= 60 && TITLE_WORDS.test(t)) return tidy(t);
    }
  }
  for (let c = view.left; c <= view.right; c++) {
    const t = view.text(top, c);
    if (t && t.length <= 60 && TITLE_WORDS.test(t)) return tidy(t);
  }
  return null;
}

const PROJECT_LABEL = /项目名称|部门名称/;

/** "项目名称：X" in one cell, or "项目名称 | X" in two, above the table. */
function findProjectName(view: SheetView, from: number, top: number): string | null {
  for (let r = top - 1; r >= Math.max(view.top, from - 40); r--) {
    for (let c = view.left; c <= view.right; c++) {
      const t = view.text(r, c);
      if (!t || !PROJECT_LABEL.test(t)) continue;
      const m = /(?:项目名称|部门名称)\s*[:：]\s*(.+)$/.exec(t.normalize("NFKC"));
      if (m) return tidy(m[1].split(/\s{2,}|填报单位|项目实施/)[0]);
      for (let cc = c + 1; cc <= view.right; cc++) {
        const n = view.text(r, cc);
        if (n) return tidy(n);
      }
    }
  }
  return null;
}

function collectTexts(view: SheetView, tables: ScoringTable[]): TextBlock[] {
  const out: TextBlock[] = [];
  const values = view.snapshot.values;
  // Rows that are the tables' own (headers, indicators, summaries) are not narrative.
  const tableRows = new Set<number>();
  for (const t of tables) {
    for (const r of [...t.headerRows, ...t.skippedRows, ...t.indicators.map((i) => i.row), ...t.subtotals.map((s) => s.row)]) tableRows.add(r);
    if (t.total) tableRows.add(t.total.row);
  }
  for (let i = 0; i < values.length; i++) {
    const row = values[i];
    const r = view.top + i;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v !== "string" || v.trim().length < 6) continue;
      if (!tableRows.has(r)) out.push({ sheet: view.name, pos: { row: r, col: view.left + j }, text: v });
    }
  }
  return out;
}
