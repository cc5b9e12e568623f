import type { ScoringTable, TextBlock } from "../model";
import { norm } from "../text/normalize";
import type { WorkbookIndex } from "./workbook-index";

/**
 * The report text that speaks about a table: text on its own sheet (on a sheet of several tables,
 * the nearest table above owns it), plus text on sheets without a scoring table when that text is
 * about this table: it names the table's project, or falls under a heading that does, or sits on
 * the table's paired sheet (情况表 beside 评分表) without naming another project. With a single
 * scoring table in the workbook, all such text is its. Text is never attributed beyond that.
 */
export function linkedTexts(table: ScoringTable, index: WorkbookIndex): TextBlock[] {
  const neighbours = index.tablesOn(table.sheet).filter((t) => t.kind === "scoring");
  const own = index.textsOn(table.sheet).filter((t) => ownsText(table, neighbours, t));
  const others = index.orphanTexts;
  if (index.scoringCount === 1) return [...own, ...others];
  const tables = index.scoringTables;
  return [...own, ...others.filter((t) => aboutTable(t, table, tables, others))];
}

/** The names a text may call a table by: its project, and 部门整体 for a department-wide table. */
export function namesOf(t: ScoringTable): string[] {
  // Blank-fill underscores ("项目名称：_基础养老金补贴") are the form's, not the name's.
  const project = t.projectName ? norm(t.projectName).replace(/^[_＿]+|[_＿]+$/g, "") : "";
  // Reports often drop the year: "农村饮水安全巩固提升工程" for "2023年农村饮水安全巩固提升工程".
  const undated = project.replace(/^20\d{2}年度?/, "");
  const names = [project, ...(undated !== project ? [undated] : [])].filter((n) => n.length >= 2);
  return [...names, ...(t.form === "department" ? ["部门整体"] : [])];
}

/** The tables a text names, by position of their last mention (the nearest one last). */
export function tablesNamedIn(text: string, tables: ScoringTable[]): { table: ScoringTable; at: number }[] {
  const t = norm(text);
  const out: { table: ScoringTable; at: number }[] = [];
  for (const table of tables) {
    const at = Math.max(-1, ...namesOf(table).map((n) => t.lastIndexOf(n)));
    if (at >= 0) out.push({ table, at });
  }
  return out.sort((a, b) => a.at - b.at);
}

function aboutTable(text: TextBlock, table: ScoringTable, tables: ScoringTable[], all: TextBlock[]): boolean {
  const named = tablesNamedIn(text.text, tables);
  if (named.length) return named.some((n) => n.table === table);
  // A paragraph under a heading that names a project speaks of that project.
  const above = all
    .filter((o) => o.sheet === text.sheet && o.pos.row < text.pos.row && tablesNamedIn(o.text, tables).length > 0)
    .sort((a, b) => b.pos.row - a.pos.row)[0];
  if (above) return tablesNamedIn(above.text, tables).some((n) => n.table === table);
  return pairedSheets(text.sheet, table.sheet);
}

const SHEET_ROLE = /(情况表|评分表|自评表|得分表|评价表|报告|情况|评分|自评)/g;

/** "3号项目情况表" beside "3号项目评分表", "000-07 情况表" beside "000-07 评分表": one project's pair. */
function pairedSheets(a: string, b: string): boolean {
  const stem = (s: string) => norm(s).replace(SHEET_ROLE, "").replace(/[-_—()（）]+$/, "");
  return stem(a) !== "" && stem(a) === stem(b);
}

/**
 * On a sheet with several scoring tables, text belongs to the nearest table above it — unless it
 * stands in the few lines just above the next table's range (its 项目名称, 自评得分 and 等级 lines),
 * clear of the lines just under the table before.
 */
function ownsText(table: ScoringTable, same: ScoringTable[], text: TextBlock): boolean {
  if (same.length <= 1) return true;
  // Tables side by side: text under one of them, within its columns, is that one's.
  const beside = same.filter((t) => t.range.left <= text.pos.col && text.pos.col <= t.range.right);
  if (beside.length > 0 && beside.length < same.length) return beside.includes(table) && ownsText(table, beside, text);
  const sorted = [...same].sort((a, b) => a.range.top - b.range.top);
  let owner = sorted[0];
  sorted.forEach((t, i) => {
    const prev = sorted[i - 1];
    const heads = text.pos.row < t.range.top && text.pos.row >= t.range.top - 4 && (!prev || text.pos.row > prev.range.bottom + 2);
    if (t.range.top <= text.pos.row || heads) owner = t;
  });
  return owner === table;
}
