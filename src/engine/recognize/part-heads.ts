/**
 * Step 4c — rows that carry the sum of the rows under them. Third-party forms give a 三级 row with
 * its points and score, then a row per 评价要点 without a name; system exports give each 一级 or 二级
 * a row of its own (三级 left blank) above its indicators, whose names repeat on every row. Read as
 * indicators, such rows count twice. They are subtotals when they say nothing of their own (no 要点,
 * 标准 or target text) while the rows under them do, and only without them do the rows add up to the
 * total row's weight.
 */
import type { SheetView } from "../grid/sheet-view";
import type { Indicator, SummaryRow } from "../model";
import { placesOf, round, sum } from "../values/decimal";
import { readNumber } from "../values/number-text";
import type { Body } from "./fold";
import type { TableFrame } from "./rows";
import type { FundsPoints } from "./slid-rows";
import type { Decimal } from "decimal.js";

export function partHeadsAsSubtotals(view: SheetView, frame: TableFrame, body: Body, funds: FundsPoints): Body {
  const heads = body.indicators.filter((ind) => {
    const members = membersOf(frame, body, ind);
    if (members.length === 0 || !ind.weight?.value || textBeside(view, frame, ind.row)) return false;
    return members.every((p) => textBeside(view, frame, p.row));
  });
  if (heads.length === 0 || !addsUpWithout(body, heads, funds.weight)) return body;
  const headRows = new Set(heads.map((h) => h.row));
  const drop = (rows: number[]) => rows.filter((r) => !headRows.has(r));
  const subtotals: SummaryRow[] = heads.map((h) => ({
    kind: "subtotal",
    row: h.row,
    label: h.name,
    labelCell: h.nameCell,
    weight: h.weight,
    score: h.score,
    memberRows: membersOf(frame, body, h).map((p) => p.row),
    subtotalRows: [],
  }));
  return {
    ...body,
    indicators: body.indicators.filter((i) => !headRows.has(i.row)),
    subtotals: [...body.subtotals.map((s) => ({ ...s, memberRows: drop(s.memberRows) })), ...subtotals].sort((a, b) => a.row - b.row),
    total: body.total && { ...body.total, memberRows: drop(body.total.memberRows), subtotalRows: [...body.total.subtotalRows, ...headRows].sort((a, b) => a - b) },
    groupWeights: body.groupWeights.map((g) => ({ ...g, memberRows: drop(g.memberRows) })),
  };
}

/**
 * The rows a head would sum: its further parts (rows read under its name), or, for a row named in
 * a 一级/二级 column, the indicators of that group below it.
 */
function membersOf(frame: TableFrame, body: Body, head: Indicator): Indicator[] {
  const innermost = Math.max(...frame.columns.nameCols);
  const below = body.indicators.filter((x) => x.row > head.row);
  if (head.nameCell.col >= innermost) return below.filter((x) => x.nameCell.row === head.nameCell.row && x.nameCell.col === head.nameCell.col);
  const { level1, level2 } = frame.columns.roles;
  const inGroup = (x: Indicator) =>
    x.nameCell.col === innermost && x.nameCell.row === x.row && (head.nameCell.col === level1 ? x.level1 === head.name : head.nameCell.col === level2 && x.level2 === head.name && x.level1 === head.level1);
  const members: Indicator[] = [];
  for (const x of below) {
    if (x.nameCell.col < innermost) continue;
    if (!inGroup(x)) break;
    members.push(x);
  }
  return members;
}

/** Words of the row's own right of its names (要点, 评分标准, a target), figures aside. */
function textBeside(view: SheetView, frame: TableFrame, r: number): boolean {
  const from = Math.max(...frame.columns.nameCols) + 1;
  const { weight, score } = frame.columns.roles;
  for (let c = from; c <= frame.right; c++) {
    if (c === weight || c === score) continue;
    const v = view.value(r, c);
    if (typeof v === "string" && v.trim() && readNumber(v) === null) return true;
  }
  return false;
}

/** The total row's weight is met without the heads (and the funds block's points) and was not met with them. */
function addsUpWithout(body: Body, heads: Indicator[], fundsWeight: Decimal | null): boolean {
  const declared = body.total?.weight?.value;
  if (!declared) return false;
  const weightOf = (inds: Indicator[]) => round(sum([...inds.filter((i) => !i.adjustment).map((i) => i.weight?.value), fundsWeight]), placesOf(declared));
  const without = body.indicators.filter((i) => !heads.includes(i));
  return weightOf(without).eq(declared) && !weightOf(body.indicators).eq(declared);
}
