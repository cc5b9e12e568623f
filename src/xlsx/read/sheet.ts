/**
 * One worksheet part → the engine's SheetSnapshot, streamed: the part is inflated and tokenized in
 * chunks, so a sheet of a million rows never exists as one string. Values are what Excel reports;
 * a merged area keeps its value in the top-left cell only, as Office.js reports it.
 */
import type { CellRange, CellValue, SheetSnapshot } from "../../engine";
import type { ZipEntry } from "../package/zip";
import { XmlTokenizer, type XmlAttrs, type XmlSink } from "../package/xml";
import { isTrue } from "../package/parts";
import { decodeEscapes } from "./escapes";
import { translateFormula } from "./shared-formula";
import type { CellBudget } from "./limits";
import { assembleSheet, type Grid, type ParsedSheet, type SheetFacts } from "./sheet-grid";

/** Rows past this are not read: a used range stretched to row 1,048,576 by formatting is empty there. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export interface SheetContext extends SheetFacts {
  sharedStrings: string[];
  /** Number format code per cell format index (`s`). */
  numberFormats: (string | null)[];
  cells: CellBudget;
}

const NONE = 0;
const VALUE = 1;
const FORMULA = 2;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

class SheetParser implements XmlSink, ParsedSheet {
  readonly values: Grid<CellValue> = [];
  formulas: Grid<string | null> | undefined;
  formats: Grid<string | null> | undefined;
  readonly merges: CellRange[] = [];
  /** Hidden rows (0-based) → whether the row has content. */
  readonly hiddenRows = new Map<number, boolean>();
  protected = false;

  private row = 0; // 1-based, as in the XML
  private nextCol = 0;
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
        if (isTrue(a.hidden) && this.row <= MAX_ROWS) this.hiddenRows.set(this.row - 1, false);
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
  return assembleSheet(parser, ctx);
}
