import type { SheetView } from "../grid/sheet-view";
import { key } from "../text/normalize";
import {
  FUNDS_AMOUNT_UNIT,
  FUNDS_BLOCK_WORD,
  FUNDS_BUDGET,
  FUNDS_EXECUTED,
  FUNDS_HEADING,
  FUNDS_HEADING_DETAIL,
  FUNDS_INITIAL,
  FUNDS_LABEL_BUDGET,
  FUNDS_LABEL_EXECUTED,
  FUNDS_PART_LABEL,
  FUNDS_RATE,
  FUNDS_SCORE_WORD,
  FUNDS_TOTAL_ROW,
  FUNDS_WEIGHT_WORD,
} from "../text/vocabulary";
import type { FundsBlock, NumberCell } from "../model";
import { numberCell } from "./cells";
import { splitGroupWeight } from "./names";
import { readNumber } from "../values/number-text";
import { parseIndicatorValue } from "../values/indicator-value";
import { Dec } from "../values/decimal";


/**
 * Reads the funds block (项目资金) between `from` and `to`: either the national grid
 * (年初预算数 · 全年预算数 · 全年执行数 · 分值 · 执行率 · 得分) or labelled rows
 * ("预算资金 | 市级预算资金 | 2536.08", "年度资金总额：193.92").
 */
export function readFunds(view: SheetView, from: number, to: number): FundsBlock | null {
  return readGridFunds(view, from, to) ?? readLabelledFunds(view, from, to);
}

function readGridFunds(view: SheetView, from: number, to: number): FundsBlock | null {
  for (let h = from; h <= to; h++) {
    const cols: Record<string, number> = {};
    for (let c = view.left; c <= view.right; c++) {
      const k = key(view.text(h, c)).replace(FUNDS_AMOUNT_UNIT, "");
      if (!k) continue;
      // A title over no figure ("年度预算数(万元)" over the row labels) is a caption, not the column.
      const amounts = hasAmountBelow(view, h, c);
      if (FUNDS_INITIAL.test(k)) cols.initial ??= c;
      else if (FUNDS_BUDGET.test(k)) cols.budget = cols.budget === undefined || (!hasAmountBelow(view, h, cols.budget) && amounts) ? c : cols.budget;
      else if (FUNDS_EXECUTED.test(k)) cols.executed = cols.executed === undefined || (!hasAmountBelow(view, h, cols.executed) && amounts) ? c : cols.executed;
      else if (FUNDS_RATE.test(k)) cols.rate ??= c;
      else if (FUNDS_WEIGHT_WORD.test(k)) cols.weight ??= c;
      else if (FUNDS_SCORE_WORD.test(k)) cols.score ??= c;
    }
    if (cols.budget === undefined || (cols.executed === undefined && cols.rate === undefined)) continue;
    // A project's funds block says so ("项目资金（万元）", "年度资金总额"); a regional budget list does not.
    if (!mentionsFunds(view, h)) continue;
    // The 年度资金总额 row, or else the first row with a budget figure.
    let dataRow = -1;
    for (let r = h + 1; r <= Math.min(to + 1, h + 8, view.bottom); r++) {
      const label = rowLabel(view, r, cols.budget);
      // Amounts left blank or "—" still leave the row's 分值 and 得分 to count.
      const scored = [cols.weight, cols.score].some((c) => c !== undefined && readNumber(view.value(r, c)) !== null);
      if (FUNDS_TOTAL_ROW.test(label) && (readNumber(view.value(r, cols.budget)) !== null || scored)) {
        dataRow = r;
        break;
      }
      if (dataRow < 0 && readNumber(view.value(r, cols.budget)) !== null) dataRow = r;
    }
    if (dataRow < 0) continue;
    const parts: NumberCell[] = [];
    let bottom = dataRow;
    for (let r = dataRow + 1; r <= Math.min(dataRow + 5, view.bottom); r++) {
      const label = rowLabel(view, r, cols.budget);
      if (!FUNDS_PART_LABEL.test(label)) break;
      bottom = r;
      const n = numberCell(view, r, cols.budget);
      if (n?.value) parts.push(n);
    }
    const slide = rowSlide(view, dataRow, cols);
    const at = (c: number | undefined) => (c === undefined ? undefined : c + slide);
    const rate = statedRateAt(view, dataRow, at(cols.rate));
    const top = headingTop(view, h);
    return {
      range: { top, left: occupiedLeft(view, top, bottom), bottom, right: Math.max(...Object.values(cols)) },
      budget: amountUnder(view, h, dataRow, at(cols.budget)),
      initialBudget: amountUnder(view, h, dataRow, at(cols.initial)),
      executed: amountUnder(view, h, dataRow, at(cols.executed)),
      statedRate: rate,
      weight: cols.weight !== undefined ? numberCell(view, dataRow, at(cols.weight)) : weightInHeading(view, h),
      score: numberCell(view, dataRow, at(cols.score)),
      budgetParts: parts,
      ...(slide ? { slid: slide } : {}),
    };
  }
  return null;
}

function statedRateAt(view: SheetView, row: number, col: number | undefined): FundsBlock["statedRate"] {
  const cell = col !== undefined ? view.value(row, col) : null;
  const rate = cell === null ? null : parseIndicatorValue(cell, view.numberFormat(row, col!));
  if (rate?.kind !== "number" || !rate.number) return null;
  return { value: rate.percent ? rate.number : rate.number.lt(2) ? rate.number.times(100) : rate.number, pos: { row, col: col! } };
}

/**
 * A conversion that drops or adds a cell slides the 年度资金总额 row a column. The slide is taken
 * only when the arithmetic proves it: one column over, 执行数 ÷ 预算数 gives the printed 执行率,
 * the 分值 is a block's points and the 得分 does not exceed them. Otherwise the row is read as it
 * stands (and a misfit is said as a doubt).
 */
function rowSlide(view: SheetView, row: number, cols: Record<string, number>): 0 | 1 | -1 {
  const fits = (s: number) => {
    const num = (c: number | undefined) => (c === undefined ? null : readNumber(view.value(row, c + s)));
    const [budget, executed, weight, score] = [num(cols.budget), num(cols.executed), num(cols.weight), num(cols.score)];
    const rate = cols.rate !== undefined ? statedRateAt(view, row, cols.rate + s) : null;
    if (!budget?.gt(0) || !executed || !weight?.gt(0) || weight.gt(30) || !rate) return false;
    if (score && score.gt(weight)) return false;
    return executed.div(budget).times(100).minus(rate.value).abs().lte(1);
  };
  if (!weightMisplaced(view, row, cols) || fits(0)) return 0;
  return fits(1) ? 1 : fits(-1) ? -1 : 0;
}

/** The row as it stands fails fundsAligned's test: its 分值 is no block's points. */
function weightMisplaced(view: SheetView, row: number, cols: Record<string, number>): boolean {
  if (cols.weight === undefined) return false;
  const w = readNumber(view.value(row, cols.weight));
  return w === null || w.gt(30) || w.lte(0);
}

/**
 * The amount under a funds title. A title spread over sub-columns (全年预算数 over 中央资金 | 地方资金)
 * gives their 小计/合计 column if there is one, or else their sum.
 */
function amountUnder(view: SheetView, h: number, row: number, col: number | undefined): NumberCell | null {
  if (col === undefined) return null;
  const own = numberCell(view, row, col);
  const sub = h + 1;
  if (sub >= row || !view.text(sub, col) || readNumber(view.value(sub, col)) !== null) return own;
  const merge = view.merge(h, col);
  let last = merge && merge.left === col ? merge.right : col;
  // Merges lost: the title's row stays empty over its further sub-columns.
  while (last + 1 <= view.right && !view.text(h, last + 1) && view.text(sub, last + 1)) last++;
  if (last === col) return own;
  const cells: NumberCell[] = [];
  for (let c = col; c <= last; c++) {
    const n = numberCell(view, row, c);
    if (/^(小计|合计|总计)$/.test(key(view.text(sub, c)))) return n;
    if (n?.value) cells.push(n);
  }
  if (cells.length === 0) return own;
  return { value: cells.reduce((a, n) => a.plus(n.value!), new Dec(0)), pos: cells[0].pos };
}

function hasAmountBelow(view: SheetView, h: number, c: number): boolean {
  for (let r = h + 1; r <= Math.min(view.bottom, h + 3); r++) if (readNumber(view.value(r, c)) !== null) return true;
  return false;
}

/** The label of a funds row: the nearest text left of the first figure column. */
function rowLabel(view: SheetView, r: number, firstFigureCol: number): string {
  for (let c = firstFigureCol - 1; c >= view.left; c--) {
    const t = view.text(r, c);
    // "—" in an amount column left of the budget (年初预算数) is a blank, not the row's label.
    if (t && typeof view.value(r, c) === "string" && !/^[/／\\—–\-－_…]+$/.test(t.trim())) return key(t);
  }
  return "";
}

function mentionsFunds(view: SheetView, h: number): boolean {
  for (let r = Math.max(view.top, h - 2); r <= Math.min(view.bottom, h + 1); r++)
    for (let c = view.left; c <= view.right; c++) if (FUNDS_BLOCK_WORD.test(view.text(r, c))) return true;
  return false;
}

/** "预算执行情况(万元) (20分)": a funds block without a 分值 column may state its points in its heading. */
function weightInHeading(view: SheetView, h: number): NumberCell | null {
  for (let r = h; r >= Math.max(view.top, h - 2); r--)
    for (let c = view.left; c <= view.right; c++) {
      const t = view.text(r, c);
      if (!t || !FUNDS_BLOCK_WORD.test(t)) continue;
      const { weight, unit } = splitGroupWeight(t);
      if (weight && unit === "points") return { value: weight, pos: { row: r, col: c } };
    }
  return null;
}

/**
 * The funds heading ("项目资金（万元）") sits on the row of the column words or up to two rows
 * above it; a project name that merely contains 资金 is not a heading.
 */
/** The block begins at its leftmost filled cell (often a vertical 项目资金（万元） label), not at the band's edge. */
function occupiedLeft(view: SheetView, top: number, bottom: number): number {
  for (let c = view.left; c <= view.right; c++) for (let r = top; r <= bottom; r++) if (view.text(r, c)) return c;
  return view.left;
}

function headingTop(view: SheetView, h: number): number {
  const isHeading = (r: number) => {
    for (let c = view.left; c <= view.right; c++) if (FUNDS_HEADING.test(key(view.text(r, c)))) return true;
    return false;
  };
  if (isHeading(h)) return h;
  for (let r = h - 1; r >= Math.max(view.top, h - 2); r--) if (isHeading(r)) return r;
  return h;
}

function readLabelledFunds(view: SheetView, from: number, to: number): FundsBlock | null {
  let budget: NumberCell | null = null;
  let executed: NumberCell | null = null;
  let top = Infinity;
  let bottom = -Infinity;
  for (let r = from; r <= to; r++) {
    for (let c = view.left; c <= view.right; c++) {
      const v = view.value(r, c);
      if (typeof v !== "string") continue;
      const k = key(v);
      const isBudget = FUNDS_LABEL_BUDGET.test(k);
      const isExecuted = !isBudget && FUNDS_LABEL_EXECUTED.test(k);
      if (!isBudget && !isExecuted) continue;
      if ((isBudget && budget) || (isExecuted && executed)) continue;
      const amount = labelledAmount(view, r, c, to);
      if (!amount) continue;
      if (isBudget) budget = amount.cell;
      else executed = amount.cell;
      top = Math.min(top, r);
      bottom = Math.max(bottom, amount.bottom);
    }
  }
  if (!budget) return null;
  let headTop = top;
  for (let r = top; r >= Math.max(from, top - 2); r--) {
    for (let c = view.left; c <= view.right; c++) if (FUNDS_BLOCK_WORD.test(view.text(r, c)) && FUNDS_HEADING_DETAIL.test(view.text(r, c))) headTop = r;
  }
  const points = pointsBesideLabels(view, headTop, [budget, executed]);
  return {
    range: { top: headTop, left: occupiedLeft(view, headTop, bottom), bottom, right: view.right },
    budget,
    initialBudget: null,
    executed,
    statedRate: points.rate,
    weight: points.weight,
    score: points.score,
    budgetParts: [],
  };
}

/**
 * A funds block turned sideways (its amounts down the rows 全年预算数 / 全年执行数, with 分值 ·
 * 执行率 · 得分 titled across the top): the points stand on one of those rows, under their titles.
 */
function pointsBesideLabels(view: SheetView, headTop: number, cells: (NumberCell | null)[]): Pick<FundsBlock, "weight" | "score"> & { rate: FundsBlock["statedRate"] } {
  const none = { weight: null, score: null, rate: null };
  const cols: Record<string, number> = {};
  // The titles stand on the block's first row or just above it.
  for (let r = headTop; r >= Math.max(view.top, headTop - 2) && (cols.weight === undefined || cols.score === undefined); r--)
    for (let c = view.left; c <= view.right; c++) {
      const k = key(view.text(r, c));
      if (FUNDS_WEIGHT_WORD.test(k)) cols.weight ??= c;
      else if (FUNDS_SCORE_WORD.test(k)) cols.score ??= c;
      else if (FUNDS_RATE.test(k)) cols.rate ??= c;
    }
  if (cols.weight === undefined || cols.score === undefined) return none;
  for (const cell of cells) {
    if (!cell) continue;
    const weight = numberCell(view, cell.pos.row, cols.weight);
    if (!weight?.value) continue;
    const rateText = cols.rate !== undefined ? view.value(cell.pos.row, cols.rate) : null;
    const rate = rateText === null ? null : parseIndicatorValue(rateText, view.numberFormat(cell.pos.row, cols.rate));
    return {
      weight,
      score: numberCell(view, cell.pos.row, cols.score),
      rate: rate?.kind === "number" && rate.number ? { value: rate.percent ? rate.number : rate.number.times(100), pos: { row: cell.pos.row, col: cols.rate! } } : null,
    };
  }
  return none;
}

/**
 * The amount a label stands for: a figure in the label cell itself ("年度资金总额：193.92"), or the
 * sum of the last figure on each row the label spans (its merge, or until the next label below it).
 */
const isAmountLabel = (k: string) => FUNDS_LABEL_BUDGET.test(k) || FUNDS_LABEL_EXECUTED.test(k) || FUNDS_RATE.test(k) || /到位|执行率/.test(k);

function labelledAmount(view: SheetView, r: number, c: number, to: number): { cell: NumberCell; bottom: number } | null {
  const inCell = /[:：]\s*([\d.]+)/.exec(String(view.value(r, c)).normalize("NFKC"));
  if (inCell) return { cell: { value: new Dec(inCell[1]), pos: { row: r, col: c } }, bottom: r };
  const m = view.merge(r, c);
  let last = m ? m.bottom : r;
  if (!m) {
    for (let rr = r + 1; rr <= Math.min(to, r + 5); rr++) {
      if (!view.isEmpty(rr, c) || isBlankRow(view, rr)) break;
      last = rr;
    }
  }
  let total = new Dec(0);
  let first: NumberCell | null = null;
  let found = false;
  for (let rr = r; rr <= last; rr++) {
    // The label's own figure is the nearest one to its right: on a line such as
    // "预算数 | 1350.5 | 实际支出数 | 1296.48", the next label's figure is not this one's.
    for (let cc = c + 1; cc <= view.right; cc++) {
      const v = view.value(rr, cc);
      if (v === null || v === "") continue;
      const n = readNumber(v);
      if (n === null) {
        // A source named beside the label ("预算资金 | 市级预算资金 | 2536.08") is passed over; the next
        // amount's own label ends the search.
        if (typeof v === "string" && isAmountLabel(key(v))) break;
        continue;
      }
      total = total.plus(n);
      first ??= { value: n, pos: { row: rr, col: cc }, formula: view.formula(rr, cc) };
      found = true;
      break;
    }
  }
  if (!found || !first) return null;
  // A single figure keeps its own cell; a sum of several points at the first.
  return { cell: { ...first, value: total }, bottom: last };
}

function isBlankRow(view: SheetView, r: number): boolean {
  for (let c = view.left; c <= view.right; c++) if (!view.isEmpty(r, c)) return false;
  return true;
}

/**
 * Whether the 年度资金总额 row's figures sit under their own titles. A conversion that drops or
 * adds a cell slides them a column: a 分值 of 950 or "95%" is no funds block's points. (A 得分
 * above its 分值 is score-exceeds-weight's to report, not evidence of a slide.)
 */
export function fundsAligned(f: FundsBlock): boolean {
  // The weight is already in points here ("10%" of the 100 is 10): a rate slid under 分值 is not.
  return !f.weight?.value?.gt(30);
}
