/**
 * One worksheet part → the engine's SheetSnapshot, streamed: the part is inflated and tokenized in
 * chunks, so a sheet of a million rows never exists as one string. Values are what Excel reports;
 * a merged area keeps its value in the top-left cell only, as Office.js reports it.
 */
import type { CellRange, CellValue, SheetSnapshot } from "../../engine";
import type { ZipEntry } from "../package/zip";
import { InputError } from "../../engine";
import { XmlTokenizer, type XmlAttrs, type XmlSink } from "../package/xml";
import { isTrue } from "../package/parts";
import { decodeEscapes } from "./escapes";
import { translateFormula } from "./shared-formula";

/** Rows past this are not read: a used range stretched to row 1,048,576 by formatting is empty there. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** Past this many cells in the used range, rows are not padded to the widest one (the model allows it). */
const PAD_LIMIT = 20_000_000;
/** Most places in unpadded rows (from the left edge to each row's last cell). */
const PLACE_LIMIT = 100_000_000;
/** Most rows visited to clear the cells merged areas cover. */
const MERGE_VISIT_LIMIT = 50_000_000;

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

export interface SheetContext {
  /** The file's name, for messages. */
  file: string;
  name: string;
  hidden: boolean;
  generated: boolean;
  sharedStrings: string[];
  /** Number format code per cell format index (`s`). */
  numberFormats: (string | null)[];
  cells: CellBudget;
}

type Grid<T> = (T[] | undefined)[];

const NONE = 0;
const VALUE = 1;
const FORMULA = 2;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

class SheetParser implements XmlSink {
  readonly values: Grid<CellValue> = [];
  formulas: Grid<string | null> | undefined;
  formats: Grid<string | null> | undefined;
  readonly merges: CellRange[] = [];
  /** Hidden rows (0-based) → whether the row has content. */
  readonly hiddenRows = new Map<number, boolean>();
  protected = false;

  private row = 0; // 1-based, as in the XML
  private nextCol = 0;
  private rowHidden = false;
  // The cell being read.
  private cRow = 0;
  private cCol = 0;
  private cType: string | undefined;
  private cStyle: string | undefined;
  private vText: string | null = null;
  private fText: string | null = null;
  private fAttrs: XmlAttrs | null = null;
  private capture = NONE;
  private inInline = false;
  private phonetic = 0;
  private readonly masters = new Map<string, { text: string; row: number; col: number }>();

  constructor(private readonly ctx: SheetContext) {}

  open(name: string, a: XmlAttrs, selfClosing: boolean): void {
    switch (name) {
      case "c":
        this.startCell(a);
        break;
      case "v":
        if (!selfClosing) this.capture = VALUE;
        break;
      case "f":
        this.fText = "";
        this.fAttrs = a;
        if (!selfClosing) this.capture = FORMULA;
        break;
      case "is":
        this.inInline = !selfClosing;
        break;
      case "t":
        if (this.inInline && this.phonetic === 0 && !selfClosing) this.capture = VALUE;
        break;
      case "rPh":
        if (!selfClosing) this.phonetic++;
        break;
      case "row":
        this.row = a.r ? parseInt(a.r, 10) : this.row + 1;
        this.nextCol = 0;
        this.rowHidden = isTrue(a.hidden);
        if (this.rowHidden && this.row <= MAX_ROWS) this.hiddenRows.set(this.row - 1, false);
        break;
      case "mergeCell":
        if (a.ref) this.addMerge(a.ref);
        break;
      case "sheetProtection":
        this.protected = isTrue(a.sheet);
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case "c":
        this.endCell();
        break;
      case "v":
      case "f":
      case "t":
        this.capture = NONE;
        break;
      case "is":
        this.inInline = false;
        break;
      case "rPh":
        this.phonetic = Math.max(0, this.phonetic - 1);
        break;
    }
  }

  text(t: string): void {
    if (this.capture === VALUE) this.vText = this.vText === null ? t : this.vText + t;
    else if (this.capture === FORMULA) this.fText += t;
  }

  private startCell(a: XmlAttrs): void {
    const ref = a.r;
    let row = this.row;
    let col = this.nextCol;
    if (ref) {
      let c = 0;
      let r = 0;
      for (let k = 0; k < ref.length; k++) {
        const ch = ref.charCodeAt(k);
        if (ch >= 65 && ch <= 90) c = c * 26 + ch - 64;
        else if (ch >= 97 && ch <= 122) c = c * 26 + ch - 96;
        else if (ch >= 48 && ch <= 57) r = r * 10 + ch - 48;
      }
      if (c > 0) col = c - 1;
      if (r > 0) row = r;
    }
    this.cRow = row;
    this.cCol = col;
    this.nextCol = col + 1;
    this.cType = a.t;
    this.cStyle = a.s;
    this.vText = null;
    this.fText = null;
    this.fAttrs = null;
    this.capture = NONE;
    this.inInline = false;
    this.phonetic = 0;
  }

  private endCell(): void {
    const row = this.cRow;
    const col = this.cCol;
    this.capture = NONE;
    if (row < 1 || row > MAX_ROWS || col >= MAX_COLS) return;
    let value: CellValue = null;
    let formula: string | null = null;
    const text = this.vText;
    if (this.fText !== null) {
      formula = this.formulaOf(row, col);
      // No cached result: the value is unknown, not zero.
      if (text) value = typedValue(this.cType === "s" || this.cType === "inlineStr" ? "str" : this.cType, text, this.ctx.sharedStrings);
    } else if (text !== null) {
      value = typedValue(this.cType, text, this.ctx.sharedStrings);
    }
    const r = row - 1;
    if (value === null && formula === null) {
      // A bare <c> without a style still counts as content for a hidden row (ExcelJS's rule, kept).
      if (this.cStyle === undefined && this.hiddenRows.has(r)) this.hiddenRows.set(r, true);
      return;
    }
    if (this.hiddenRows.has(r)) this.hiddenRows.set(r, true);
    this.ctx.cells.take(this.ctx.name);
    (this.values[r] ??= [])[col] = value;
    if (formula !== null) ((this.formulas ??= [])[r] ??= [])[col] = formula;
    const fmt = this.cStyle !== undefined ? this.ctx.numberFormats[parseInt(this.cStyle, 10)] : null;
    if (fmt && fmt !== "General") ((this.formats ??= [])[r] ??= [])[col] = fmt;
  }

  private formulaOf(row: number, col: number): string | null {
    const a = this.fAttrs!;
    const text = this.fText!;
    if (a.t === "shared" && a.si !== undefined) {
      if (text) {
        this.masters.set(a.si, { text, row, col });
        return `=${text}`;
      }
      const m = this.masters.get(a.si);
      return m ? `=${translateFormula(m.text, row - m.row, col - m.col)}` : null;
    }
    return text ? `=${text}` : null;
  }

  private addMerge(ref: string): void {
    const [a, b = a] = ref.split(":");
    const p = parseCell(a);
    const q = parseCell(b);
    if (!p || !q) return;
    this.ctx.cells.take(this.ctx.name); // a merged area costs memory like a cell
    this.merges.push({ top: Math.min(p.r, q.r), left: Math.min(p.c, q.c), bottom: Math.max(p.r, q.r), right: Math.max(p.c, q.c) });
  }
}

function parseCell(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(ref);
  if (!m) return null;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  const r = Number(m[2]);
  if (c > MAX_COLS || r < 1 || r > MAX_ROWS) return null;
  return { r: r - 1, c: c - 1 };
}

/** A cell's value by its type attribute. */
function typedValue(type: string | undefined, text: string, strings: string[]): CellValue {
  switch (type) {
    case "s":
      return strings[parseInt(text, 10)] ?? null;
    case "str":
      return text;
    case "inlineStr":
      return decodeEscapes(text);
    case "b":
      return parseInt(text, 10) !== 0;
    case "e":
      return { error: text };
    case "d": {
      const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
      return Number.isNaN(ms) ? text : (ms - EXCEL_EPOCH_MS) / 86_400_000;
    }
    default: {
      const n = parseFloat(text);
      return Number.isNaN(n) ? text : n;
    }
  }
}

/** Reads one worksheet part into a snapshot. */
export function readSheet(entry: ZipEntry, ctx: SheetContext, limit?: number): SheetSnapshot {
  const parser = new SheetParser(ctx);
  const tokenizer = new XmlTokenizer(parser);
  entry.stream((chunk, final) => tokenizer.writeBytes(chunk, final), limit);
  return assemble(parser, ctx);
}

function assemble(p: SheetParser, ctx: SheetContext): SheetSnapshot {
  const merges = dedupeMerges(p.merges);
  // Cells a merged area covers report no value (the area's value is its top-left cell's). Merged
  // areas never overlap in a sound file, so the rows visited stay near the cells read; a file whose
  // areas pile up over the same rows is stopped instead of running for hours.
  let visits = MERGE_VISIT_LIMIT;
  for (const m of merges) {
    const last = Math.min(m.bottom, p.values.length - 1);
    if ((visits -= Math.max(0, last - m.top + 1)) < 0) throw tooBig(ctx, "合并单元格区域过多或相互重叠", "merged areas too many or overlapping");
    for (let r = m.top; r <= last; r++) {
      const row = p.values[r];
      if (!row) continue;
      const end = Math.min(m.right, row.length - 1);
      for (let c = m.left; c <= end; c++) {
        if (r === m.top && c === m.left) continue;
        if (row[c] !== undefined) {
          row[c] = undefined as never;
          const f = p.formulas?.[r];
          if (f) f[c] = undefined as never;
          const n = p.formats?.[r];
          if (n) n[c] = undefined as never;
        }
      }
    }
  }
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (let r = 0; r < p.values.length; r++) {
    const row = p.values[r];
    if (!row) continue;
    let first = -1;
    let lastCol = -1;
    for (let c = 0; c < row.length; c++) {
      if (row[c] === undefined) continue;
      if (first < 0) first = c;
      lastCol = c;
    }
    if (first < 0) {
      p.values[r] = undefined;
      continue;
    }
    row.length = lastCol + 1;
    if (r < top) top = r;
    bottom = r;
    if (first < left) left = first;
    if (lastCol > right) right = lastCol;
  }
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
  }
  const hiddenRows = hiddenRowsWithContent(p, merges);
  const base: SheetSnapshot = {
    name: ctx.name,
    top: Number.isFinite(top) ? top : 0,
    left: Number.isFinite(left) ? left : 0,
    values: [],
    merges,
    hidden: ctx.hidden,
    protected: p.protected,
    hiddenRows,
  };
  if (ctx.generated) base.generated = true;
  if (bottom < 0) return base;
  const height = bottom - base.top + 1;
  const width = right - base.left + 1;
  const pad = height * width <= PAD_LIMIT;
  if (!pad) {
    // Unpadded rows still run from the left edge to their last cell: a cell far right in every row
    // would need billions of places.
    let places = 0;
    for (let r = base.top; r <= bottom; r++) places += Math.max(0, (p.values[r]?.length ?? 0) - base.left);
    if (places > PLACE_LIMIT) throw tooBig(ctx, `已用区域过大（${places.toLocaleString("en-US")} 个单元格位置）`, `used range too large (${places.toLocaleString("en-US")} cell places)`);
  }
  const values = dense(p.values, base.top, base.left, height, width, pad);
  const formulas = p.formulas ? dense(p.formulas, base.top, base.left, height, width, pad) : undefined;
  const numberFormats = p.formats ? dense(p.formats, base.top, base.left, height, width, pad) : undefined;
  const out: SheetSnapshot = { ...base, values, formulas, numberFormats };
  if (!formulas || !formulas.some((r) => r.some((f) => f !== null))) out.formulas = undefined;
  if (!numberFormats || !numberFormats.some((r) => r.some((f) => f !== null))) out.numberFormats = undefined;
  return out;
}

/**
 * Turns sparse absolute-indexed rows into the snapshot's rows from (top, left), in place where it
 * can (a million-row sheet is not copied), with null where there is no cell.
 */
function dense<T>(grid: Grid<T | null>, top: number, left: number, height: number, width: number, pad: boolean): (T | null)[][] {
  const out: (T | null)[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    let row = grid[top + r];
    grid[top + r] = undefined;
    if (!row) {
      out[r] = pad ? new Array<T | null>(width).fill(null) : [];
      continue;
    }
    if (left > 0) row = row.slice(left);
    const n = pad ? width : Math.min(row.length, width);
    if (row.length > n) row.length = n;
    for (let c = 0; c < n; c++) if (row[c] === undefined) row[c] = null;
    out[r] = row;
  }
  return out;
}

/** Overlapping duplicates keep the first area at each top-left cell, as Excel would refuse a second. */
function dedupeMerges(merges: CellRange[]): CellRange[] {
  const seen = new Set<string>();
  const out: CellRange[] = [];
  for (const m of merges) {
    const key = `${m.top},${m.left}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}

/**
 * Hidden rows that hold something: a cell with content, or a cell a merged area covers (the rows a
 * reviewer could see if they were shown). Rows under merged areas are found with one pass of
 * range marks, not a search of the areas per row.
 */
function hiddenRowsWithContent(p: SheetParser, merges: CellRange[]): number[] {
  let maxRow = -1;
  for (const [r, hasContent] of p.hiddenRows) if (!hasContent && r > maxRow) maxRow = r;
  let underMerge: Int32Array | null = null;
  if (maxRow >= 0 && merges.length) {
    underMerge = new Int32Array(maxRow + 2);
    for (const m of merges) {
      // The area covers cells in its top row only when it is wider than one column.
      const from = m.right > m.left ? m.top : m.top + 1;
      if (from > maxRow || from > m.bottom) continue;
      underMerge[from]++;
      underMerge[Math.min(m.bottom, maxRow) + 1]--;
    }
    for (let r = 1; r <= maxRow; r++) underMerge[r] += underMerge[r - 1];
  }
  const out: number[] = [];
  for (const [r, hasContent] of p.hiddenRows) if (hasContent || (underMerge && underMerge[r] > 0)) out.push(r);
  return out.sort((a, b) => a - b);
}

function tooBig(ctx: SheetContext, zh: string, en: string): InputError {
  return new InputError("too-large", `${ctx.file}：工作表“${ctx.name}”${zh}，文件过大，无法核查`, `${ctx.file}: sheet "${ctx.name}": ${en}; the file is too large to check`);
}
