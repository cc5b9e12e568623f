/**
 * Recognition: finds every scoring (and target) table on every sheet, as a short pipeline of named
 * steps whose inputs and outputs are plain data (see docs/recognition.md):
 *
 *   bands → locate header → map columns → classify rows → fold rows → weigh score/weight columns
 *         → weights through the structure (sole child, shares of 一级) and the weight scale
 *         → form, title, funds, grade → ScoringTable
 */
import type { Decimal } from "decimal.js";
import { SheetView } from "../grid/sheet-view";
import type { SheetSnapshot, WorkbookSnapshot } from "../grid/types";
import type { Doubt, FundsBlock, OtherScoreTotal, ScoringTable, TextBlock } from "../model";
import { key } from "../text/normalize";
import { GRADE_WORDS, SUBTOTAL_LABEL, TARGET_FORM_TITLE, UNLABELLED_SUBTOTAL } from "../text/vocabulary";
import { Dec, placesOf, sum } from "../values/decimal";
import { numberCell, SCORE_WITH_GRADE } from "./cells";
import { FULL_MARKS } from "../standards";
import { mapColumns } from "./columns";
import { collectTexts, findProjectName, findTitle, findYear } from "./context";
import { swapScoreColumns, weighScoreColumns } from "./evidence";
import { foldRows, type Body } from "./fold";
import { realignSlidRows } from "./slid-rows";
import { partHeadsAsSubtotals } from "./part-heads";
import { readForm } from "./form";
import { fundsAligned, readFunds } from "./funds";
import { readGradeScale } from "./grade-scale";
import { gradeOnRow, readGrade, vetoTriggered } from "./grade";
import { dropHiddenRows } from "./hidden";
import { linkPagesAcrossSheets } from "./pages";
import { dropExcerpts } from "./excerpts";
import { findBands, locateHeader, type Band, type HeaderCandidate } from "./locate";
import { classifyRows, type TableFrame } from "./rows";
import { fundsToPoints, readScale, toPoints } from "./scale";
import { inheritSoleChild, level2SharesToPoints, shareSectionEqually, sharesOfLevel1, sharesToPoints } from "./shares";

export interface Recognition {
  tables: ScoringTable[];
  texts: TextBlock[];
}

export function recognizeWorkbook(wb: WorkbookSnapshot): Recognition {
  const tables: ScoringTable[] = [];
  const texts: TextBlock[] = [];
  for (const sheet of wb.sheets) {
    // ScoreCheck's own report sheet is neither a table nor the workbook's claims.
    if (sheet.generated) continue;
    const found = recognizeSheet(sheet, tables.length);
    tables.push(...found.tables);
    // A data sheet can hold 100,000s of text cells: spreading them into push() overflows the stack.
    for (const t of found.texts) texts.push(t);
  }
  const kept = dropExcerpts(tables).map((t, i) => ({ ...t, index: i }));
  return { tables: linkPagesAcrossSheets(wb.sheets.filter((s) => !s.generated), kept), texts };
}

export function recognizeSheet(sheet: SheetSnapshot, firstIndex = 0): Recognition {
  const view = new SheetView(sheet);
  const found: ScoringTable[] = [];
  for (const band of findBands(view)) found.push(...recognizeBand(view, band));
  // Tables side by side come band by band: number them in reading order.
  found.sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
  const tables = found.map((t, i) => ({ ...t, index: firstIndex + i }));
  return { tables, texts: collectTexts(view, tables) };
}

function recognizeBand(view: SheetView, band: Band): ScoringTable[] {
  const tables: ScoringTable[] = [];
  // The funds block above a table beside another is read in the table's own columns.
  const fundsView = band.left === view.left && band.right === view.right ? view : bandView(view, band);
  let searchFrom = view.top;
  let lastFunds: FundsBlock | null = null;
  for (let r = view.top; r <= view.bottom; r++) {
    const header = locateHeader(view, r, band);
    if (!header) continue;
    const ownFunds = readFunds(fundsView, searchFrom, header.rows[0] - 1);
    if (ownFunds) lastFunds = ownFunds;
    const table = readTable(view, header, { searchFrom, funds: ownFunds ?? borrowed(lastFunds), ownFunds: !!ownFunds });
    if (table.indicators.length > 0) tables.push(table);
    r = Math.max(r, table.range.bottom);
    searchFrom = r + 1;
  }
  return tables;
}

/** Each further score column's total row figure beside the sum of its rows, where both are read. */
function otherScoreTotalsOf(view: SheetView, body: Body, columns: ScoringTable["columns"]): OtherScoreTotal[] {
  if (!body.total || !columns.otherScores) return [];
  const out: OtherScoreTotal[] = [];
  for (const o of columns.otherScores) {
    const declared = numberCell(view, body.total.row, o.col);
    if (!declared?.value) continue;
    const cells = body.indicators.map((i) => numberCell(view, i.row, o.col));
    if (cells.some((c) => c && !c.value)) continue;
    out.push({ title: o.title, declared, sum: sum(cells.map((c) => c?.value ?? null)) });
  }
  return out;
}

/**
 * A 绩效目标申报表 or 中期目标表 gives each indicator its 分值 beside its target, but has neither a
 * 实际完成值 nor a 得分 column: it sets targets, nothing in it is scored yet.
 */
function targetForm(columns: ScoringTable["columns"], titles: (string | null)[]): boolean {
  const { score, actual } = columns.roles;
  return score === undefined && actual === undefined && titles.some((t) => !!t && TARGET_FORM_TITLE.test(t));
}

/**
 * A table below another may rest its 预算执行率 on the funds block above both (a 评分表 under its
 * 情况表), but the block's own points, rate and sources belong to the table that carries it.
 */
function borrowed(funds: FundsBlock | null): FundsBlock | null {
  return funds && { ...funds, weight: null, score: null, statedRate: null, budgetParts: [] };
}

/** The sheet seen through one band of columns. */
function bandView(view: SheetView, band: Band): SheetView {
  const s = view.snapshot;
  const from = band.left - s.left;
  const to = band.right - s.left + 1;
  const slice = <T>(rows: T[][] | undefined) => rows?.map((r) => r.slice(from, to));
  return new SheetView({
    ...s,
    left: band.left,
    values: slice(s.values)!,
    formulas: slice(s.formulas),
    numberFormats: slice(s.numberFormats),
    merges: s.merges?.filter((m) => m.left >= band.left && m.right <= band.right),
  });
}

interface TableContext {
  searchFrom: number;
  funds: FundsBlock | null;
  ownFunds: boolean;
}

function readTable(view: SheetView, header: HeaderCandidate, ctx: TableContext): ScoringTable {
  const mapped = mapColumns(view, header);
  let columns = mapped.columns;
  const frame: TableFrame = { header, columns, left: mapped.left, right: header.right, dataLeft: dataLeftOf(columns, header) };
  const rows = classifyRows(view, frame);
  const doubts: Doubt[] = [...mapped.doubts];
  const ownFunds = ctx.ownFunds && ctx.funds && fundsAligned(ctx.funds) ? ctx.funds : null;
  const fundsPoints = { weight: ownFunds?.weight?.value ?? null, score: ownFunds?.score?.value ?? null };
  const slid = realignSlidRows(view, frame, foldRows(view, frame, rows.rows), fundsPoints);
  let body = partHeadsAsSubtotals(view, frame, slid.body, fundsPoints);
  doubts.push(...slid.doubts);
  if (columns.roles.weight === undefined) {
    body = inheritSoleChild(body);
    const shared = shareSectionEqually(body, header.sectionWeight);
    body = shared.body;
    doubts.push(...shared.doubts);
  }
  const ownFundsWeight = ctx.ownFunds ? (ctx.funds?.weight?.value ?? null) : null;
  const scale = readScale(view, body, headerSays(view, header, columns.roles.weight, /%/), ownFundsWeight);
  doubts.push(...scale.doubts);
  body = toPoints(view, body, scale);
  let weightScale: ScoringTable["weightScale"] = scale.scale;
  if (sharesOfLevel1(body)) {
    body = sharesToPoints(body);
    weightScale = "relative";
  } else body = { ...body, groupWeights: level2SharesToPoints(body.groupWeights) };
  // Scores are weighed against weights once both are in points; an undecided scale is doubt enough.
  if (scale.doubts.length === 0) {
    const roles = weighScoreColumns(body, columns);
    doubts.push(...roles.doubts);
    if (roles.swap) ({ body, columns } = swapScoreColumns(body, columns));
  }
  const otherScoreTotals = otherScoreTotalsOf(view, body, columns);
  const hidden = dropHiddenRows(view, body, ctx.ownFunds ? (ctx.funds?.weight?.value ?? null) : null);
  body = hidden.body;
  doubts.push(...hidden.doubts);
  const grade =
    gradeBelow(view, header.band, rows.bottom) ?? gradeOnTotalRow(view, body, Math.max(header.right, header.extent.right)) ?? gradeAbove(view, header, ctx.searchFrom);
  // The range runs to the total row, or else to the last indicator: a grade line or notes under
  // the table, and template rows after its last indicator, are read but lie outside it.
  const lastOwn = Math.max(...body.indicators.map((i) => i.row), ...body.subtotals.map((s) => s.row));
  const bottom = body.total ? Math.max(body.total.row, lastOwn) : Number.isFinite(lastOwn) ? lastOwn : rows.bottom;
  const hasWeights = columns.roles.weight !== undefined || body.indicators.some((i) => i.weight?.value);
  // A score column left blank on every row (an unfilled form) gives no scores to add up.
  const hasScores = columns.roles.score !== undefined && (body.indicators.some((i) => i.score) || !!body.total?.score);
  let funds = ctx.ownFunds && ctx.funds ? fundsToPoints(view, ctx.funds, scale) : ctx.funds;
  if (funds?.slid && ctx.ownFunds) {
    const side = funds.slid > 0 ? { zh: "右", en: "right" } : { zh: "左", en: "left" };
    doubts.push({
      pos: (funds.weight ?? funds.budget)?.pos ?? { row: funds.range.top, col: funds.range.left },
      message: {
        zh: `项目资金（年度资金总额）一行的数字较表头向${side.zh}错位一列（疑为转换时移位）；执行数÷预算数与所列执行率相符，已按错位后的列读取`,
        en: `the figures of the 年度资金总额 row sit a column ${side.en} of their titles (shifted in a conversion); executed ÷ budget gives the printed rate, so they were read there`,
      },
    });
  }
  if (funds && ctx.ownFunds && !fundsAligned(funds)) {
    doubts.push({
      pos: (funds.weight ?? funds.budget)?.pos ?? { row: funds.range.top, col: funds.range.left },
      message: {
        zh: "项目资金（年度资金总额）一行的数字与表头各列错位（疑为转换时移位），预算执行率及其分值无法确定，相关核查未进行",
        en: "the figures of the 年度资金总额 row do not sit under their titles (shifted in a conversion): budget execution and its points cannot be told, and the checks on them were not made",
      },
      suppresses: ["budget-execution", "weights-sum", "total-mismatch", "grade-mismatch", "missing-value"],
    });
    funds = { ...funds, weight: null, score: null, statedRate: null, budgetParts: [] };
  }
  const top = ctx.ownFunds && funds ? Math.min(funds.range.top, header.rows[0]) : header.rows[0];
  const stated = grade || body.total ? readGradeScale(view, header.band, header.rows[0], bottom) : null;
  if (stated && "unreadable" in stated)
    doubts.push({
      pos: grade?.pos ?? { row: bottom, col: header.band.left },
      message: {
        zh: "表格附有自定的评价等级划分，但无法读懂其分数区间：评价等级未按总分核对",
        en: "the table states its own grading scale, but its score bands could not be read: the grade was not checked against the total",
      },
      suppresses: ["grade-mismatch"],
    });
  const veto = vetoTriggered(view, body, header.band);
  if (veto)
    doubts.push({
      pos: veto,
      message: {
        zh: "一票否决项已触发：评价等级按否决规定评定，不按总分核对",
        en: "the 一票否决 (veto) item is triggered: the grade follows the veto, not the total, and is not checked against it",
      },
      suppresses: ["grade-mismatch"],
    });
  const left = Math.min(frame.left, header.extent.left, body.total?.labelCell.col ?? Infinity, ctx.ownFunds && funds ? funds.range.left : Infinity);
  const title = findTitle(view, header.band, header.rows[0]) ?? findTitle(view, header.band, top);
  const projectName = findProjectName(view, header.band, ctx.searchFrom, top);
  const level1Names = [
    ...body.indicators.map((i) => i.level1 ?? ""),
    ...body.groupWeights.filter((g) => g.level === 1).map((g) => g.name),
    // Heading subtotals name their 一级 ("投入:"); 小计 rows name nothing.
    ...body.subtotals.map((s) => s.label).filter((l) => !SUBTOTAL_LABEL.test(key(l)) && l !== UNLABELLED_SUBTOTAL),
  ].filter((n) => n);
  return {
    index: 0,
    sheet: view.name,
    range: { top, left, bottom, right: Math.max(header.right, header.extent.right, ctx.ownFunds && funds ? funds.range.right : -1) },
    headerRows: header.rows,
    columns,
    kind: (hasWeights || hasScores) && !targetForm(columns, [title, findTitle(view, header.band, top), view.name]) ? "scoring" : "target",
    hasWeights,
    hasScores,
    title,
    projectName,
    year: findYear(view, header.band, top, [title, projectName]),
    ...fullMarksIn(title),
    indicators: body.indicators,
    subtotals: body.subtotals,
    total: body.total,
    groupWeights: body.groupWeights,
    funds,
    declaredGrade: grade,
    ...(stated ? { gradeScale: "bands" in stated ? stated.bands : ("unreadable" as const) } : {}),
    skippedRows: body.skippedRows,
    scorePlaces: maxPlaces(body.indicators.map((i) => i.score?.value)),
    weightPlaces: maxPlaces(body.indicators.map((i) => i.weight?.value)),
    weightScale: hasWeights ? weightScale : undefined,
    ...(otherScoreTotals.length ? { otherScoreTotals } : {}),
    doubts,
    form: readForm({ level1Names, captions: [title ?? "", view.name, projectName ?? ""], hasFundsBlock: !!funds, fundsWeight: funds?.weight?.value ?? null }),
  };
}

/** Labels (names, 小计, 总计) sit left of every other column: figures, 指标解释, 评分依据. */
function dataLeftOf(columns: TableFrame["columns"], header: HeaderCandidate): number {
  const levelWeights = new Set((columns.levelWeights ?? []).map((w) => w.col));
  const others = Object.entries(columns.roles)
    .filter(([role]) => !role.startsWith("level"))
    .map(([, c]) => c as number)
    .filter((c) => !levelWeights.has(c));
  return others.length ? Math.min(...others) : header.right + 1;
}

function headerSays(view: SheetView, header: HeaderCandidate, col: number | undefined, words: RegExp): boolean {
  if (col === undefined) return false;
  return header.rows.some((r) => words.test(view.text(r, col, true).normalize("NFKC")));
}

function gradeBelow(view: SheetView, band: Band, r: number): ScoringTable["declaredGrade"] {
  for (let rr = r; rr <= Math.min(r + 3, view.bottom); rr++) {
    const g = readGrade(view, rr, band.left, band.right);
    if (g) return g;
  }
  return null;
}

/** "…评分表（满分50分）": a sub-table scored out of other than 100. */
function fullMarksIn(title: string | null): { fullMarks?: Decimal } {
  const m = title ? /(?:满分|总分)\s*[:：为]?\s*(\d+(?:\.\d+)?)\s*分/.exec(title.normalize("NFKC")) : null;
  const n = m ? new Dec(m[1]) : null;
  return n && !n.eq(FULL_MARKS) && n.gt(0) ? { fullMarks: n } : {};
}

/** "（自评得分：96.37分 自评等级：优）" in the title, or on a line of its own between title and header. */
function gradeAbove(view: SheetView, header: HeaderCandidate, searchFrom: number): ScoringTable["declaredGrade"] {
  for (let rr = header.rows[0] - 1; rr >= Math.max(searchFrom, header.rows[0] - 4, view.top); rr--) {
    const g = readGrade(view, rr, header.band.left, header.band.right);
    if (g) return g;
  }
  return null;
}

function gradeOnTotalRow(view: SheetView, body: Body, right: number): ScoringTable["declaredGrade"] {
  const t = body.total;
  if (!t) return null;
  const inScore = t.score && SCORE_WITH_GRADE.exec(view.text(t.score.pos.row, t.score.pos.col).normalize("NFKC").trim());
  if (inScore && GRADE_WORDS[inScore[2]]) return { grade: GRADE_WORDS[inScore[2]], pos: t.score!.pos };
  const after = Math.max(t.labelCell.col, t.weight?.pos.col ?? -1, t.score?.pos.col ?? -1) + 1;
  return gradeOnRow(view, t.row, after, right);
}

function maxPlaces(xs: (import("decimal.js").Decimal | null | undefined)[]): number {
  let p = 0;
  for (const x of xs) if (x) p = Math.max(p, placesOf(x));
  return Math.min(p, 4);
}
