/** How much of a workbook the reader holds before it calls the file too large. */
import { InputError } from "../../engine";

/** Past this many cells in the used range, rows are not padded to the widest one (the model allows it). */
export const PAD_LIMIT = 20_000_000;
/** Most places in unpadded rows (from the left edge to each row's last cell). */
export const PLACE_LIMIT = 100_000_000;
/** Most rows visited to clear the cells merged areas cover. */
export const MERGE_VISIT_LIMIT = 50_000_000;

/** Most cells with content in one workbook (Excel's 1,048,576 rows × 16 columns): about 1.5 GB as a snapshot. */
export const CELL_LIMIT = 16 * 1_048_576;

/** Counts the cells read across a workbook's sheets and stops the read past the limit. */
export class CellBudget {
  private used = 0;
  constructor(
    private readonly file: string,
    readonly limit: number,
  ) {}

  /** Counts one cell (or string, or merged area) read from `where`, a sheet or part name. */
  take(where: string): void {
    if (++this.used > this.limit)
      throw new InputError(
        "too-large",
        `${this.file}：单元格超过 ${this.limit.toLocaleString("en-US")} 个的上限（读到“${where}”时），文件过大，无法核查`,
        `${this.file}: more than the limit of ${this.limit.toLocaleString("en-US")} cells (reading "${where}"); the file is too large to check`,
      );
  }
}

/** A too-large answer about one sheet. */
export function sheetTooLarge(file: string, sheet: string, zh: string, en: string): InputError {
  return new InputError("too-large", `${file}：工作表“${sheet}”${zh}，文件过大，无法核查`, `${file}: sheet "${sheet}": ${en}; the file is too large to check`);
}
