/**
 * Step 4 — fold classified rows into the table: indicators under their 一级/二级 groups, group
 * weights, subtotals with the rows they sum, the total. A name entered again after a page break
 * (续表, a repeated header, or simply the same 一级 written on the next row) continues its group.
 */
import type { SheetView } from "../grid/sheet-view";
import { key, tidy } from "../text/normalize";
import { sum } from "../values/decimal";
import { BREAKDOWN_LABEL, CONTINUED_SUFFIX, PLACEHOLDER_LABEL, UNLABELLED_SUBTOTAL } from "../text/vocabulary";
import type { GroupWeight, Indicator, NumberCell, SummaryRow } from "../model";
import { numberCell, numbersInRow as numbersInRowAll, scoreOutOf, scoreWithGrade } from "./cells";
import { deductionCell, readIndicator, type Levels } from "./indicator";
import { cleanName, groupKey, splitGroupWeight } from "./names";
import type { LabelCell, RowReading, TableFrame } from "./rows";

export interface Body {
  indicators: Indicator[];
  subtotals: SummaryRow[];
  total: SummaryRow | null;
  groupWeights: GroupWeight[];
  /** Rows that are the table's but no indicator's (placeholders, repeated headers, 续表 lines). */
  skippedRows: number[];
  /** Names without any figure kept as indicators until the shares step knows whether they carry a weight. */
  bareRows: number[];
}

interface OpenGroup {
  level: 1 | 2;
  key: string;
  weight: GroupWeight | null;
}

interface OpenSubtotal {
  level: 1 | 2;
  key: string;
  row: SummaryRow;
}

export function foldRows(view: SheetView, frame: TableFrame, readings: RowReading[]): Body {
  const body: Body = { indicators: [], subtotals: [], total: null, groupWeights: [], skippedRows: [], bareRows: [] };
  const levels: Levels = { level1: null, level2: null };
  const groups: OpenGroup[] = [];
  const openSubtotals: OpenSubtotal[] = [];
  /** Where the rows a 小计 closes begin. */
  let boundary = frame.header.rows[frame.header.rows.length - 1];

  const closeGroups = (level: 1 | 2) => {
    for (let i = groups.length - 1; i >= 0; i--) if (groups[i].level >= level) keepGroup(groups.splice(i, 1)[0]);
  };
  const keepGroup = (g: OpenGroup) => {
    if (g.weight) body.groupWeights.push(g.weight);
  };
  const closeSubtotals = (level: 1 | 2) => {
    for (let i = openSubtotals.length - 1; i >= 0; i--) {
      if (openSubtotals[i].level < level) continue;
      const s = openSubtotals.splice(i, 1)[0];
      body.subtotals.push(s.row);
      boundary = Math.max(boundary, s.row.memberRows.at(-1) ?? s.row.row);
    }
  };

  /** Enters a 一级/二级 name; the same name again continues its group rather than opening another. */
  const enter = (level: 1 | 2, cell: LabelCell, row: number) => {
    const k = groupKey(cell.text);
    const open = groups.find((g) => g.level === level);
    if (open && open.key === k) return;
    const named = splitGroupWeight(cell.text.normalize("NFKC").replace(CONTINUED_SUFFIX, ""));
    // "(10.8%)" of a table of 100 points is 10.8 points: a percentage in a name needs no conversion.
    const { name } = named;
    const weight = named.weight ?? levelWeight(level, row);
    const clean = cleanName(name.replace(/[:：]\s*$/, "")) || cleanName(cell.text);
    if (level === 1) {
      levels.level1 = clean || levels.level1 || cell.text;
      levels.level2 = null;
    } else levels.level2 = clean;
    closeGroups(level);
    closeSubtotals(level);
    const gw: GroupWeight | null = weight ? { level, name: clean, declared: weight, cell: { row, col: cell.col }, memberRows: [] } : null;
    groups.push({ level, key: k, weight: gw });
  };

  readings.forEach((reading, i) => {
    const r = reading.row;
    switch (reading.kind) {
      case "blank":
        return;
      case "repeated-header":
        body.skippedRows.push(...(reading.spans ?? [r]));
        return;
      case "continuation":
        body.skippedRows.push(r);
        return;
      case "other":
        if (!reading.label && closesRowsAbove(r)) return;
        if (hasDataCells(view, frame, r)) body.skippedRows.push(r);
        return;
      case "part":
        if (!closesRowsAbove(r)) addPart(r);
        return;
      case "placeholder":
        for (const l of reading.levels) enter(l.level, l, r);
        // Without a weight column a bare name may still carry its group's weight (sole child).
        if (frame.columns.roles.weight === undefined && isRealName(reading.label!.text)) {
          addIndicator(readIndicator(view, frame.columns, r, reading.label!, levels));
          body.bareRows.push(r);
        } else body.skippedRows.push(r);
        return;
      case "total":
        closeSubtotals(1);
        body.total = summary(view, frame, r, "total", reading.label!, body);
        return;
      case "subtotal": {
        // "决策 | 小计 | 20" opening a new 一级 heads the rows below it rather than closing those above.
        const opens = reading.levels.find((l) => groups.find((g) => g.level === l.level)?.key !== groupKey(l.text));
        if (opens) {
          heading({ ...reading, kind: "heading", label: opens, headingLevel: opens.level, levels: reading.levels }, i);
          return;
        }
        closeSubtotals(1);
        const row = summary(view, frame, r, "subtotal", reading.label!, body);
        row.memberRows = body.indicators.filter((x) => x.row > boundary).map((x) => x.row);
        body.subtotals.push(row);
        boundary = r;
        return;
      }
      case "heading":
        heading(reading, i);
        return;
      case "indicator": {
        for (const l of reading.levels) enter(l.level, l, r);
        addIndicator(readIndicator(view, frame.columns, r, reading.label!, levels));
        return;
      }
    }
  });
  closeSubtotals(1);
  closeGroups(1);
  // A total printed above its rows ("合计" right under the header) closes all of them all the same.
  if (body.total && body.total.memberRows.length === 0)
    body.total = { ...body.total, memberRows: body.indicators.map((x) => x.row), subtotalRows: body.subtotals.map((x) => x.row) };
  return body;

  /**
   * A name on a row of its own. With figures and rows under it, it is a subtotal of those rows
   * ("投入: 20 19.80", "决策(20分) =SUM(…)"); with figures and nothing under it, or with a target or
   * actual of its own, an indicator whose name sits in a 一级/二级 column; without figures, it opens
   * a group.
   */
  function heading(reading: RowReading, i: number): void {
    const r = reading.row;
    const label = reading.label!;
    const level = reading.headingLevel ?? 1;
    const k = groupKey(label.text);
    for (const l of reading.levels) if (l.col !== label.col) enter(l.level, l, r);
    // A category word in the name column ("满意度 | 10 | 9") with nothing under it is an indicator
    // of the group it sits in, not a new 一级.
    const isCategory = !reading.levels.some((l) => l.col === label.col);
    if (reading.hasFigures && (reading.hasValues || !headsRows(readings, i, level, k))) {
      if (!isCategory) enter(level, label, r);
      addIndicator(readIndicator(view, frame.columns, r, label, levels));
      return;
    }
    const continuing = groups.find((g) => g.level === level)?.key === k;
    enter(level, label, r);
    if (!reading.hasFigures) return;
    if (continuing && openSubtotals.some((s) => s.level === level && s.key === k)) return;
    const row = summary(view, frame, r, "subtotal", label, body);
    // The row states the group's weight in figures: the name's "(20分)" is not a second claim.
    const g = groups.find((x) => x.level === level);
    if (g?.weight && row.weight?.value) g.weight = null;
    openSubtotals.push({ level, key: k, row });
  }

  /** The weight in a 一级/二级's own weight column ("一级指标 | 权重 | …"), if the form has one. */
  function levelWeight(level: 1 | 2, row: number) {
    const col = frame.columns.levelWeights?.find((w) => w.level === level)?.col;
    return numberCell(view, row, col)?.value ?? null;
  }

  /**
   * A row without a label whose weight (and score, if any) equal the sums of the rows since the last
   * subtotal is an unlabelled subtotal closing them: the arithmetic says what the words do not.
   */
  function closesRowsAbove(r: number): boolean {
    const members = body.indicators.filter((x) => x.row > boundary);
    if (members.length < 2) return false;
    const w = numberCell(view, r, frame.columns.roles.weight)?.value;
    const sc = numberCell(view, r, frame.columns.roles.score);
    const sums = (pick: (i: Indicator) => NumberCell | null) => sum(members.map((i) => pick(i)?.value));
    if (!w || !w.eq(sums((i) => i.weight))) return false;
    if (sc?.value && !sc.value.eq(sums((i) => i.score))) return false;
    const at = frame.columns.roles.weight!;
    const row = summary(view, frame, r, "subtotal", { text: UNLABELLED_SUBTOTAL, col: at }, body);
    row.memberRows = members.map((i) => i.row);
    body.subtotals.push(row);
    boundary = r;
    return true;
  }

  /** A further part of the indicator above ("①②③④", each with its own points). */
  function addPart(r: number): void {
    const base = body.indicators[body.indicators.length - 1];
    const part = body.indicators.filter((x) => x.nameCell.row === base.nameCell.row).length + 1;
    const first = body.indicators.find((x) => x.nameCell.row === base.nameCell.row)!;
    addIndicator({
      ...first,
      row: r,
      name: `${first.name}（${part}）`,
      weight: numberCell(view, r, frame.columns.roles.weight),
      score: numberCell(view, r, frame.columns.roles.score),
      deduction: deductionCell(view, r, frame.columns.roles.deduction),
      basis: null,
    });
  }

  function addIndicator(ind: Indicator): void {
    body.indicators.push(ind);
    for (const g of groups) g.weight?.memberRows.push(ind.row);
    for (const s of openSubtotals) s.row.memberRows.push(ind.row);
  }
}

/** Whether indicator rows follow a heading before the next name at its level or above. */
function headsRows(readings: RowReading[], i: number, level: 1 | 2, k: string): boolean {
  for (let j = i + 1; j < readings.length; j++) {
    const x = readings[j];
    if (x.kind === "total" || x.kind === "subtotal") return false;
    if (x.kind === "heading" && (x.headingLevel ?? 1) <= level && groupKey(x.label!.text) !== k) return false;
    const outer = x.levels.find((l) => l.level <= level);
    if (outer && groupKey(outer.text) !== k) return false;
    if (x.kind === "indicator") return true;
    if (x.kind === "heading" && x.hasFigures) return true;
  }
  return false;
}

/** A name, not a template mark ("指标2:", "……", "/") or a 其中 breakdown. */
function isRealName(text: string): boolean {
  const k = key(text);
  return !!k && !PLACEHOLDER_LABEL.test(k) && !BREAKDOWN_LABEL.test(k);
}

function hasDataCells(view: SheetView, frame: TableFrame, r: number): boolean {
  for (const role of ["weight", "score", "target", "actual", "nature"] as const) {
    const c = frame.columns.roles[role];
    if (c !== undefined && !view.isEmpty(r, c)) return true;
  }
  return false;
}

/** A subtotal's or total's figures: in the weight/score columns, or shifted right of the label. */
/** Columns of figures that are neither weights nor scores: 扣分, 得分率, 完成率. */
const OTHER_FIGURE_TITLE = /(扣分|扣减|扣除|得分率|完成率|执行率|比例|加分)/;

function summary(view: SheetView, frame: TableFrame, r: number, kind: "subtotal" | "total", label: LabelCell, body: Body): SummaryRow {
  const { roles } = frame.columns;
  // A row's figures read by position leave out those under a title of their own kind (合计 | 100 | 7.4 扣分 | blank 得分).
  const otherFigure = (c: number) => c !== roles.weight && c !== roles.score && frame.header.rows.some((h) => OTHER_FIGURE_TITLE.test(view.text(h, c, true)));
  const numbersInRow = (row: number, from: number, to: number) => numbersInRowAll(view, row, from, to).filter((n) => !otherFigure(n.pos.col));
  let weight: NumberCell | null = numberCell(view, r, roles.weight);
  let score: NumberCell | null = numberCell(view, r, roles.score);
  score = scoreOutOf(view, scoreWithGrade(view, score)?.cell ?? score, weight?.value);
  // Forms with a 分值 column per level (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值) put the
  // total's weight under the 一级 分值 and leave the 三级 one empty.
  for (const lw of [...(frame.columns.levelWeights ?? [])].sort((a, b) => a.level - b.level)) weight ??= numberCell(view, r, lw.col);
  // One figure in its column and the other beside it (a PDF conversion shifted the row by a column):
  // the row's two figures, in column order, are its weight and score.
  if (!weight?.value !== !score?.value && roles.weight !== undefined && roles.score !== undefined) {
    const nums = numbersInRow(r, label.col + 1, frame.right + 1);
    if (nums.length === 2) {
      weight = null;
      score = null;
    }
  }
  // "总得分 | 92.6" with its one figure under 分值 or 评分标准: the label says it is the score.
  const saysScore = /得分/.test(key(label.text)) && !/(分值|权重)/.test(key(label.text));
  if (saysScore && weight?.value && !score?.value && numbersInRow(r, label.col + 1, frame.right + 1).length === 1) {
    score = weight;
    weight = null;
  }
  if (!weight && !score) {
    // Figures shifted out of their columns (PDF conversions): take the row's numbers in column order.
    const nums = numbersInRow(r, label.col + 1, frame.right + 1);
    const scoreFirst = roles.score !== undefined && roles.weight !== undefined && roles.score < roles.weight;
    if (nums.length >= 2) {
      const [a, b] = [nums[nums.length - 2], nums[nums.length - 1]];
      [weight, score] = scoreFirst ? [b, a] : [a, b];
    } else if (nums.length === 1) {
      if ((roles.weight === undefined && roles.score !== undefined) || saysScore) score = nums[0];
      else weight = nums[0];
    }
  }
  return {
    kind,
    row: r,
    label: tidy(label.text),
    labelCell: { row: r, col: label.col },
    weight,
    score,
    memberRows: kind === "total" ? body.indicators.map((i) => i.row) : [],
    subtotalRows: kind === "total" ? body.subtotals.map((s) => s.row) : [],
  };
}
