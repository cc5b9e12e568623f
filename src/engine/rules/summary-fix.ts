import type { Decimal } from "decimal.js";
import type { NumberCell, ScoringTable, SummaryRow } from "../model";
import type { Change } from "../changes/types";
import { posToA1 } from "../grid/address";
import { sumFormula } from "../changes/sum-formula";

/** The formula a total/subtotal cell should hold: a SUM over its members (and the funds figure). */
export function summaryFormula(table: ScoringTable, row: SummaryRow, cell: NumberCell, which: "weight" | "score"): string {
  const funds = row.kind === "total" ? (which === "weight" ? table.funds?.weight : table.funds?.score) : null;
  const memberCells = table.indicators
    .filter((i) => row.memberRows.includes(i.row))
    .map((i) => (which === "weight" ? i.weight?.pos : i.score?.pos))
    .filter((p): p is { row: number; col: number } => !!p);
  const sameCol = memberCells.filter((p) => p.col === cell.pos.col).map((p) => p.row);
  const otherCells = memberCells.filter((p) => p.col !== cell.pos.col);
  const extra = funds?.value ? [...otherCells, funds.pos] : otherCells;
  return sumFormula(cell.pos.col, sameCol, extra);
}

export function summaryFix(table: ScoringTable, row: SummaryRow, cell: NumberCell, which: "weight" | "score", computed: Decimal): Change {
  return {
    kind: "set-formula",
    sheet: table.sheet,
    cell: posToA1(cell.pos),
    formula: summaryFormula(table, row, cell, which),
    value: computed.toNumber(),
    reason: `${row.label}改为按明细行求和`,
  };
}
