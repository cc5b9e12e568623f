import type { ScoringTable, TextBlock } from "../model";
import { norm } from "../text/normalize";
import type { WorkbookIndex } from "./workbook-index";

/**
 * The report text that speaks about a table: text on its own sheet, plus sheets without a scoring
 * table that name its project (情况表 beside 评分表), or every such sheet when the workbook holds
 * only one scoring table. Text is never attributed to a table by guesswork beyond that.
 */
export function linkedTexts(table: ScoringTable, index: WorkbookIndex): TextBlock[] {
  const neighbours = index.tablesOn(table.sheet).filter((t) => t.kind === "scoring");
  const own = index.textsOn(table.sheet).filter((t) => ownsText(table, neighbours, t));
  const others = index.orphanTexts;
  if (index.scoringCount === 1) return [...own, ...others];
  // Blank-fill underscores ("项目名称：_基础养老金补贴") are the form's, not the name's.
  const project = table.projectName ? norm(table.projectName).replace(/^[_＿]+|[_＿]+$/g, "") : null;
  const sheets = new Set<string>();
  for (const t of others) {
    if ((project && norm(t.text).includes(project)) || pairedSheets(t.sheet, table.sheet)) sheets.add(t.sheet);
  }
  return [...own, ...others.filter((t) => sheets.has(t.sheet))];
}

const SHEET_ROLE = /(情况表|评分表|自评表|得分表|评价表|报告|情况|评分|自评)/g;

/** "3号项目情况表" beside "3号项目评分表", "000-07 情况表" beside "000-07 评分表": one project's pair. */
function pairedSheets(a: string, b: string): boolean {
  const stem = (s: string) => norm(s).replace(SHEET_ROLE, "").replace(/[-_—()（）]+$/, "");
  return stem(a) !== "" && stem(a) === stem(b);
}

/** On a sheet with several scoring tables, text belongs to the nearest table above it. */
function ownsText(table: ScoringTable, same: ScoringTable[], text: TextBlock): boolean {
  if (same.length <= 1) return true;
  let owner = same[0];
  for (const t of same) if (t.range.top <= text.pos.row) owner = t;
  return owner === table;
}
