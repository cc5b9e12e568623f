/**
 * A small fake of the Excel JavaScript API objects the gateway uses, with Office.js batch semantics:
 * loaded properties exist only after context.sync(), writes are queued and applied at sync, and every
 * sync is counted. It models exactly what the gateway touches, nothing more.
 */
import { parseA1, parseRangeA1, rangeToA1, toA1, quoteSheet } from "../../src/engine/grid/address";
import type { CellRange, CellValue } from "../../src/engine/grid/types";

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  fill: string | null;
  format: string | null;
}

export interface FakeSheet {
  name: string;
  hidden?: boolean;
  protected?: boolean;
  cells: Map<string, FakeCell>;
  merges: CellRange[];
}

const blank = (): FakeCell => ({ value: null, formula: null, fill: null, format: null });

export class FakeExcel {
  syncs = 0;
  sheets: FakeSheet[] = [];
  active = { sheet: "", cell: "A1" };
  queue: (() => void)[] = [];
  /** Simulates Excel in cell-edit mode: every sync fails. */
  cellEdit = false;

  addSheet(name: string, rows: CellValue[][], opts: { merges?: string[]; protected?: boolean } = {}): FakeSheet {
    const cells = new Map<string, FakeCell>();
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        cells.set(toA1(r, c), { ...blank(), value: v });
      }),
    );
    const sheet = { name, cells, merges: (opts.merges ?? []).map((m) => parseRangeA1(m)!), protected: opts.protected };
    this.sheets.push(sheet);
    return sheet;
  }

  /** The state tests compare: every cell's value, formula and fill. */
  state(): Record<string, Record<string, FakeCell>> {
    return Object.fromEntries(this.sheets.map((s) => [s.name, Object.fromEntries([...s.cells].filter(([, c]) => c.value !== null || c.formula || c.fill).sort(([a], [b]) => a.localeCompare(b)))]));
  }

  queueWrite(fn: () => void): void {
    this.queue.push(fn);
  }

  context(): { workbook: unknown; sync: () => Promise<void> } {
    return makeContext(this);
  }

  run = async <T>(_options: unknown, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.queue = [];
    return batch(this.context() as unknown as Excel.RequestContext);
  };

  /** Runs queued writes, as Excel does at sync. */
  flush(): void {
    for (const w of this.queue.splice(0)) w();
  }
}

function makeContext(fake: FakeExcel): { workbook: unknown; sync: () => Promise<void> } {
    const loads: (() => void)[] = [];
    const ctx = {
      workbook: {
        worksheets: new FakeSheets(fake, loads),
        getActiveCell: () => {
          const s = fake.sheets.find((x) => x.name === fake.active.sheet) ?? fake.sheets[0];
          return new FakeRange(fake, s, parseRangeA1(fake.active.cell)!, loads);
        },
      },
      async sync() {
        fake.syncs++;
        if (fake.cellEdit) throw Object.assign(new Error("cell edit"), { code: "InvalidOperationInCellEditMode" });
        fake.flush();
        for (const l of loads.splice(0)) l();
      },
    };
    return ctx;
}

class FakeSheets {
  items: FakeWorksheet[] = undefined as never;
  constructor(private readonly fake: FakeExcel, private readonly loads: (() => void)[]) {}
  load(): void {
    this.loads.push(() => (this.items = this.fake.sheets.map((s) => new FakeWorksheet(this.fake, s, this.loads))));
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
  constructor(private readonly fake: FakeExcel, private readonly sheet: FakeSheet | null, private readonly loads: (() => void)[]) {
    const p = { protected: undefined as unknown as boolean, load: () => loads.push(() => (p.protected = !!sheet?.protected)) };
    this.protection = p;
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
  load(): void {}
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
    return new FakeRange(this.fake, this.sheet!, r, this.loads);
  }
  activate(): void {
    this.fake.queueWrite(() => (this.fake.active.sheet = this.sheet!.name));
  }
  delete(): void {
    if (!this.sheet) return;
    this.fake.queueWrite(() => (this.fake.sheets = this.fake.sheets.filter((s) => s !== this.sheet)));
  }
}

class FakeRange {
  private loaded: Record<string, unknown> = {};
  readonly format: {
    fill: { color: string; load: () => void; clear: () => void };
    font: { bold: boolean; size: number };
    wrapText: boolean;
    columnWidth: number;
  };

  constructor(private readonly fake: FakeExcel, private readonly sheet: FakeSheet, private readonly r: CellRange | null, private readonly loads: (() => void)[]) {
    const cell = (row: number, col: number) => sheet.cells.get(toA1(row, col));
    const fill = {
      color: undefined as unknown as string,
      load: () => loads.push(() => (fill.color = cell(r!.top, r!.left)?.fill ?? "#FFFFFF")),
      clear: () => fake.queueWrite(() => this.each((c) => (c.fill = null))),
    };
    this.format = {
      fill: new Proxy(fill, {
        set: (t, p, v) => {
          if (p === "color") fake.queueWrite(() => this.each((c) => (c.fill = v)));
          else (t as Record<string | symbol, unknown>)[p] = v;
          return true;
        },
      }),
      font: { bold: false, size: 11 },
      wrapText: false,
      columnWidth: 0,
    };
  }

  get isNullObject(): boolean {
    return this.r === null;
  }

  private each(fn: (c: FakeCell, row: number, col: number) => void): void {
    for (let row = this.r!.top; row <= this.r!.bottom; row++)
      for (let col = this.r!.left; col <= this.r!.right; col++) {
        const k = toA1(row, col);
        const c = this.sheet.cells.get(k) ?? blank();
        fn(c, row, col);
        this.sheet.cells.set(k, c);
      }
  }

  private grid<T>(fn: (c: FakeCell) => T): T[][] {
    const out: T[][] = [];
    for (let row = this.r!.top; row <= this.r!.bottom; row++) {
      const line: T[] = [];
      for (let col = this.r!.left; col <= this.r!.right; col++) line.push(fn(this.sheet.cells.get(toA1(row, col)) ?? blank()));
      out.push(line);
    }
    return out;
  }

  load(props: string): void {
    this.loads.push(() => {
      if (!this.r) return;
      for (const p of props.split(",").map((x) => x.trim())) {
        if (p === "address") this.loaded.address = `${quoteSheet(this.sheet.name)}!${rangeToA1(this.r)}`;
        if (p === "values") this.loaded.values = this.grid((c) => (c.value === null ? "" : typeof c.value === "object" ? c.value.error : c.value));
        if (p === "formulas") this.loaded.formulas = this.grid((c) => c.formula ?? (c.value === null ? "" : typeof c.value === "object" ? c.value.error : c.value));
        if (p === "numberFormat") this.loaded.numberFormat = this.grid((c) => c.format ?? "General");
        if (p === "valueTypes") this.loaded.valueTypes = this.grid((c) => (c.value === null ? "Empty" : typeof c.value === "object" ? "Error" : typeof c.value === "number" ? "Double" : "String"));
      }
    });
  }

  private get<T>(p: string): T {
    if (!(p in this.loaded)) throw new Error(`PropertyNotLoaded: ${p}`);
    return this.loaded[p] as T;
  }

  get address(): string {
    return this.get("address");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.fake.queueWrite(() => this.each((c, row, col) => Object.assign(c, { value: v[row - this.r!.top][col - this.r!.left] === "" ? null : v[row - this.r!.top][col - this.r!.left], formula: null })));
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

  getMergedAreasOrNullObject(): { isNullObject: boolean; address: string; load: () => void } {
    const inside = this.sheet.merges.filter((m) => this.r && m.top >= this.r.top && m.bottom <= this.r.bottom);
    const q = quoteSheet(this.sheet.name);
    return { isNullObject: inside.length === 0, address: inside.map((m) => `${q}!${rangeToA1(m)}`).join(", "), load: () => undefined };
  }

  select(): void {
    this.fake.queueWrite(() => (this.fake.active = { sheet: this.sheet.name, cell: rangeToA1(this.r!) }));
  }
}
