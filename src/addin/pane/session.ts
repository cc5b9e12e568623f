import type { WorkbookSnapshot } from "../../engine/grid/types";
import type { Change, ChangeSet, NarrativeLine } from "../../engine/changes/types";
import type { EngineOptions } from "../../engine/options";
import type { UndoJournal, ReadStats, WorkbookGateway } from "../gateway";
import { analyzeWorkbook, type Analysis } from "../../engine/analyze";
import { markChanges, planFix, REPORT_SHEET, type FixOptions } from "../../engine/changes/plan";

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

/**
 * The task pane's state machine without any UI: check, plan, apply, undo, mark and clear. Everything
 * goes through the gateway, so the same session drives Excel and the in-memory test workbook.
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

  /** Restores what the latest apply replaced (its marks included, if it was the marking). */
  async undoLast(): Promise<void> {
    const journal = this.journals[this.journals.length - 1];
    if (!journal) return;
    await this.gateway.undo(journal);
    this.journals.pop();
    if (journal === this.marks) this.marks = null;
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

  async insertNarrative(lines: NarrativeLine[], where: "sheet" | "selection"): Promise<UndoJournal> {
    const title = { zh: "插入自评报告", en: "Insert the narrative" };
    if (where === "sheet") return this.apply({ title, changes: [{ kind: "add-sheet", name: REPORT_SHEET, lines }] });
    const at = await this.gateway.selection();
    if (!at) throw new Error("no cell is selected");
    return this.apply({ title, changes: [{ kind: "insert-lines", sheet: at.sheet, cell: at.cell, lines }] });
  }
}
