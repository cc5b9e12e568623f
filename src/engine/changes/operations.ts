/**
 * A change set as primitive operations: what every writer (the .xlsx writer, the Office.js and
 * in-memory gateways) executes, one operation per cell and aspect, with the undo record saying what
 * each touches. Normalising here (one mark per cell at its highest severity, narrative lines as
 * cell writes, addresses in upper case) keeps the writers from each deciding it differently.
 */
import { parseA1, toA1 } from "../grid/address";
import type { Severity } from "../rules/types";
import type { CellState, ChangeSet, NarrativeLine } from "./types";

export type CellContent = { kind: "number"; value: number } | { kind: "text"; value: string } | { kind: "formula"; formula: string; value: number | null };

export type Operation =
  /** Content: the cell's value or formula (its style stays). */
  | { op: "write-cell"; sheet: string; cell: string; content: CellContent; before?: CellState; line?: NarrativeLine["style"] }
  /** Style: the cell's own style with the fill of the severity. */
  | { op: "mark-cell"; sheet: string; cell: string; severity: Severity }
  /**
   * Note: lines added to the cell's note, each its own, after whatever the note holds (untagged:
   * each writer writes them as noteLine(line)); severities[i] is line i's finding's severity.
   */
  | { op: "note-lines"; sheet: string; cell: string; lines: string[]; severities: Severity[] }
  /** New sheet: ScoreCheck's report, replacing the one an earlier run wrote. */
  | { op: "report-sheet"; name: string; lines: NarrativeLine[] };

/**
 * content: value or formula; style: the fill (a mark); note: the cell's note; font: a narrative
 * line's font and wrapping (where a writer formats lines); sheet: a sheet added.
 */
export type Aspect = "content" | "style" | "note" | "font" | "sheet";

/** What an apply touches, so that undo restores exactly that and nothing else. */
export interface UndoTarget {
  aspect: Aspect;
  sheet: string;
  cell: string | null;
}

/**
 * Every line ScoreCheck adds to a cell's note starts with this tag (and a note it creates carries
 * NOTE_AUTHOR), so any writer finds and replaces its own lines and leaves everyone else's alone.
 */
export const NOTE_TAG = "【评分表核查】";
export const NOTE_AUTHOR = "ScoreCheck";

/** A note line as every writer writes it. */
export function noteLine(note: string): string {
  return `${NOTE_TAG}${note}`;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export class InvalidChange extends Error {}

export function operationsOf(set: ChangeSet): { operations: Operation[]; undo: UndoTarget[] } {
  const writes: Operation[] = [];
  const marks = new Map<string, Extract<Operation, { op: "mark-cell" }>>();
  const notes = new Map<string, Extract<Operation, { op: "note-lines" }>>();
  const sheets: Operation[] = [];
  const cellOf = (a1: string) => {
    const p = parseA1(a1);
    if (!p) throw new InvalidChange(`invalid cell address: ${a1}`);
    return toA1(p.row, p.col);
  };
  for (const c of set.changes) {
    switch (c.kind) {
      case "set-value":
        writes.push({ op: "write-cell", sheet: c.sheet, cell: cellOf(c.cell), content: typeof c.value === "number" ? { kind: "number", value: c.value } : { kind: "text", value: c.value }, before: c.before });
        break;
      case "set-formula":
        writes.push({ op: "write-cell", sheet: c.sheet, cell: cellOf(c.cell), content: { kind: "formula", formula: c.formula, value: c.value }, before: c.before });
        break;
      case "insert-lines": {
        const at = parseA1(c.cell);
        if (!at) throw new InvalidChange(`invalid cell address: ${c.cell}`);
        c.lines.forEach((l, i) => {
          if (l.text) writes.push({ op: "write-cell", sheet: c.sheet, cell: toA1(at.row + i, at.col), content: { kind: "text", value: l.text }, line: l.style });
        });
        break;
      }
      case "mark": {
        const cell = cellOf(c.cell);
        const key = `${c.sheet}!${cell}`;
        const m = marks.get(key);
        if (!m) marks.set(key, { op: "mark-cell", sheet: c.sheet, cell, severity: c.severity });
        else if (RANK[c.severity] > RANK[m.severity]) m.severity = c.severity;
        const n = notes.get(key);
        if (n) {
          n.lines.push(c.note);
          n.severities.push(c.severity);
        } else notes.set(key, { op: "note-lines", sheet: c.sheet, cell, lines: [c.note], severities: [c.severity] });
        break;
      }
      case "add-sheet":
        if (sheets.length) throw new InvalidChange("a change set adds at most one report sheet");
        sheets.push({ op: "report-sheet", name: c.name, lines: c.lines });
        break;
    }
  }
  const operations = [...writes, ...marks.values(), ...notes.values(), ...sheets];
  const undo: UndoTarget[] = [];
  const seen = new Set<string>();
  const add = (t: UndoTarget) => {
    const k = `${t.aspect}|${t.sheet}|${t.cell}`;
    if (!seen.has(k)) {
      seen.add(k);
      undo.push(t);
    }
  };
  for (const o of operations) {
    if (o.op === "report-sheet") add({ aspect: "sheet", sheet: o.name, cell: null });
    else add({ aspect: o.op === "write-cell" ? "content" : o.op === "mark-cell" ? "style" : "note", sheet: o.sheet, cell: o.cell });
    if (o.op === "write-cell" && o.line) add({ aspect: "font", sheet: o.sheet, cell: o.cell });
  }
  return { operations, undo };
}

/**
 * A note's plain text with ScoreCheck's earlier lines taken out and `lines` appended as its own:
 * how a gateway that holds notes as plain text adds lines (the .xlsx writer does the same on runs).
 * Null when nothing is left (a note that held only ScoreCheck's lines, and none to add).
 */
export function withOwnNoteLines(prior: string | null, lines: string[]): string | null {
  const kept = (prior ?? "").split("\n").filter((l) => !l.startsWith(NOTE_TAG));
  const theirs = kept.join("\n").trim() ? kept : [];
  const all = [...theirs, ...lines.map(noteLine)];
  return all.length ? all.join("\n") : null;
}

/** The undo record by cell: each touched cell once, with every aspect the apply touches there. */
export function touchedCells(undo: UndoTarget[]): { sheet: string; cell: string; aspects: Set<Aspect> }[] {
  const byCell = new Map<string, { sheet: string; cell: string; aspects: Set<Aspect> }>();
  for (const t of undo) {
    if (t.cell === null) continue;
    const k = `${t.sheet}!${t.cell}`;
    const c = byCell.get(k) ?? { sheet: t.sheet, cell: t.cell, aspects: new Set<Aspect>() };
    c.aspects.add(t.aspect);
    byCell.set(k, c);
  }
  return [...byCell.values()];
}
