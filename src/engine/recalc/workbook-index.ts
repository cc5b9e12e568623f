import type { ScoringTable, TextBlock } from "../model";
import type { CellRange } from "../grid/types";
import type { UncomputedCell } from "../formula/workbook";

/** Tables and free text grouped by sheet, built once per analysis so no step scans the workbook per table. */
export class WorkbookIndex {
  private readonly tables = new Map<string, ScoringTable[]>();
  private readonly texts = new Map<string, TextBlock[]>();
  /** Text on sheets that hold no scoring table (情况表, 报告). */
  readonly orphanTexts: TextBlock[];
  readonly scoringCount: number;

  constructor(
    tables: ScoringTable[],
    texts: TextBlock[],
    private readonly uncomputed: UncomputedCell[] = [],
  ) {
    for (const t of tables) this.tables.set(t.sheet, [...(this.tables.get(t.sheet) ?? []), t]);
    for (const t of texts) {
      const list = this.texts.get(t.sheet);
      if (list) list.push(t);
      else this.texts.set(t.sheet, [t]);
    }
    this.scoringCount = tables.filter((t) => t.kind === "scoring").length;
    const scoringSheets = new Set(tables.filter((t) => t.kind === "scoring").map((t) => t.sheet));
    this.orphanTexts = texts.filter((t) => !scoringSheets.has(t.sheet));
  }

  tablesOn(sheet: string): ScoringTable[] {
    return this.tables.get(sheet) ?? [];
  }

  textsOn(sheet: string): TextBlock[] {
    return this.texts.get(sheet) ?? [];
  }

  /** Formula cells that could not be evaluated inside the table (or its funds block): unknown values. */
  uncomputedIn(table: ScoringTable): UncomputedCell[] {
    const areas: CellRange[] = [table.range, ...(table.funds ? [table.funds.range] : [])];
    const inside = (a: CellRange, row: number, col: number) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
    return this.uncomputed.filter((u) => u.sheet === table.sheet && areas.some((a) => inside(a, u.pos.row, u.pos.col)));
  }
}
