import {
  analyzeWorkbook,
  markChanges,
  parseA1,
  planFix,
  rangeToA1,
  REPORT_SHEET,
  toA1,
  type Analysis,
  type CellValue,
  type Change,
  type ChangeSet,
  type EngineOptions,
  type FixOptions,
  type NarrativeLine,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../engine";
import type { UndoJournal, ReadStats, WorkbookGateway } from "../gateway";
import { readArea, type AreaCell } from "./area";

export interface CheckResult {
  snapshot: WorkbookSnapshot;
  analysis: Analysis;
  stats: ReadStats;
  millis: number;
}

export type RecalcOptions = Pick<FixOptions, "totals" | "rescore" | "rescaleWeights" | "overwriteFormulas">;

export const DEFAULT_RECALC: RecalcOptions = { totals: true, rescore: false, rescaleWeights: false, overwriteFormulas: false };

/** One proposed cell write, as the 重新计算 tab lists it. */
export interface ChangeItem {
  id: string;
  change: Extract<Change, { kind: "set-value" | "set-formula" }>;
  /** The cell holds a user formula: never replaced unless the user ticks it. */
  replacesFormula: boolean;
  /** The figure changes (not only a constant becoming the formula that gives the same figure). */
  changesFigure: boolean;
}

/** What inserting the report would do, shown to the user before anything is written. */
export type InsertPlan =
  | { kind: "sheet"; sheet: string; lines: NarrativeLine[] }
  /** A report sheet exists already: replace its text (clearing the rest) or add another sheet. */
  | { kind: "replace-sheet"; sheet: string; lines: NarrativeLine[]; clear: string[]; newSheet: string }
  /** At the selection: the area it would fill, what is there now, and the next empty area below. */
  | { kind: "area"; sheet: string; range: string; cell: string; lines: NarrativeLine[]; occupied: AreaCell[]; below: { cell: string; range: string } | null };

/** The choice the user made on an insert plan. */
export type InsertChoice = "confirm" | "new-sheet" | "below";

/** What an apply did, in the words the pane uses before and after (and what 撤销 will restore). */
export interface JournalInfo {
  title: { zh: string; en: string };
  cells: number;
  addedSheets: string[];
}

export function journalInfo(j: UndoJournal): JournalInfo {
  return { title: j.title, cells: j.cells.length, addedSheets: [...j.addedSheets] };
}

const INSERT_TITLE = { zh: "插入自评报告", en: "Insert the report" };

/**
 * The task pane's workbook logic without any UI: check, plan, apply, undo, mark, clear and insert.
 * Everything goes through the gateway, so the same session drives Excel and the in-memory workbook.
 * The React state (pane/state.ts) holds what the user sees; this holds the undo journals.
 */
export class PaneSession {
  private readonly journals: UndoJournal[] = [];
  private marks: UndoJournal | null = null;

  constructor(readonly gateway: WorkbookGateway) {}

  async check(options: Partial<EngineOptions>): Promise<CheckResult> {
    const started = Date.now();
    const { snapshot, stats } = await this.gateway.readWorkbook();
    const analysis = analyzeWorkbook(snapshot, options);
    return { snapshot, analysis, stats, millis: Date.now() - started };
  }

  /** Cell writes the recalculation proposes, with what each cell holds now. */
  changeItems(result: CheckResult, options: RecalcOptions): ChangeItem[] {
    const set = planFix(result.analysis, result.snapshot, { ...options, marks: false, narrative: false });
    return set.changes
      .filter((c): c is ChangeItem["change"] => c.kind === "set-value" || c.kind === "set-formula")
      .map((change, i) => ({ id: `${i}:${change.sheet}!${change.cell}`, change, replacesFormula: !!change.before?.formula, changesFigure: change.value !== change.before?.value }))
      // What changes a figure comes first; constants turned into the same figure's formula after.
      .sort((a, b) => Number(b.changesFigure) - Number(a.changesFigure));
  }

  /** Applies a change set and keeps its journal for 撤销本次修改. */
  async apply(set: ChangeSet): Promise<UndoJournal> {
    const journal = await this.gateway.apply(set);
    this.journals.push(journal);
    return journal;
  }

  canUndo(): boolean {
    return this.journals.length > 0;
  }

  undoCount(): number {
    return this.journals.length;
  }

  /** What the next 撤销本次修改 would restore. */
  lastJournal(): JournalInfo | null {
    const j = this.journals[this.journals.length - 1];
    return j ? journalInfo(j) : null;
  }

  /** Restores what the latest apply replaced (its marks included, if it was the marking). */
  async undoLast(): Promise<JournalInfo | null> {
    const journal = this.journals[this.journals.length - 1];
    if (!journal) return null;
    await this.gateway.undo(journal);
    this.journals.pop();
    if (journal === this.marks) this.marks = null;
    return journalInfo(journal);
  }

  /** Fills flagged cells by severity (with a note, or a findings sheet where notes are unavailable). */
  async markFindings(result: CheckResult): Promise<number> {
    if (this.marks) await this.clearMarks();
    const changes = markChanges(result.analysis.findings);
    if (!changes.length) return 0;
    this.marks = await this.apply({ title: { zh: "标记问题单元格", en: "Mark flagged cells" }, changes });
    return new Set(changes.map((c) => c.kind === "mark" && `${c.sheet}!${c.cell}`)).size;
  }

  hasMarks(): boolean {
    return this.marks !== null;
  }

  /** Restores the marked cells' original fills and notes exactly, whatever was applied since. */
  async clearMarks(): Promise<void> {
    if (!this.marks) return;
    await this.gateway.undo(this.marks);
    this.journals.splice(this.journals.indexOf(this.marks), 1);
    this.marks = null;
  }

  /**
   * Works out what inserting the report would change, reading the target area first: a new sheet
   * (or, when a report sheet exists, replacing it), or the cells below the selection with whatever
   * they hold now and the next empty area further down. Nothing is written here.
   */
  async planInsert(lines: NarrativeLine[], where: "sheet" | "selection", snapshot: WorkbookSnapshot): Promise<InsertPlan> {
    if (where === "sheet") {
      const existing = snapshot.sheets.find((s) => s.name === REPORT_SHEET);
      if (!existing) return { kind: "sheet", sheet: REPORT_SHEET, lines };
      const taken = new Set(snapshot.sheets.map((s) => s.name));
      let n = 2;
      while (taken.has(`${REPORT_SHEET}(${n})`)) n++;
      const keep = new Set(lines.map((_, i) => toA1(i, 0)));
      return { kind: "replace-sheet", sheet: REPORT_SHEET, lines, clear: filledCells(existing).filter((a1) => !keep.has(a1)), newSheet: `${REPORT_SHEET}(${n})` };
    }
    const at = await this.gateway.selection();
    if (!at) throw new NoSelectionError();
    const top = parseA1(at.cell);
    if (!top) throw new NoSelectionError();
    const range = rangeToA1({ top: top.row, left: top.col, bottom: top.row + lines.length - 1, right: top.col });
    const occupied = await readArea(this.gateway, at.sheet, range);
    let below: { cell: string; range: string } | null = null;
    if (occupied.length) {
      const sheet = snapshot.sheets.find((s) => s.name === at.sheet);
      const bottom = sheet ? sheet.top + sheet.values.length - 1 : top.row;
      // One blank row under everything on the sheet, in the selected column.
      const row = Math.max(bottom + 2, top.row + 1);
      const area = rangeToA1({ top: row, left: top.col, bottom: row + lines.length - 1, right: top.col });
      if ((await readArea(this.gateway, at.sheet, area)).length === 0) below = { cell: toA1(row, top.col), range: area };
    }
    return { kind: "area", sheet: at.sheet, range, cell: at.cell, lines, occupied, below };
  }

  /** Writes the report as the plan and the user's choice say. */
  async insert(plan: InsertPlan, choice: InsertChoice): Promise<UndoJournal> {
    return this.apply({ title: INSERT_TITLE, changes: insertChanges(plan, choice) });
  }
}

export class NoSelectionError extends Error {
  constructor() {
    super("no cell is selected");
    this.name = "NoSelectionError";
  }
}

/** The change set for an insert plan and the user's choice. */
export function insertChanges(plan: InsertPlan, choice: InsertChoice): Change[] {
  switch (plan.kind) {
    case "sheet":
      return [{ kind: "add-sheet", name: plan.sheet, lines: plan.lines }];
    case "replace-sheet":
      if (choice === "new-sheet") return [{ kind: "add-sheet", name: plan.sheet, lines: plan.lines }];
      return [
        { kind: "insert-lines", sheet: plan.sheet, cell: "A1", lines: plan.lines },
        ...plan.clear.map((cell): Change => ({ kind: "set-value", sheet: plan.sheet, cell, value: "", reason: "替换旧的自评报告" })),
      ];
    case "area":
      if (choice === "below") {
        if (!plan.below) throw new Error("there is no empty area below");
        return [{ kind: "insert-lines", sheet: plan.sheet, cell: plan.below.cell, lines: plan.lines }];
      }
      return [{ kind: "insert-lines", sheet: plan.sheet, cell: plan.cell, lines: plan.lines }];
  }
}

/** A1 addresses of a sheet's non-empty cells, in reading order. */
function filledCells(s: SheetSnapshot): string[] {
  const out: string[] = [];
  s.values.forEach((row, r) =>
    row.forEach((v: CellValue, c) => {
      if ((v !== null && v !== "") || s.formulas?.[r]?.[c]) out.push(toA1(s.top + r, s.left + c));
    }),
  );
  return out;
}
