/**
 * A small fake of the Excel JavaScript API objects the gateway uses, with Office.js batch semantics:
 * loaded properties exist only after context.sync(), writes are queued and applied at sync, and every
 * sync and Excel.run is counted. It also enforces the limits the gateway must respect: a sync whose
 * loaded data passes 5 MB fails (Excel on the web), a merged-areas query over a range with more than
 * 512 areas fails the batch, and getMergedAreasOrNullObject reports only areas whose top-left cell
 * lies in the range (OfficeDev/office-js#3611). It models what the gateway touches, nothing more.
 */
import { parseA1, parseRangeA1, rangeToA1, toA1, quoteSheet } from "../../src/engine/grid/address";
import type { CellRange, CellValue, SheetSnapshot } from "../../src/engine/grid/types";
import { snapshotCells } from "../../src/engine/grid/snapshot-cells";

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  fill: string | null;
  format: string | null;
  note: string | null;
  /** Font and wrapping, where changed from Excel's defaults (not bold, 11 pt, no wrap). */
  bold?: boolean;
  size?: number;
  wrap?: boolean;
}

export interface FakeSheet {
  name: string;
  hidden?: boolean;
  protected?: boolean;
  cells: Map<string, FakeCell>;
  merges: CellRange[];
  /** Threaded comments on the sheet (only their number is modelled). */
  comments?: number;
}

/** Excel on the web's request/response limit. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export const blank = (): FakeCell => ({ value: null, formula: null, fill: null, format: null, note: null });
const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? "");
const fail = (code: string, message: string) => Object.assign(new Error(message), { code });

/**
 * Stores what was written through range.values, as Excel does: a leading apostrophe makes the rest a
 * text constant (and is not kept); otherwise "=..." becomes a formula and number-like or TRUE/FALSE
 * text becomes a number or a boolean.
 */
export function storeValue(c: FakeCell, x: unknown): void {
  if (x === "" || x === null || x === undefined) Object.assign(c, { value: null, formula: null });
  else if (typeof x !== "string") Object.assign(c, { value: x, formula: null });
  else if (x.startsWith("'")) Object.assign(c, { value: x.slice(1), formula: null });
  else if (x.startsWith("=")) Object.assign(c, { value: null, formula: x });
  else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(x.trim())) Object.assign(c, { value: Number(x), formula: null });
  else if (/^(true|false)$/i.test(x)) Object.assign(c, { value: x.toUpperCase() === "TRUE", formula: null });
  else Object.assign(c, { value: x, formula: null });
}

/** Every non-empty cell's value, formula, fill and note, by sheet: what tests compare. */
export function sheetsState(sheets: FakeSheet[]): Record<string, Record<string, FakeCell>> {
  return Object.fromEntries(
    sheets.map((s) => [
      s.name,
      // Copies: cells are updated in place, and a state taken before a change must not follow it.
      Object.fromEntries([...s.cells].filter(([, c]) => c.value !== null || c.formula || c.fill || c.note || styled(c)).map(([k, c]): [string, FakeCell] => [k, plain(c)]).sort(([a], [b]) => a.localeCompare(b))),
    ]),
  );
}

const styled = (c: FakeCell) => !!c.bold || (c.size !== undefined && c.size !== 11) || !!c.wrap;

/** A copy without font and wrapping fields that hold Excel's defaults, so restored defaults compare equal. */
function plain(c: FakeCell): FakeCell {
  const out = { ...c };
  if (!out.bold) delete out.bold;
  if (out.size === undefined || out.size === 11) delete out.size;
  if (!out.wrap) delete out.wrap;
  return out;
}

/** A fake sheet holding a grid snapshot's values, formulas, number formats and merged areas. */
export function fakeSheet(s: SheetSnapshot, opts: { protected?: boolean; comments?: number } = {}): FakeSheet {
  const cells = new Map<string, FakeCell>();
  for (const [a1, c] of snapshotCells(s)) cells.set(a1, { ...blank(), ...c });
  return { name: s.name, hidden: s.hidden, protected: opts.protected ?? s.protected, cells, merges: s.merges ?? [], comments: opts.comments };
}

/** A queued load: fills in properties at sync and returns what it "transferred", for the 5 MB check. */
type Load = () => unknown;

export class FakeExcel {
  syncs = 0;
  runs = 0;
  /** Size of each sync's loaded data, in order. */
  payloads: number[] = [];
  sheets: FakeSheet[] = [];
  active = { sheet: "", cell: "A1" };
  queue: (() => void)[] = [];
  /** Simulates Excel in cell-edit mode: every sync fails. */
  cellEdit = false;
  /** Makes the next sync fail at this queued write, after applying the ones before it (as Excel does). */
  failAtWrite: number | undefined;

  addSheet(name: string, rows: CellValue[][], opts: { merges?: string[]; protected?: boolean; comments?: number } = {}): FakeSheet {
    const cells = new Map<string, FakeCell>();
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        cells.set(toA1(r, c), { ...blank(), value: v });
      }),
    );
    const sheet = { name, cells, merges: (opts.merges ?? []).map((m) => parseRangeA1(m)!), protected: opts.protected, comments: opts.comments };
    this.sheets.push(sheet);
    return sheet;
  }

  /** A sheet from a grid snapshot, formulas and number formats included. */
  addSnapshot(s: SheetSnapshot, opts: { protected?: boolean; comments?: number } = {}): FakeSheet {
    const sheet = fakeSheet(s, opts);
    this.sheets.push(sheet);
    return sheet;
  }

  /** The state tests compare: every cell's value, formula, fill and note. */
  state(): Record<string, Record<string, FakeCell>> {
    return sheetsState(this.sheets);
  }

  queueWrite(fn: () => void): void {
    this.queue.push(fn);
  }

  context(): { workbook: unknown; sync: () => Promise<void> } {
    const loads: Load[] = [];
    return {
      workbook: {
        worksheets: new FakeSheets(this, loads),
        getSelectedRange: () => {
          const s = this.sheets.find((x) => x.name === this.active.sheet) ?? this.sheets[0];
          return new FakeRange(this, s, parseRangeA1(this.active.cell)!, loads);
        },
      },
      sync: async () => {
        this.syncs++;
        const batch = loads.splice(0);
        if (this.cellEdit) throw fail("InvalidOperationInCellEditMode", "cell edit");
        this.flush();
        const size = batch.reduce((n, l) => n + bytes(l()), 0);
        this.payloads.push(size);
        if (size > PAYLOAD_LIMIT) throw fail("ResponsePayloadSizeLimitExceeded", "response payload size limit exceeded");
      },
    };
  }

  run = async <T>(_options: unknown, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    this.queue = [];
    return batch(this.context() as unknown as Excel.RequestContext);
  };

  /** Runs queued writes, as Excel does at sync. */
  flush(): void {
    const writes = this.queue.splice(0);
    const failAt = this.failAtWrite !== undefined && this.failAtWrite < writes.length ? this.failAtWrite : undefined;
    if (failAt !== undefined) this.failAtWrite = undefined;
    writes.forEach((w, i) => {
      if (i === failAt) throw fail("GeneralException", `write ${i} failed`);
      w();
    });
  }
}

class FakeSheets {
  items: FakeWorksheet[] = undefined as never;
  constructor(
    private readonly fake: FakeExcel,
    private readonly loads: Load[],
  ) {}
  load(): void {
    this.loads.push(() => {
      this.items = this.fake.sheets.map((s) => new FakeWorksheet(this.fake, s, this.loads));
      return this.items.map((w) => [w.name, w.visibility]);
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const s = this.fake.sheets.find((x) => x.name === name);
    return new FakeWorksheet(this.fake, s ?? null, this.loads);
  }
  getItem(name: string): FakeWorksheet {
    return this.getItemOrNullObject(name);
  }
  add(name: string): FakeWorksheet {
    const sheet: FakeSheet = { name, cells: new Map(), merges: [] };
    this.fake.queueWrite(() => this.fake.sheets.push(sheet));
    return new FakeWorksheet(this.fake, sheet, this.loads);
  }
}

class FakeWorksheet {
  readonly protection: { protected: boolean; load: () => void };
  readonly notes: { getItemOrNullObject: (cell: string) => FakeNote; getItem: (cell: string) => FakeNote; add: (range: FakeRange, text: string) => void };
  readonly comments: { getCount: () => { value: number } };

  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: FakeSheet | null,
    private readonly loads: Load[],
  ) {
    const p = { protected: undefined as unknown as boolean, load: () => loads.push(() => (p.protected = !!sheet?.protected)) };
    this.protection = p;
    this.notes = {
      getItemOrNullObject: (cell) => new FakeNote(fake, sheet, cell, loads),
      getItem: (cell) => new FakeNote(fake, sheet, cell, loads),
      add: (range, text) =>
        fake.queueWrite(() => {
          const c = sheet!.cells.get(range.a1) ?? blank();
          if (c.note !== null) throw fail("InvalidArgument", "the cell already has a note");
          sheet!.cells.set(range.a1, { ...c, note: text });
        }),
    };
    this.comments = {
      getCount: () => {
        const result = { value: undefined as unknown as number };
        loads.push(() => (result.value = sheet?.comments ?? 0));
        return result;
      },
    };
  }
  get isNullObject(): boolean {
    return this.sheet === null;
  }
  get name(): string {
    return this.sheet!.name;
  }
  get visibility(): string {
    return this.sheet!.hidden ? "Hidden" : "Visible";
  }
  getUsedRangeOrNullObject(): FakeRange {
    // Loops, not Math.min(...): a 100,000-row sheet would overflow the call stack.
    let r: CellRange | null = null;
    for (const [k, c] of this.sheet!.cells) {
      if (c.value === null && !c.formula) continue;
      const p = parseA1(k)!;
      r = r
        ? { top: Math.min(r.top, p.row), left: Math.min(r.left, p.col), bottom: Math.max(r.bottom, p.row), right: Math.max(r.right, p.col) }
        : { top: p.row, left: p.col, bottom: p.row, right: p.col };
    }
    return new FakeRange(this.fake, this.sheet!, r, this.loads);
  }
  getRange(address: string): FakeRange {
    const whole = /^([A-Z]+):([A-Z]+)$/.exec(address);
    const r = whole ? parseRangeA1(`${whole[1]}1:${whole[2]}1`)! : parseRangeA1(address)!;
    return new FakeRange(this.fake, this.sheet, r, this.loads);
  }
  activate(): void {
    this.fake.queueWrite(() => (this.fake.active.sheet = this.sheet!.name));
  }
  delete(): void {
    if (!this.sheet) return;
    this.fake.queueWrite(() => (this.fake.sheets = this.fake.sheets.filter((s) => s !== this.sheet)));
  }
}

class FakeNote {
  isNullObject = undefined as unknown as boolean;
  private text = undefined as unknown as string;
  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: FakeSheet | null,
    private readonly cell: string,
    private readonly loads: Load[],
  ) {}
  load(): this {
    this.loads.push(() => {
      const note = this.sheet?.cells.get(this.cell)?.note ?? null;
      this.isNullObject = note === null;
      this.text = note ?? "";
      return note;
    });
    return this;
  }
  get content(): string {
    if (this.text === undefined) throw new Error("PropertyNotLoaded: content");
    return this.text;
  }
  /** Replaces the note's whole text (as Excel does: plain text); a missing note fails the batch. */
  set content(text: string) {
    this.fake.queueWrite(() => {
      const c = this.sheet?.cells.get(this.cell);
      if (!c || c.note === null) throw fail("ItemNotFound", `no note on ${this.cell}`);
      c.note = text;
    });
  }
  /** On a null object, a no-op (the "delete if it exists" idiom). */
  delete(): void {
    this.fake.queueWrite(() => {
      const c = this.sheet?.cells.get(this.cell);
      if (c) c.note = null;
    });
  }
}

class FakeRange {
  private loaded: Record<string, unknown> = {};
  readonly format: {
    fill: { color: string; load: () => void; clear: () => void };
    font: { bold: boolean; size: number; load: () => void };
    wrapText: boolean;
    columnWidth: number;
    load: () => void;
  };

  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: FakeSheet | null,
    private readonly r: CellRange | null,
    private readonly loads: Load[],
  ) {
    const cell = (row: number, col: number) => sheet?.cells.get(toA1(row, col));
    const fill = {
      color: undefined as unknown as string,
      load: () => loads.push(() => (fill.color = cell(r!.top, r!.left)?.fill ?? "#FFFFFF")),
      clear: () => fake.queueWrite(() => this.each((c) => (c.fill = null))),
    };
    const font = {
      bold: false,
      size: 11,
      load: () =>
        loads.push(() => {
          font.bold = !!cell(r!.top, r!.left)?.bold;
          font.size = cell(r!.top, r!.left)?.size ?? 11;
        }),
    };
    const format = {
      wrapText: false,
      columnWidth: 0,
      load: () => loads.push(() => (format.wrapText = !!cell(r!.top, r!.left)?.wrap)),
    };
    const queued = <T extends object>(target: T, write: Record<string, (c: FakeCell, v: never) => void>) =>
      new Proxy(target, {
        set: (t, p, v) => {
          if (typeof p === "string" && write[p]) fake.queueWrite(() => this.each((c) => write[p](c, v as never)));
          else (t as Record<string | symbol, unknown>)[p] = v;
          return true;
        },
      });
    this.format = Object.assign(
      queued(format, { wrapText: (c, v: boolean) => (c.wrap = v) }),
      {
        fill: new Proxy(fill, {
          set: (t, p, v) => {
            if (p === "color") fake.queueWrite(() => this.each((c) => (c.fill = v)));
            else (t as Record<string | symbol, unknown>)[p] = v;
            return true;
          },
        }),
        font: queued(font, { bold: (c, v: boolean) => (c.bold = v), size: (c, v: number) => (c.size = v) }),
      },
    );
  }

  get isNullObject(): boolean {
    return this.r === null;
  }

  get a1(): string {
    return rangeToA1(this.r!);
  }

  private each(fn: (c: FakeCell, row: number, col: number) => void): void {
    for (let row = this.r!.top; row <= this.r!.bottom; row++)
      for (let col = this.r!.left; col <= this.r!.right; col++) {
        const k = toA1(row, col);
        const c = this.sheet!.cells.get(k) ?? blank();
        fn(c, row, col);
        this.sheet!.cells.set(k, c);
      }
  }

  private grid<T>(fn: (c: FakeCell) => T): T[][] {
    const out: T[][] = [];
    for (let row = this.r!.top; row <= this.r!.bottom; row++) {
      const line: T[] = [];
      for (let col = this.r!.left; col <= this.r!.right; col++) line.push(fn(this.sheet!.cells.get(toA1(row, col)) ?? blank()));
      out.push(line);
    }
    return out;
  }

  load(props: string): this {
    this.loads.push(() => {
      if (!this.r || !this.sheet) return null;
      const r = this.r;
      const shown = (c: FakeCell) => (c.value === null ? "" : typeof c.value === "object" ? c.value.error : c.value);
      const got: Record<string, unknown> = {};
      for (const p of props.split(",").map((x) => x.trim())) {
        if (["values", "formulas", "numberFormat", "valueTypes"].includes(p) && (r.bottom - r.top + 1) * (r.right - r.left + 1) > 5_000_000)
          throw fail("RangeExceedsLimit", "a range is limited to 5,000,000 cells for read operations");
        if (p === "address") got.address = `${quoteSheet(this.sheet.name)}!${rangeToA1(r)}`;
        if (p === "rowIndex") got.rowIndex = r.top;
        if (p === "columnIndex") got.columnIndex = r.left;
        if (p === "rowCount") got.rowCount = r.bottom - r.top + 1;
        if (p === "columnCount") got.columnCount = r.right - r.left + 1;
        if (p === "values") got.values = this.grid(shown);
        if (p === "formulas") got.formulas = this.grid((c) => c.formula ?? shown(c));
        if (p === "numberFormat") got.numberFormat = this.grid((c) => c.format ?? "General");
        if (p === "valueTypes")
          got.valueTypes = this.grid((c) => (c.value === null ? "Empty" : typeof c.value === "object" ? "Error" : typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String"));
      }
      Object.assign(this.loaded, got);
      return got;
    });
    return this;
  }

  private get<T>(p: string): T {
    if (!(p in this.loaded)) throw new Error(`PropertyNotLoaded: ${p}`);
    return this.loaded[p] as T;
  }

  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.fake.queueWrite(() => this.each((c, row, col) => storeValue(c, v[row - this.r!.top][col - this.r!.left])));
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.fake.queueWrite(() => this.each((c, row, col) => Object.assign(c, { formula: String(v[row - this.r!.top][col - this.r!.left]) })));
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }

  /** Areas whose top-left cell lies in this range; more than 512 fails the whole batch at sync. */
  getMergedAreasOrNullObject(): { isNullObject: boolean; address: string; load: () => unknown } {
    const areas = { isNullObject: undefined as unknown as boolean, address: undefined as unknown as string, load: () => areas };
    this.loads.push(() => {
      const r = this.r!;
      const inside = this.sheet!.merges.filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right);
      if (inside.length > 512) throw fail("GeneralException", `${inside.length} merged areas in ${rangeToA1(r)}: more than 512`);
      areas.isNullObject = inside.length === 0;
      areas.address = inside.map((m) => `${quoteSheet(this.sheet!.name)}!${rangeToA1(m)}`).join(", ");
      return areas.address;
    });
    return areas;
  }

  select(): void {
    this.fake.queueWrite(() => (this.fake.active = { sheet: this.sheet!.name, cell: rangeToA1(this.r!) }));
  }
}
