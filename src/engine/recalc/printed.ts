import type { Decimal } from "decimal.js";
import type { FundsBlock } from "../model";
import { Dec, placesOf } from "../values/decimal";
import type { WorkbookIndex } from "./workbook-index";

/**
 * How far the stated 执行率 (a percent figure) may lie from the rate computed from the amounts, given
 * how precisely it was printed: half a unit of its last place. "93.2%" → 0.05; a cell 0.1446 formatted
 * "0%" shows 14% → 0.5; a fraction typed as 0.1 (one decimal of a fraction) → 5 percentage points.
 */
export function statedRateSlack(funds: FundsBlock | null, sheet: string, index: WorkbookIndex): Decimal | null {
  const stated = funds?.statedRate;
  if (!stated) return null;
  const cell = index.cell(sheet, stated.pos);
  let places = placesOf(stated.value);
  if (cell && typeof cell.value === "number") {
    const format = cell.format ?? "";
    if (format.includes("%")) places = /\.(0+)/.exec(format.split("%")[0])?.[1].length ?? 0;
    else if (cell.value > 0 && cell.value < 1) places = placesOf(new Dec(cell.value)) - 2;
  }
  // The extra ten-thousandth absorbs binary noise in the printed figure.
  return new Dec(10).pow(-places).div(2).plus("0.0001");
}
