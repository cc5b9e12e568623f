import { MARK_FILLS, parseA1, snapshotCells, toA1, touchedCells, withOwnNoteLines } from "../engine";
import type { CellRange, CellValue, ChangeSet, Operation, SheetSnapshot, WorkbookSnapshot } from "../engine";
import { planOperations } from "./plan-operations";
import { GatewayError, type CellRecord, type GatewayCapabilities, type ReadStats, type UndoJournal, type WorkbookGateway } from "./gateway";

interface Cell {
  value: CellValue;
  formula: string | null;
  format: string | null;
  fill: string | null;
  note: string | null;
}

interface Sheet {
  name: string;
  cells: Map<string, Cell>;
  merges: CellRange[];
  protected: boolean;
  hidden: boolean;
}

const EMPTY: Cell = { value: null, formula: null, format: null, fill: null, note: null };

/**
 * A workbook held in memory behind the gateway interface: what the browser tests and demos drive
 * instead of Excel. It executes the operations the engine makes of a change set (operationsOf), as
 * the Office.js gateway and the .xlsx writer do, journals what its undo record says each touches,
 * and restores exactly that on undo.
 */
export class MemoryGateway implements WorkbookGateway {
  private readonly sheets: Sheet[];
  private selected: { sheet: string; cell: string } | null = null;
  private journals = 0;

  /** `notes`: notes already on cells (sheet → A1 → text), which a snapshot does not carry. */
  constructor(snapshot: WorkbookSnapshot, notes: Record<string, Record<string, string>> = {}) {
    this.sheets = snapshot.sheets.map(toSheet);
    for (const s of this.sheets) for (const [a1, note] of Object.entries(notes[s.name] ?? {})) s.cells.set(a1, { ...(s.cells.get(a1) ?? EMPTY), note });
  }

  async capabilities(): Promise<GatewayCapabilities> {
    return { mergedAreas: true, notes: "notes", undoGroup: false };
  }

  async readWorkbook(): Promise<{ snapshot: WorkbookSnapshot; stats: ReadStats }> {
    const snapshot = { source: "当前工作簿", sheets: this.sheets.map(toSnapshot) };
    return { snapshot, stats: { syncs: 0, largestPayloadBytes: JSON.stringify(snapshot).length } };
  }

  async apply(set: ChangeSet): Promise<UndoJournal> {
    const { operations, undo } = planOperations(set);
    // Refuse before writing anything: no change set is ever half applied.
    for (const o of operations) {
      if (o.op === "report-sheet") continue;
      const sheet = this.sheet(o.sheet);
      if (sheet.protected)
        throw new GatewayError("protected", `工作表“${sheet.name}”受保护，未做任何修改。请撤销保护后重试。`, `Sheet "${sheet.name}" is protected; nothing was changed. Unprotect it and try again.`);
    }
    const journal: UndoJournal = { id: `j${++this.journals}`, createdAt: new Date().toISOString(), title: set.title, cells: [], addedSheets: [] };
    // The journal is the undo record: each touched cell as it is now, restored on undo only in the
    // aspects the apply touches (content, or fill and note).
    for (const t of touchedCells(undo)) {
      const c = this.sheet(t.sheet).cells.get(t.cell) ?? EMPTY;
      const formatOnly = !t.aspects.has("content");
      const contentOnly = !t.aspects.has("style") && !t.aspects.has("note");
      journal.cells.push({ sheet: t.sheet, cell: t.cell, value: c.value, formula: c.formula, fill: c.fill, note: c.note, formatOnly, contentOnly });
    }
    for (const o of operations) this.execute(o, journal);
    return journal;
  }

  private execute(o: Operation, journal: UndoJournal): void {
    if (o.op === "report-sheet") {
      const name = this.uniqueName(o.name);
      const sheet: Sheet = { name, cells: new Map(), merges: [], protected: false, hidden: false };
      this.sheets.push(sheet);
      journal.addedSheets.push(name);
      o.lines.forEach((l, i) => {
        // Text stays text: the value is stored as a string, never parsed as a formula.
        if (l.text) sheet.cells.set(toA1(i, 0), { ...EMPTY, value: l.text });
      });
      return;
    }
    const sheet = this.sheet(o.sheet);
    const now = sheet.cells.get(o.cell) ?? EMPTY;
    const patch: Partial<Cell> =
      o.op === "write-cell"
        ? o.content.kind === "formula"
          ? { value: o.content.value, formula: o.content.formula }
          : { value: o.content.value, formula: null }
        : o.op === "mark-cell"
          ? { fill: MARK_FILLS[o.severity] }
          : { note: withOwnNoteLines(now.note, o.lines) };
    sheet.cells.set(o.cell, { ...now, ...patch });
  }

  async undo(journal: UndoJournal): Promise<void> {
    for (const name of journal.addedSheets) {
      const i = this.sheets.findIndex((s) => s.name === name);
      if (i >= 0) this.sheets.splice(i, 1);
    }
    for (const r of [...journal.cells].reverse()) this.restore(r);
  }

  private restore(r: CellRecord): void {
    const sheet = this.sheets.find((s) => s.name === r.sheet);
    if (!sheet) return;
    const now = sheet.cells.get(r.cell) ?? EMPTY;
    const cell: Cell = { ...now };
    if (!r.formatOnly) Object.assign(cell, { value: r.value, formula: r.formula });
    if (!r.contentOnly) Object.assign(cell, { fill: r.fill, note: r.note });
    if (cell.value === null && !cell.formula && !cell.fill && !cell.note && !cell.format) sheet.cells.delete(r.cell);
    else sheet.cells.set(r.cell, cell);
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.sheet(sheet);
    this.selected = { sheet, cell };
  }

  async selection(): Promise<{ sheet: string; cell: string } | null> {
    return this.selected;
  }

  /** Every non-empty cell's value, formula, fill and note, for tests that compare before and after. */
  state(): Record<string, Record<string, Omit<Cell, "format">>> {
    const out: Record<string, Record<string, Omit<Cell, "format">>> = {};
    for (const s of this.sheets) {
      const cells: Record<string, Omit<Cell, "format">> = {};
      for (const [a1, c] of [...s.cells].sort(([a], [b]) => a.localeCompare(b)))
        cells[a1] = { value: c.value, formula: c.formula, fill: c.fill, note: c.note };
      out[s.name] = cells;
    }
    return out;
  }

  private sheet(name: string): Sheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new GatewayError("missing-sheet", `找不到工作表“${name}”`, `no sheet named "${name}"`);
    return s;
  }

  private uniqueName(base: string): string {
    const taken = new Set(this.sheets.map((s) => s.name));
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base}(${i})`)) return `${base}(${i})`;
  }
}

function toSheet(s: SheetSnapshot): Sheet {
  const cells = new Map<string, Cell>();
  for (const [a1, c] of snapshotCells(s)) cells.set(a1, { ...c, fill: null, note: null });
  return { name: s.name, cells, merges: s.merges ?? [], protected: !!s.protected, hidden: !!s.hidden };
}

function toSnapshot(s: Sheet): SheetSnapshot {
  const pos = [...s.cells.keys()].map((a1) => parseA1(a1)!);
  if (pos.length === 0) return { name: s.name, top: 0, left: 0, values: [], merges: s.merges, protected: s.protected, hidden: s.hidden };
  const top = Math.min(...pos.map((p) => p.row), ...s.merges.map((m) => m.top));
  const left = Math.min(...pos.map((p) => p.col), ...s.merges.map((m) => m.left));
  const bottom = Math.max(...pos.map((p) => p.row));
  const right = Math.max(...pos.map((p) => p.col));
  const grid = <T,>(fill: T) => Array.from({ length: bottom - top + 1 }, () => new Array<T>(right - left + 1).fill(fill));
  const values = grid<CellValue>(null);
  const formulas = grid<string | null>(null);
  const formats = grid<string | null>(null);
  for (const [a1, c] of s.cells) {
    const p = parseA1(a1)!;
    values[p.row - top][p.col - left] = c.value;
    formulas[p.row - top][p.col - left] = c.formula;
    formats[p.row - top][p.col - left] = c.format;
  }
  return { name: s.name, top, left, values, formulas, numberFormats: formats, merges: s.merges, protected: s.protected, hidden: s.hidden };
}
