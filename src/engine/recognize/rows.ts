/**
 * Step 3 — classify rows: what each row under a header is (indicator, heading of a group, subtotal,
 * total, placeholder, repeated header, 续表 line …) and where the table ends. Reads words and
 * positions only; deciding what a heading with figures sums is the fold's job.
 */
import type { Decimal } from "decimal.js";
import type { SheetView } from "../grid/sheet-view";
import { key, norm } from "../text/normalize";
import {
  BREAKDOWN_LABEL,
  CATEGORY_LABEL,
  CONTINUATION_LABEL,
  PAGE_MARK,
  CONTINUED_SUFFIX,
  FOOTNOTE_LINE,
  GRADE_LABEL,
  INDICATOR_PREFIX,
  NOTE_LABEL,
  PLACEHOLDER_LABEL,
  SUBTOTAL_LABEL,
  TITLE_WORDS,
  FUNDS_AMOUNT_UNIT,
  FUNDS_BUDGET,
  FUNDS_EXECUTED,
  FUNDS_INITIAL,
} from "../text/vocabulary";
import type { ColumnMap } from "../model";
import { sum } from "../values/decimal";
import { numberCell, numbersInRow } from "./cells";
import { locateHeader, sameLayout, type HeaderCandidate } from "./locate";
import { readGrade } from "./grade";
import { isTotalLabel, splitGroupWeight } from "./names";
import { readNumber } from "../values/number-text";
import { Dec } from "../values/decimal";

/** Where a table sits and which columns hold what: the input of row classification. */
export interface TableFrame {
  header: HeaderCandidate;
  columns: ColumnMap;
  left: number;
  right: number;
  /** Labels (names, 小计, 合计) sit left of this column; figures and text columns from it on. */
  dataLeft: number;
}

export type RowKind =
  | "indicator"
  /** A 一级/二级 name on a row of its own (with or without figures), or "投入:" style category. */
  | "heading"
  /** 小计: closes the rows above it. */
  | "subtotal"
  | "total"
  /** Template rows ("指标2:", "……", "/"), 其中 breakdowns, names without any figure. */
  | "placeholder"
  | "repeated-header"
  | "continuation"
  | "blank"
  /** A further scored part of the indicator above: a weight on a row whose name cell is that indicator's (merged down, or left blank). */
  | "part"
  /** Figures or text that belong to the table but to no indicator. */
  | "other";

export interface LabelCell {
  text: string;
  col: number;
}

export interface RowReading {
  row: number;
  kind: RowKind;
  /** 一级/二级 names entered on this row, outermost first (level 1 or 2). */
  levels: { level: 1 | 2; text: string; col: number }[];
  /** The indicator's name (indicator rows) or the row's label (heading, subtotal, total). */
  label: LabelCell | null;
  /** Headings: the level the heading opens. */
  headingLevel?: 1 | 2;
  /** Figures in the weight/score columns (or shifted right of the label). */
  hasFigures: boolean;
  /** Headings: a target or actual on the row — an indicator's, since a subtotal has neither. */
  hasValues?: boolean;
  /** Header rows spanned by a repeated header. */
  spans?: number[];
}

export type TableEnd = "total" | "grade" | "narrative" | "title" | "new-header" | "blank-run" | "no-label" | "sheet-end";

export interface RowsReading {
  rows: RowReading[];
  /** Last row that belongs to the table. */
  bottom: number;
  end: TableEnd;
}

const MAX_BLANK_RUN = 2;
const MAX_SKIPPED_BLANKS = 6;

export function classifyRows(view: SheetView, frame: TableFrame): RowsReading {
  const read = readRows(view, frame);
  markBreakdowns(view, frame, read.rows);
  return read.end === "total" ? read : { ...read, bottom: lastTableRow(view, frame, read) };
}

/**
 * "预算执行率 10 | 其中：基本支出执行率 5 | 其中：项目支出执行率 5": 其中 rows whose weights (and
 * scores) add up to the indicator above them break it down; they are not further indicators.
 */
function markBreakdowns(view: SheetView, f: TableFrame, rows: RowReading[]): void {
  const figure = (r: number, c: number | undefined) => numberCell(view, r, c)?.value ?? null;
  for (let i = 0; i < rows.length; i++) {
    const head = rows[i];
    if (head.kind !== "indicator" || !head.label || BREAKDOWN_LABEL.test(key(head.label.text))) continue;
    let j = i + 1;
    while (j < rows.length && rows[j].kind === "indicator" && rows[j].label && BREAKDOWN_LABEL.test(key(rows[j].label!.text))) j++;
    if (j === i + 1) continue;
    const parts = rows.slice(i + 1, j);
    const w = figure(head.row, f.columns.roles.weight);
    const s = figure(head.row, f.columns.roles.score);
    const sumOf = (c: number | undefined) => parts.reduce((a, p) => a.plus(figure(p.row, c) ?? 0), new Dec(0));
    if (!w || !sumOf(f.columns.roles.weight).eq(w) || (s && !sumOf(f.columns.roles.score).eq(s))) continue;
    if (totalCountsParts(view, f, rows, parts)) continue;
    for (const p of parts) p.kind = "placeholder";
    i = j - 1;
  }
}

/**
 * Whether the total row balances only with the 其中 rows counted: real indicators of their own
 * (改造农村危房 10, 其中 C级 5, 其中 D级 5, with 总分 100 only so). The nearest fit decides: exact
 * first, then with a funds block's 10 or 20 points beside.
 */
function totalCountsParts(view: SheetView, f: TableFrame, rows: RowReading[], parts: RowReading[]): boolean {
  const total = rows.find((x) => x.kind === "total");
  const declared = total ? numberCell(view, total.row, f.columns.roles.weight)?.value : null;
  if (!declared) return false;
  const weightOf = (x: RowReading) => numberCell(view, x.row, f.columns.roles.weight)?.value ?? new Dec(0);
  const all = rows.filter((x) => x.kind === "indicator" || x.kind === "part").reduce((a, x) => a.plus(weightOf(x)), new Dec(0));
  const without = parts.reduce((a, x) => a.minus(weightOf(x)), all);
  for (const reserve of [0, 10, 20]) {
    if (all.plus(reserve).eq(declared)) return true;
    if (without.plus(reserve).eq(declared)) return false;
  }
  return false;
}

/**
 * A table without a total row ends at its last row of the table's own: a line of text without
 * figures after it ("附件2", a remark, a group name with nothing under it) belongs to what follows.
 */
function lastTableRow(view: SheetView, frame: TableFrame, read: RowsReading): number {
  let i = read.rows.length - 1;
  const trailing = (x: RowReading) => (x.kind === "other" || (x.kind === "heading" && !x.hasFigures)) && !hasData(view, frame, x.row);
  while (i >= 0 && trailing(read.rows[i])) i--;
  if (i === read.rows.length - 1) return read.bottom;
  const kept = read.rows[i];
  return kept ? Math.max(kept.row, ...(kept.spans ?? [])) : frame.header.rows[frame.header.rows.length - 1];
}

function readRows(view: SheetView, frame: TableFrame): RowsReading {
  const out: RowReading[] = [];
  const last = frame.header.rows[frame.header.rows.length - 1];
  let bottom = last;
  let blankRun = 0;
  for (let r = last + 1; r <= view.bottom; r++) {
    if (rowIsBlank(view, frame, r)) {
      if (view.isRowHidden(r)) continue;
      if (++blankRun > MAX_BLANK_RUN && !continuesAfterBlanks(view, frame, r)) return { rows: out, bottom, end: "blank-run" };
      continue;
    }
    const afterBlank = blankRun > 0;
    blankRun = 0;
    const again = locateHeader(view, r, frame.header.band);
    if (again) {
      // A header repeated at a page break with one title left out (the others slid left over it)
      // still continues a table whose weights are not complete yet.
      const slidRepeat = !sameLayout(again, frame.header) && titlesLeftOut(again, frame.header) && !weightsComplete(view, frame, out);
      if (!sameLayout(again, frame.header) && !slidRepeat) return { rows: out, bottom, end: "new-header" };
      // A header under rows whose weights are already complete, after a blank line or a 项目名称 /
      // 单位名称 line, starts the next table.
      if ((afterBlank || formLineAbove(view, frame, r) || namesRepeatBelow(view, frame, again.rows[again.rows.length - 1], out)) && weightsComplete(view, frame, out))
        return { rows: out, bottom, end: "new-header" };
      out.push({ row: r, kind: "repeated-header", levels: [], label: null, hasFigures: false, spans: again.rows });
      r = again.rows[again.rows.length - 1];
      bottom = r;
      continue;
    }
    // The next project's funds block (项目资金 | 年初预算数 | 全年预算数 | 全年执行数 …) begins its form.
    if (fundsHeading(view, frame, r)) return { rows: out, bottom, end: "new-header" };
    const reading = classifyRow(view, frame, r);
    // "注：满意度调查共发放问卷200份…" between the last indicator and the total row: a note inside the table.
    if ((reading === "narrative" || reading === "no-label") && totalFollows(view, frame, r)) {
      out.push({ row: r, kind: "other", levels: [], label: null, hasFigures: false });
      bottom = r;
      continue;
    }
    if (reading === "title" && repeatsOwnTitle(view, frame, r) && !weightsComplete(view, frame, out)) {
      out.push({ row: r, kind: "continuation", levels: [], label: null, hasFigures: false });
      bottom = r;
      continue;
    }
    if (typeof reading === "string") return { rows: out, bottom, end: reading };
    if (reading.kind === "other" && !reading.label && isPartOfAbove(view, frame, r, out)) reading.kind = "part";
    joinWrappedName(view, frame, reading, out[out.length - 1]);
    if (reading.kind === "indicator" && totalsRowsAbove(view, frame, r, out)) reading.kind = "total";
    out.push(reading);
    bottom = r;
    if (reading.kind === "total") {
      // "合计" right under the header, the rows below it (some forms put the total first).
      if (!out.some((x) => x.kind === "indicator") && reading.hasFigures && indicatorFollows(view, frame, r)) continue;
      if (!closesGroupOnly(view, frame, r, out)) return { rows: out, bottom, end: "total" };
      // A 合计 under one group with more groups below, or over the indicators with the 总分 row under it.
      reading.kind = "subtotal";
    }
  }
  return { rows: out, bottom, end: "sheet-end" };
}

/**
 * A row under a label the vocabulary does not know (总分数, 评分合计, 总成绩) whose weight and score
 * are those of all the rows above it (or 100 over 90 or 80, the funds block's points apart): the
 * figures say it is the total, whatever its words.
 */
function totalsRowsAbove(view: SheetView, f: TableFrame, r: number, above: RowReading[]): boolean {
  const rows = above.filter((x) => x.kind === "indicator" || x.kind === "part");
  if (rows.length < 3 || !lastRowOfFigures(view, f, r)) return false;
  const { weight, score, target, actual } = f.columns.roles;
  // A total states no target or actual; a last indicator worth all the others together does.
  if ([target, actual].some((c) => c !== undefined && !view.isEmpty(r, c))) return false;
  const w = numberCell(view, r, weight)?.value;
  if (!w) return false;
  const sumOf = (c: number | undefined) => rows.reduce((a, x) => a.plus(numberCell(view, x.row, c)?.value ?? 0), new Dec(0));
  const W = sumOf(weight);
  const reserve = w.minus(W);
  if (!(reserve.isZero() || (w.eq(100) && (W.eq(90) || W.eq(80))))) return false;
  const sc = numberCell(view, r, score)?.value;
  // Weights alone could agree by chance (10, 20, 30, then 60): the scores must agree as well.
  if (score === undefined || !sc) return false;
  const S = sumOf(score);
  return sc.lte(w) && (reserve.isZero() ? sc.eq(S) : sc.gte(S) && sc.minus(S).lte(reserve));
}

/** Whether no row of indicators follows (within the next few rows): the table ends here. */
function lastRowOfFigures(view: SheetView, f: TableFrame, r: number): boolean {
  for (let rr = r + 1; rr <= Math.min(view.bottom, r + 3); rr++) {
    if (rowIsBlank(view, f, rr)) continue;
    const x = classifyRow(view, f, rr);
    return typeof x === "string" || !["indicator", "part", "heading", "subtotal"].includes(x.kind);
  }
  return true;
}

/**
 * A total-labelled row that is not the table's last word: the next filled row is another total
 * (合计 of the indicators, then 总分 with the funds block), or the weights above are not yet
 * complete and the rows below go on with indicators of the same table (a 合计 per 一级, 总计 last).
 */
function closesGroupOnly(view: SheetView, f: TableFrame, r: number, above: RowReading[]): boolean {
  let next = -1;
  for (let rr = r + 1; rr <= Math.min(view.bottom, r + 2); rr++)
    if (!rowIsBlank(view, f, rr)) {
      next = rr;
      break;
    }
  if (next < 0 || locateHeader(view, next, f.header.band)) return false;
  const following = classifyRow(view, f, next);
  if (typeof following === "string") return false;
  if (following.kind === "total") return following.hasFigures;
  if (weightsComplete(view, f, above)) return false;
  if (following.kind !== "indicator" && following.kind !== "heading") return false;
  // Only if a total closes the rows below as well: otherwise the 合计 ends this table and a new one follows.
  for (let rr = next + 1; rr <= view.bottom; rr++) {
    if (rowIsBlank(view, f, rr)) {
      if (rowIsBlank(view, f, rr + 1) && rowIsBlank(view, f, rr + 2)) return false;
      continue;
    }
    if (locateHeader(view, rr, f.header.band)) return false;
    const x = classifyRow(view, f, rr);
    if (typeof x === "string") return false;
    if (x.kind === "total") return true;
  }
  return false;
}

function totalFollows(view: SheetView, f: TableFrame, r: number): boolean {
  for (let rr = r + 1; rr <= Math.min(view.bottom, r + 2); rr++) {
    if (rowIsBlank(view, f, rr)) continue;
    const x = classifyRow(view, f, rr);
    return typeof x !== "string" && x.kind === "total" && x.hasFigures;
  }
  return false;
}

function indicatorFollows(view: SheetView, f: TableFrame, r: number): boolean {
  for (let rr = r + 1; rr <= Math.min(view.bottom, r + 2); rr++) {
    if (rowIsBlank(view, f, rr)) continue;
    const x = classifyRow(view, f, rr);
    return typeof x !== "string" && (x.kind === "indicator" || x.kind === "heading");
  }
  return false;
}

/** The first row under a repeated header names an indicator already read above: another unit's copy of the form. */
function namesRepeatBelow(view: SheetView, f: TableFrame, headerEnd: number, above: RowReading[]): boolean {
  const seen = new Set(above.filter((x) => x.kind === "indicator" && x.label).map((x) => key(x.label!.text)));
  for (let r = headerEnd + 1; r <= Math.min(view.bottom, headerEnd + 3); r++) {
    const name = deepestName(view, f, r);
    if (name) return seen.has(key(name.text));
  }
  return false;
}

/** The repeated header's titles, in order, are the table's with one or two left out (a subsequence). */
function titlesLeftOut(again: HeaderCandidate, header: HeaderCandidate): boolean {
  const seq = (h: HeaderCandidate) => [...h.words].sort((a, b) => a.col - b.col).map((w) => w.role);
  const [a, h] = [seq(again), seq(header)];
  if (a.length < 4 || a.length >= h.length || a.length < h.length - 2) return false;
  let i = 0;
  for (const role of h) if (role === a[i]) i++;
  return i === a.length;
}

/** "项目名称：乙项目", "单位名称：某某中心" on the row above: the next form's own line. */
function formLineAbove(view: SheetView, f: TableFrame, r: number): boolean {
  for (let c = f.header.band.left; c <= f.right; c++) {
    const t = view.text(r - 1, c);
    if (t) return FORM_LINE.test(norm(t));
  }
  return false;
}
const FORM_LINE = /^(项目名称|单位名称|部门名称|项目单位|实施单位|主管部门|被评价单位|被考核单位|预算单位)[:：]?/;

/** A funds block's title row: budget and spent amounts titled side by side. */
function fundsHeading(view: SheetView, f: TableFrame, r: number): boolean {
  let budget = false;
  let executed = false;
  for (let c = f.header.band.left; c <= f.right; c++) {
    const k = key(view.text(r, c)).replace(FUNDS_AMOUNT_UNIT, "");
    if (FUNDS_BUDGET.test(k) || FUNDS_INITIAL.test(k)) budget = true;
    else if (FUNDS_EXECUTED.test(k)) executed = true;
  }
  return budget && executed;
}

function weightsComplete(view: SheetView, f: TableFrame, rows: RowReading[]): boolean {
  const weights = rows.filter((x) => x.kind === "indicator" || x.kind === "part").map((x) => numberCell(view, x.row, f.columns.roles.weight)?.value);
  const total = sum(weights);
  if (weights.length > 0 && (total.eq(100) || total.eq(1))) return true;
  // Weights printed in the names ("部门决策(25分)"): the 一级 groups read so far add up to the full 100.
  const groups = new Map<string, Decimal>();
  for (const x of rows) {
    const firsts = [...x.levels.filter((l) => l.level === 1), ...(x.kind === "heading" && x.headingLevel === 1 && x.label ? [x.label] : [])];
    for (const l of firsts) {
      const named = splitGroupWeight(l.text);
      if (named.weight && named.unit === "points") groups.set(named.name, named.weight);
    }
  }
  return groups.size > 1 && sum([...groups.values()]).eq(100);
}

/**
 * Blank rows left for a department's own indicators sit inside a table: the rows go on when the
 * next row with text has an empty 一级 column and a deeper name — it continues a group, and no
 * table starts that way.
 */
function continuesAfterBlanks(view: SheetView, f: TableFrame, r: number): boolean {
  const [outer, ...deeper] = f.columns.nameCols;
  if (outer === undefined || deeper.length === 0) return false;
  for (let rr = r + 1; rr <= Math.min(view.bottom, r + MAX_SKIPPED_BLANKS); rr++) {
    if (rowIsBlank(view, f, rr)) continue;
    if (locateHeader(view, rr, f.header.band)) return false;
    return view.isEmpty(rr, outer) && deeper.some((c) => !view.isEmpty(rr, c));
  }
  return false;
}

/**
 * "总分" alone in a figure column: a label merged across the row and centred, its merge lost in a
 * PDF conversion. Nothing else on the row but figures.
 */
function totalLabelAmongData(view: SheetView, f: TableFrame, r: number): LabelCell | undefined {
  let found: LabelCell | undefined;
  for (let c = f.dataLeft; c <= f.right; c++) {
    const v = view.value(r, c);
    if (typeof v !== "string" || !v.trim() || readNumber(v) !== null) continue;
    if (found || !isTotalLabel(v)) return undefined;
    found = { text: v, col: c };
  }
  return found;
}

/**
 * The forms' 栏次 line under the header: the columns numbered 1, 2, 3 … (as figures or text,
 * perhaps after a 栏次/序号 label). Its "6" under 分值 is a column number, not a weight.
 */
function isColumnNumbering(view: SheetView, f: TableFrame, r: number): boolean {
  const numbers: number[] = [];
  for (let c = f.header.band.left; c <= f.right; c++) {
    const v = view.value(r, c);
    if (v === null || v === "") continue;
    const t = String(v).normalize("NFKC").trim();
    if (/^\d{1,2}$/.test(t)) numbers.push(Number(t));
    else if (numbers.length > 0 || !/^(栏次|序号|列次|栏号)$/.test(key(t))) return false;
  }
  return numbers.length >= 3 && numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
}

/**
 * A name wrapped over two rows by a PDF conversion: the first part alone on its row ("立项依据"),
 * the figures on the next with the rest of the name ("充分性") or none. The second row is the
 * indicator, under the whole name; the first stays a row without figures.
 */
function joinWrappedName(view: SheetView, f: TableFrame, cur: RowReading, prev: RowReading | undefined): void {
  if (!prev || prev.row !== cur.row - 1 || prev.kind !== "placeholder" || !prev.label || hasData(view, f, prev.row)) return;
  if (cur.levels.length > 0 || !numberCell(view, cur.row, f.columns.roles.weight)?.value) return;
  const head = prev.label.text.trim();
  if (PLACEHOLDER_LABEL.test(key(head)) || BREAKDOWN_LABEL.test(key(head)) || prev.label.col !== f.columns.nameCols[f.columns.nameCols.length - 1]) return;
  if (cur.kind === "other" && !cur.label) {
    cur.kind = "indicator";
    cur.label = { text: head, col: prev.label.col };
  } else if (cur.kind === "indicator" && cur.label?.col === prev.label.col && key(cur.label.text).length <= 4) {
    cur.label = { text: head + cur.label.text.trim(), col: prev.label.col };
  }
}

/** A row with a weight but no name right under an indicator scores a further part of it. */
function isPartOfAbove(view: SheetView, f: TableFrame, r: number, above: RowReading[]): boolean {
  // A page break may fall inside an indicator: its further parts go on under the 续表 line and the
  // repeated header, right after them.
  // So may 评分标准 text wrapped onto rows of its own by a PDF conversion (no name, no figure).
  const wrappedText = (x: RowReading) => x.kind === "other" && !x.label && !hasData(view, f, x.row);
  let next = r;
  let i = above.length - 1;
  for (; i >= 0 && (above[i].kind === "repeated-header" || above[i].kind === "continuation" || wrappedText(above[i])); i--) {
    const last = Math.max(above[i].row, ...(above[i].spans ?? []));
    if (last !== next - 1) return false;
    next = above[i].row;
  }
  const prev = above[i];
  if (!prev || (prev.kind !== "indicator" && prev.kind !== "part") || prev.row !== next - 1) return false;
  return !!numberCell(view, r, f.columns.roles.weight)?.value?.gt(0);
}

function rowIsBlank(view: SheetView, f: TableFrame, r: number): boolean {
  for (let c = f.header.band.left; c <= f.right; c++) if (!view.isEmpty(r, c)) return false;
  return true;
}

/** Text cells left of the figures: names, 小计/合计 labels, a merged label beginning left of the table. */
function labelCells(view: SheetView, f: TableFrame, r: number): LabelCell[] {
  const out: LabelCell[] = [];
  for (let c = f.header.band.left; c < f.dataLeft; c++) {
    const t = view.text(r, c);
    if (t && typeof view.value(r, c) === "string") out.push({ text: t, col: c });
  }
  return out;
}

function hasData(view: SheetView, f: TableFrame, r: number): boolean {
  for (const role of ["weight", "score", "target", "actual", "nature", "deduction"] as const) {
    const c = f.columns.roles[role];
    if (c !== undefined && !view.isEmpty(r, c)) return true;
  }
  return false;
}

function hasFigures(view: SheetView, f: TableFrame, r: number, labelCol: number): boolean {
  for (const c of [f.columns.roles.weight, f.columns.roles.score]) {
    const n = numberCell(view, r, c);
    if (n && (n.value || n.formula)) return true;
  }
  // A figure in a 一级/二级's own weight column is that group's declared weight, not a row of figures.
  const levelWeights = new Set((f.columns.levelWeights ?? []).map((w) => w.col));
  return numbersInRow(view, r, labelCol + 1, f.right).some((n) => !levelWeights.has(n.pos.col));
}

/** A paragraph of report text in the name columns (long texts in 评分依据/指标解释 are the table's). */
function isNarrativeRow(view: SheetView, f: TableFrame, r: number): boolean {
  for (let c = f.left; c < f.dataLeft; c++) {
    const t = view.text(r, c);
    if (t.length > 60) return true;
    const m = view.merge(r, c);
    if (m && m.top === r && m.left === c && m.right - m.left >= 3 && t.length > 20) return true;
  }
  return false;
}

/** A 说明/注/填表人 line under the form: its first cell with text says so. */
function isFootnoteRow(view: SheetView, f: TableFrame, r: number): boolean {
  for (let c = f.header.band.left; c <= f.right; c++) {
    if (view.isEmpty(r, c)) continue;
    return typeof view.value(r, c) === "string" && FOOTNOTE_LINE.test(norm(view.text(r, c)));
  }
  return false;
}

/**
 * A row whose only text is in the columns right of the names and figures (评分标准, 偏差原因, a
 * page mark): a long text wrapped onto its own row by a PDF conversion, or a footer. It goes on
 * the table, it does not end it.
 */
function onlyTextRightOfFigures(view: SheetView, f: TableFrame, r: number): boolean {
  const { weight, score, target, actual, nature, unit } = f.columns.roles;
  const figureCols = new Set([weight, score, target, actual, nature, unit].filter((c) => c !== undefined));
  let text = false;
  for (let c = f.header.band.left; c <= f.right; c++) {
    if (view.isEmpty(r, c)) continue;
    const v = view.value(r, c);
    if (typeof v !== "string") return false;
    if (PAGE_MARK.test(key(v))) {
      text = true;
      continue;
    }
    if (c < f.dataLeft || figureCols.has(c)) return false;
    text = true;
  }
  return text;
}

/** A caption line of the next table ("乙项目绩效自评表"): one title and nothing else on the row. */
function isTitleRow(view: SheetView, f: TableFrame, r: number): boolean {
  let title = false;
  for (let c = f.header.band.left; c <= f.right; c++) {
    const t = view.text(r, c);
    if (!t) continue;
    if (typeof view.value(r, c) !== "string" || !TITLE_WORDS.test(t) || t.length > 60) return false;
    title = true;
  }
  return title;
}

/**
 * The table's own title printed again at the top of the next page, with the same header under it:
 * the table goes on (a different title, or no header under it, starts something else).
 */
function repeatsOwnTitle(view: SheetView, f: TableFrame, r: number): boolean {
  const texts = (row: number) => {
    const out: string[] = [];
    for (let c = f.header.band.left; c <= f.right; c++) if (view.text(row, c)) out.push(key(view.text(row, c)));
    return out.join("|");
  };
  const own = texts(r);
  const first = f.header.rows[0];
  let titled = false;
  // The title may stand well above the header, over a funds block and the 年度总体目标 rows.
  for (let rr = first - 1; rr >= Math.max(view.top, first - 16) && !titled; rr--) titled = texts(rr) === own;
  if (!titled) return false;
  // Printed title rows may repeat the （2023年度） or 单位名称/金额单位 lines under the title too.
  for (let rr = r + 1; rr <= Math.min(view.bottom, r + 5); rr++) {
    if (rowIsBlank(view, f, rr)) continue;
    const again = locateHeader(view, rr, f.header.band);
    if (again) return sameLayout(again, f.header);
    // No header repeated: the page goes straight on with the table's indicator rows.
    if (numbersInRow(view, rr, f.header.band.left, f.right + 1).length > 0) {
      const next = classifyRow(view, f, rr);
      return typeof next !== "string" && next.kind === "indicator" && !!numberCell(view, rr, f.columns.roles.weight)?.value;
    }
  }
  return false;
}

function isContinuation(view: SheetView, f: TableFrame, r: number): boolean {
  let cont = false;
  for (let c = f.header.band.left; c <= f.right; c++) {
    const t = view.text(r, c);
    if (!t) continue;
    if (typeof view.value(r, c) !== "string") return false;
    if (CONTINUATION_LABEL.test(key(t)) || CONTINUED_SUFFIX.test(t.normalize("NFKC"))) cont = true;
    else if (!TITLE_WORDS.test(t)) return false;
  }
  return cont;
}

/** One merged text cell across the weight and score columns ("其他需要说明事项 | 无"): a note, not an indicator. */
function spansFigureColumns(view: SheetView, f: TableFrame, r: number): boolean {
  const { weight, score, target, actual } = f.columns.roles;
  const cols = [weight, score, target, actual].filter((c): c is number => c !== undefined);
  if (cols.length < 2) return false;
  for (let c = f.dataLeft; c <= f.right; c++) {
    const m = view.merge(r, c);
    if (!m || m.top !== r || m.left !== c || !view.text(r, c)) continue;
    if (cols.filter((x) => x >= m.left && x <= m.right).length >= 2) return true;
  }
  return false;
}

/** "相关性(5分)": a name that carries its weight is an indicator even where no column holds a figure. */
function carriesWeight(text: string): boolean {
  return splitGroupWeight(text).weight !== null;
}

function levelCells(view: SheetView, f: TableFrame, r: number): RowReading["levels"] {
  const { roles, nameCols } = f.columns;
  const deepest = nameCols[nameCols.length - 1];
  const out: RowReading["levels"] = [];
  for (const [level, c] of [
    [1, roles.level1],
    [2, roles.level2],
  ] as const) {
    if (c === undefined || c === deepest) continue;
    const t = view.text(r, c);
    if (t && typeof view.value(r, c) === "string") out.push({ level, text: t, col: c });
  }
  return out;
}

/** The indicator's own name: the deepest name column, or a name merged across into it. */
function deepestName(view: SheetView, f: TableFrame, r: number): LabelCell | null {
  const { nameCols } = f.columns;
  const deepest = nameCols[nameCols.length - 1];
  if (deepest === undefined) return null;
  let t = view.text(r, deepest);
  let col = deepest;
  if (!t) {
    // A 三级 merged across from 二级 ("社会满意度" spanning both) shows in the deepest column too.
    const m = view.merge(r, deepest);
    if (m && m.top === r && m.left < deepest) {
      t = view.text(m.top, m.left);
      col = m.left;
    }
  }
  if (!t || typeof view.shown(r, col) !== "string") return null;
  return { text: t, col };
}

/** "投入:" / "产出" on a row of its own, with figures or a colon: a heading-style subtotal. */
function isCategoryRow(view: SheetView, f: TableFrame, r: number, label: LabelCell): boolean {
  if (!CATEGORY_LABEL.test(key(splitGroupWeight(label.text).name))) return false;
  // Under a 一级 column, 项目效益 or 满意度 in the 二级 column is a 二级 name, not a new 一级.
  const level1 = f.columns.roles.level1;
  if (level1 !== undefined && label.col > level1 && f.columns.nameCols.includes(label.col)) return false;
  const deeper = f.columns.nameCols.filter((c) => c > label.col).some((c) => !view.isEmpty(r, c));
  if (deeper) return false;
  if (/[:：]\s*$/.test(label.text)) return true;
  return hasFigures(view, f, r, label.col) && headsRowsBelow(view, f, r);
}

/** Whether the weights of every row of figures under the header, each counted once, make the total row's weight. */
function rowsAloneMakeTotal(view: SheetView, f: TableFrame): boolean {
  let total = new Dec(0);
  for (let rr = f.header.rows[f.header.rows.length - 1] + 1; rr <= view.bottom; rr++) {
    const first = labelCells(view, f, rr)[0];
    const w = numberCell(view, rr, f.columns.roles.weight)?.value;
    if (first && isTotalLabel(first.text)) return !!w && w.eq(total);
    if (w) total = total.plus(w);
  }
  return false;
}

/**
 * "满意度指标 | 10 | 9" heads the rows below it only if their weights add up to its own; in a recap
 * of 一级 results (产出 50, 效益 30, 满意度 10, 预算执行率 10) each row stands alone.
 */
function headsRowsBelow(view: SheetView, f: TableFrame, r: number): boolean {
  const own = numberCell(view, r, f.columns.roles.weight)?.value;
  if (!own) return true;
  const ownScore = numberCell(view, r, f.columns.roles.score)?.value;
  let total = new Dec(0);
  let scores = new Dec(0);
  for (let rr = r + 1; rr <= view.bottom; rr++) {
    if (rowIsBlank(view, f, rr)) return false;
    const first = labelCells(view, f, rr)[0];
    if (first && (isTotalLabel(first.text) || CATEGORY_LABEL.test(key(splitGroupWeight(first.text).name)))) return false;
    const w = numberCell(view, rr, f.columns.roles.weight)?.value;
    if (!w) continue;
    total = total.plus(w);
    scores = scores.plus(numberCell(view, rr, f.columns.roles.score)?.value ?? 0);
    // Weights alone may agree by chance (满意度 10 over 预算执行率 10). When the scores do not, the
    // total row decides: a recap's rows, each standing alone, add up to it.
    if (total.eq(own)) return !ownScore || scores.eq(ownScore) || !rowsAloneMakeTotal(view, f);
    if (total.gt(own)) return false;
  }
  return false;
}

function classifyRow(view: SheetView, f: TableFrame, r: number): RowReading | TableEnd {
  const labels = labelCells(view, f, r);
  const base = { row: r, levels: [] as RowReading["levels"], hasFigures: false };
  if (isContinuation(view, f, r)) return { ...base, kind: "continuation", label: null };
  if (isColumnNumbering(view, f, r)) return { ...base, kind: "other", label: null };
  const total = labels.find((l) => isTotalLabel(l.text)) ?? (labels.length === 0 ? totalLabelAmongData(view, f, r) : undefined);
  if (total) return { ...base, kind: "total", label: total, hasFigures: hasFigures(view, f, r, total.col) };
  const label = labels[0] ?? null;
  if (label && GRADE_LABEL.test(key(label.text)) && readGrade(view, r, f.left, f.right + 2)) return "grade";
  if (isNarrativeRow(view, f, r) || isFootnoteRow(view, f, r)) return "narrative";
  if (isTitleRow(view, f, r) && !hasData(view, f, r)) return "title";
  if ((label && NOTE_LABEL.test(key(label.text))) || spansFigureColumns(view, f, r)) return { ...base, kind: "other", label };
  const subtotal = labels.find((l) => SUBTOTAL_LABEL.test(key(l.text)));
  if (subtotal)
    return { ...base, kind: "subtotal", levels: levelCells(view, f, r).filter((l) => l.col !== subtotal.col), label: subtotal, hasFigures: hasFigures(view, f, r, subtotal.col) };
  // Only the row's first label can be a category: "满意度" in the 三级 column is an indicator's name.
  const category = label && isCategoryRow(view, f, r, label) ? label : null;
  if (category) return { ...base, kind: "heading", label: category, headingLevel: 1, hasFigures: hasFigures(view, f, r, category.col) };
  const levels = levelCells(view, f, r);
  const name = deepestName(view, f, r);
  if (!name) {
    const deepestLevel = levels[levels.length - 1];
    if (deepestLevel)
      return {
        ...base,
        kind: "heading",
        levels,
        label: deepestLevel,
        headingLevel: deepestLevel.level,
        hasFigures: hasFigures(view, f, r, deepestLevel.col),
        hasValues: [f.columns.roles.target, f.columns.roles.actual].some((c) => c !== undefined && !view.isEmpty(r, c)),
      };
    // "预算执行率（10分）" left of the name columns, its merge across them lost: a scored row of its own.
    const outer = f.columns.nameCols[0];
    if (label && outer !== undefined && label.col < outer && hasFigures(view, f, r, label.col) && !PLACEHOLDER_LABEL.test(key(label.text)))
      return { ...base, kind: "indicator", label };
    if (hasData(view, f, r)) return { ...base, kind: "other", label };
    if (label || onlyTextRightOfFigures(view, f, r)) return { ...base, kind: "other", label };
    return "no-label";
  }
  // "指标1:/" is the template's not-applicable row: judge the name without its "指标1:" prefix.
  const nameKey = key(name.text.replace(INDICATOR_PREFIX, "")) || key(name.text);
  const weight = numberCell(view, r, f.columns.roles.weight);
  const placeholder =
    PLACEHOLDER_LABEL.test(nameKey) || (BREAKDOWN_LABEL.test(nameKey) && !weight?.value) || (!hasData(view, f, r) && !carriesWeight(name.text));
  return { ...base, kind: placeholder ? "placeholder" : "indicator", levels, label: name };
}
