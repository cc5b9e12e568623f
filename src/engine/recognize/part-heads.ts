/**
 * Step 4c — a 三级 row over its 评价要点. Third-party forms give some indicators as a row carrying
 * the 三级's points and score, followed by rows without a name, one per 评价要点, each with its own
 * points. Read as parts, the 三级 row would count twice. It is their subtotal when it says nothing
 * of its own (no 要点, 标准 or target text), its points are the sum of theirs, and only without it
 * do the rows add up to the total row's weight.
 */
import type { SheetView } from "../grid/sheet-view";
import type { Indicator, SummaryRow } from "../model";
import { placesOf, round, sum } from "../values/decimal";
import { readNumber } from "../values/number-text";
import type { Body } from "./fold";
import type { TableFrame } from "./rows";

export function partHeadsAsSubtotals(view: SheetView, frame: TableFrame, body: Body): Body {
  const heads = body.indicators.filter((ind) => {
    const parts = partsOf(body, ind);
    if (parts.length === 0 || !ind.weight?.value || textBeside(view, frame, ind.row)) return false;
    if (!parts.every((p) => textBeside(view, frame, p.row))) return false;
    const weights = sum(parts.map((p) => p.weight?.value));
    return weights.eq(ind.weight.value) && (!ind.score?.value || parts.every((p) => p.score?.value));
  });
  if (heads.length === 0 || !addsUpWithout(body, heads)) return body;
  const headRows = new Set(heads.map((h) => h.row));
  const drop = (rows: number[]) => rows.filter((r) => !headRows.has(r));
  const subtotals: SummaryRow[] = heads.map((h) => ({
    kind: "subtotal",
    row: h.row,
    label: h.name,
    labelCell: h.nameCell,
    weight: h.weight,
    score: h.score,
    memberRows: partsOf(body, h).map((p) => p.row),
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

/** The rows read as further parts of an indicator: under its name, below it. */
function partsOf(body: Body, ind: Indicator): Indicator[] {
  return body.indicators.filter((x) => x.row > ind.row && x.nameCell.row === ind.nameCell.row && x.nameCell.col === ind.nameCell.col);
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

/** The total row's weight is met without the heads and was not met with them. */
function addsUpWithout(body: Body, heads: Indicator[]): boolean {
  const declared = body.total?.weight?.value;
  if (!declared) return false;
  const weightOf = (inds: Indicator[]) => round(sum(inds.filter((i) => !i.adjustment).map((i) => i.weight?.value)), placesOf(declared));
  const without = body.indicators.filter((i) => !heads.includes(i));
  return weightOf(without).eq(declared) && !weightOf(body.indicators).eq(declared);
}
