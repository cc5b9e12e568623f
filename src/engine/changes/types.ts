import type { CellValue } from "../grid/types";
import type { Severity } from "../rules/types";

/** What a cell held before a change, so that every change can be previewed and undone. */
export interface CellState {
  value: CellValue;
  formula: string | null;
}

export type Change =
  | { kind: "set-value"; sheet: string; cell: string; value: number | string; before?: CellState; reason: string }
  | { kind: "set-formula"; sheet: string; cell: string; formula: string; value: number | null; before?: CellState; reason: string }
  | { kind: "mark"; sheet: string; cell: string; severity: Severity; note: string }
  | { kind: "add-sheet"; name: string; lines: NarrativeLine[] }
  | { kind: "insert-lines"; sheet: string; cell: string; lines: NarrativeLine[] };

export interface NarrativeLine {
  text: string;
  style: "title" | "heading" | "body";
}

export interface ChangeSet {
  title: { zh: string; en: string };
  changes: Change[];
}
