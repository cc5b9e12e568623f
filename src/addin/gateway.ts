import type { CellValue, ChangeSet, WorkbookSnapshot } from "../engine";

/** What a cell looked like before the add-in touched it: enough to restore it exactly. */
export interface CellRecord {
  sheet: string;
  cell: string;
  value: CellValue;
  formula: string | null;
  /** Solid fill colour ("#FFC7CE") or null for no fill. */
  fill: string | null;
  /** Note/comment text the add-in may have replaced, or null. */
  note: string | null;
  /**
   * The apply changed only the cell's fill and note (a mark): undo restores those and leaves the
   * value and formula as they are now, so clearing marks never reverts a later recalculation.
   */
  formatOnly?: boolean;
  /**
   * The apply changed only the cell's value or formula: undo leaves its fill and note as they are
   * now, so undoing a recalculation never brings back marks cleared since.
   */
  contentOnly?: boolean;
  /** Font and wrapping a narrative insert at the selection replaced (headings are bold). */
  style?: { bold: boolean; size: number; wrap: boolean };
}

/** The record of one apply, for "撤销本次修改" (Excel's own undo is unreliable for add-in writes). */
export interface UndoJournal {
  id: string;
  createdAt: string;
  title: { zh: string; en: string };
  cells: CellRecord[];
  /** Sheets the apply added (removed again on undo). */
  addedSheets: string[];
  /** Notes the apply added to cells that had none (deleted again on undo). */
  addedNotes?: { sheet: string; cell: string }[];
  /** Notes that held only ScoreCheck's earlier lines and were rewritten (their text is put back on undo). */
  rewrittenNotes?: { sheet: string; cell: string; content: string }[];
}

export interface GatewayCapabilities {
  /** ExcelApi 1.13: merged areas can be read (else recognition works from blanks). */
  mergedAreas: boolean;
  /** ExcelApi 1.18 notes or 1.10 comments; else marks go to a findings sheet. */
  notes: "notes" | "comments" | "sheet";
  /** ExcelApi 1.20: Excel.run's mergeUndoGroup. */
  undoGroup: boolean;
}

export interface ReadStats {
  syncs: number;
  largestPayloadBytes: number;
}

/**
 * The only thing the task pane and ribbon command talk to. The Office.js implementation is the only
 * module that touches Excel.*; an in-memory implementation (over an .xlsx fixture) drives browser tests.
 */
export interface WorkbookGateway {
  capabilities(): Promise<GatewayCapabilities>;
  /** Every sheet as the engine's grid snapshot, in a constant number of round trips. */
  readWorkbook(): Promise<{ snapshot: WorkbookSnapshot; stats: ReadStats }>;
  /** Applies a change set in one batch and returns what it needs to undo it. Throws GatewayError. */
  apply(set: ChangeSet): Promise<UndoJournal>;
  /** Restores exactly what the journal recorded. */
  undo(journal: UndoJournal): Promise<void>;
  /** Activates the sheet and selects the cell. */
  select(sheet: string, cell: string): Promise<void>;
  /** The currently selected cell (for inserting the narrative there). */
  selection(): Promise<{ sheet: string; cell: string } | null>;
  /**
   * The cells of one area as they are now (top-left first, row by row), read just before the pane
   * writes there. Optional: without it the pane reads the whole workbook (pane/area.ts).
   */
  readArea?(sheet: string, range: string): Promise<{ cell: string; value: CellValue; formula: string | null }[]>;
}

export class GatewayError extends Error {
  constructor(
    readonly code: "protected" | "cell-edit" | "empty" | "too-large" | "missing-sheet" | "api",
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = "GatewayError";
  }
}
