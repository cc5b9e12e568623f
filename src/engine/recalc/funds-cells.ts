import type { CellPos } from "../grid/types";
import type { FundsBlock } from "../model";
import { cellText } from "../grid/sheet-view";
import { key } from "../text/normalize";
import type { WorkbookIndex } from "./workbook-index";

/**
 * Where the funds block's 得分 belongs when it is blank: the cell on its 分值 row under the block's
 * 得分 heading. Null when the block has a score, no 分值, or no such heading.
 */
export function blankFundsScore(funds: FundsBlock | null, sheet: string, index: WorkbookIndex): CellPos | null {
  const weight = funds?.weight;
  if (!funds || funds.score || !weight?.value) return null;
  for (let row = funds.range.top; row < weight.pos.row; row++) {
    for (let col = funds.range.left; col <= funds.range.right; col++) {
      if (!/^得分/.test(key(cellText(index.cell(sheet, { row, col })?.value ?? null)))) continue;
      const below = index.cell(sheet, { row: weight.pos.row, col });
      return cellText(below?.value ?? null) === "" ? { row: weight.pos.row, col } : null;
    }
  }
  return null;
}
