import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from "../engine/grid/types";
import type { Change, ChangeSet, NarrativeLine } from "../engine/changes/types";
import { parseA1, toA1 } from "../engine/grid/address";
import { MARK_FILLS } from "../engine/changes/mark-style";
import { snapshotCells } from "../engine/grid/snapshot-cells";
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
 * instead of Excel. It applies change sets exactly as the Office.js gateway and the .xlsx writer do,
 * records what each apply replaced, and restores it on undo.
 */
export class MemoryGateway implements WorkbookGateway {
  private readonly sheets: Sheet[];
  private selected: { sheet: string; cell: string } | null = null;
  private journals = 0;

  constructor(snapshot: WorkbookSnapshot) {
    this.sheets = snapshot.sheets.map(toSheet);
  }

  async capabilities(): Promise<GatewayCapabilities> {
    return { mergedAreas: true, notes: "notes", undoGroup: false };
  }

  async readWorkbook(): Promise<{ snapshot: WorkbookSnapshot; stats: ReadStats }> {
    const snapshot = { source: "当前工作簿", sheets: this.sheets.map(toSnapshot) };
    return { snapshot, stats: { syncs: 0, largestPayloadBytes: JSON.stringify(snapshot).length } };
  }

  async apply(set: ChangeSet): Promise<UndoJournal> {
    // Refuse before writing anything: no change set is ever half applied.
    for (const c of set.changes) {
      if (c.kind === "add-sheet") continue;
      const sheet = this.sheet(c.sheet);
      if (!parseA1(c.cell)) throw new GatewayError("api", `无效的单元格地址：${c.cell}`, `invalid cell address: ${c.cell}`);
      if (sheet.protected)
        throw new GatewayError("protected", `工作表“${sheet.name}”受保护，未做任何修改。请撤销保护后重试。`, `Sheet "${sheet.name}" is protected; nothing was changed. Unprotect it and try again.`);
    }
    const journal: UndoJournal = { id: `j${++this.journals}`, createdAt: new Date().toISOString(), title: set.title, cells: [], addedSheets: [] };
    const recorded = new Map<string, CellRecord>();
    const record = (sheet: Sheet, a1: string, formatOnly = false) => {
      const k = `${sheet.name}!${a1}`;
      const seen = recorded.get(k);
      if (seen) {
        seen.formatOnly &&= formatOnly;
        seen.contentOnly &&= !formatOnly;
        return;
      }
      const c = sheet.cells.get(a1) ?? EMPTY;
      const r: CellRecord = { sheet: sheet.name, cell: a1, value: c.value, formula: c.formula, fill: c.fill, note: c.note, formatOnly, contentOnly: !formatOnly };
      recorded.set(k, r);
      journal.cells.push(r);
    };
    for (const c of set.changes) this.applyOne(c, record, journal);
    return journal;
  }

  private applyOne(c: Change, record: (s: Sheet, a1: string, formatOnly?: boolean) => void, journal: UndoJournal): void {
    if (c.kind === "add-sheet") {
      const name = this.uniqueName(c.name);
      const sheet: Sheet = { name, cells: new Map(), merges: [], protected: false, hidden: false };
      this.sheets.push(sheet);
      journal.addedSheets.push(name);
      writeLines(sheet, 0, 0, c.lines);
      return;
    }
    const sheet = this.sheet(c.sheet);
    const update = (a1: string, patch: Partial<Cell>) => {
      record(sheet, a1, !("value" in patch));
      sheet.cells.set(a1, { ...(sheet.cells.get(a1) ?? EMPTY), ...patch });
    };
    switch (c.kind) {
      case "set-value":
        update(c.cell, { value: c.value, formula: null });
        return;
      case "set-formula":
        update(c.cell, { value: c.value, formula: c.formula });
        return;
      case "mark": {
        const prior = sheet.cells.get(c.cell)?.note;
        update(c.cell, { fill: MARK_FILLS[c.severity], note: prior ? `${prior}\n${c.note}` : c.note });
        return;
      }
      case "insert-lines": {
        const at = parseA1(c.cell);
        if (!at) throw new GatewayError("api", `无效的单元格地址：${c.cell}`, `invalid cell address: ${c.cell}`);
        c.lines.forEach((_, i) => record(sheet, toA1(at.row + i, at.col)));
        writeLines(sheet, at.row, at.col, c.lines);
        return;
      }
    }
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

function writeLines(sheet: Sheet, row: number, col: number, lines: NarrativeLine[]): void {
  lines.forEach((l, i) => {
    const a1 = toA1(row + i, col);
    // Text stays text: the value is stored as a string, never parsed as a formula.
    sheet.cells.set(a1, { ...(sheet.cells.get(a1) ?? EMPTY), value: l.text, formula: null });
  });
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
