import type { ScoringTable, TextBlock } from "../model";
import type { CellPos, CellRange, CellValue, SheetSnapshot } from "../grid/types";
import type { UncomputedCell } from "../formula/workbook";

/** Tables and free text grouped by sheet, built once per analysis so no step scans the workbook per table. */
export class WorkbookIndex {
  private readonly tables = new Map<string, ScoringTable[]>();
  private readonly texts = new Map<string, TextBlock[]>();
  private readonly sheets = new Map<string, SheetSnapshot>();
  /** Text on sheets that hold no scoring table (情况表, 报告). */
  readonly orphanTexts: TextBlock[];
  readonly scoringCount: number;
  /** Every scoring table of the workbook, in order. */
  readonly scoringTables: ScoringTable[];

  constructor(
    tables: ScoringTable[],
    texts: TextBlock[],
    private readonly uncomputed: UncomputedCell[] = [],
    sheets: SheetSnapshot[] = [],
  ) {
    for (const s of sheets) this.sheets.set(s.name, s);
    for (const t of tables) this.tables.set(t.sheet, [...(this.tables.get(t.sheet) ?? []), t]);
    for (const t of texts) {
      const list = this.texts.get(t.sheet);
      if (list) list.push(t);
      else this.texts.set(t.sheet, [t]);
    }
    this.scoringTables = tables.filter((t) => t.kind === "scoring");
    this.scoringCount = this.scoringTables.length;
    const scoringSheets = new Set(tables.filter((t) => t.kind === "scoring").map((t) => t.sheet));
    this.orphanTexts = texts.filter((t) => !scoringSheets.has(t.sheet));
  }

  tablesOn(sheet: string): ScoringTable[] {
    return this.tables.get(sheet) ?? [];
  }

  textsOn(sheet: string): TextBlock[] {
    return this.texts.get(sheet) ?? [];
  }

  /** A cell as the snapshot holds it (value and number format), for how precisely a figure was printed. */
  cell(sheet: string, pos: CellPos): { value: CellValue; format: string | null } | null {
    const s = this.sheets.get(sheet);
    if (!s) return null;
    const value = s.values[pos.row - s.top]?.[pos.col - s.left] ?? null;
    return { value, format: s.numberFormats?.[pos.row - s.top]?.[pos.col - s.left] ?? null };
  }

  /** Formula cells that could not be evaluated inside the table (or its funds block): unknown values. */
  uncomputedIn(table: ScoringTable): UncomputedCell[] {
    const areas: CellRange[] = [table.range, ...(table.funds ? [table.funds.range] : [])];
    const inside = (a: CellRange, row: number, col: number) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
    return this.uncomputed.filter((u) => u.sheet === table.sheet && areas.some((a) => inside(a, u.pos.row, u.pos.col)));
  }
}
