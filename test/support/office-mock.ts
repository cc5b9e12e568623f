/**
 * An Excel workbook built from office-addin-mock's OfficeMockObject, for gateway tests. The mock
 * gives the load/sync contract (a property reads as an error string until it is loaded and synced;
 * loading a property the model lacks throws), and this file supplies what it leaves to the test:
 *
 * - methods (getUsedRangeOrNullObject, getRange, getMergedAreasOrNullObject, notes, comments, add,
 *   delete) are closures over a FakeSheet grid; the objects they return are registered as children
 *   of the workbook mock, because sync only reaches objects in the mock's tree;
 * - collection paths ("items/name") are not understood by the mock's load: the worksheet
 *   collection's load maps them onto each item;
 * - Office loads isNullObject and ClientResult.value at every sync on its own; the mock needs them
 *   loaded, so the methods returning such objects load them;
 * - writes are plain property assignments on the mock; `commit` (run after every sync) applies what
 *   was assigned, and the queued adds and deletes, to the grid, so that apply/undo can be checked.
 *
 * Limits the mock cannot express (5 MB payloads, the 512-merged-area failure) are tested against
 * test/support/fake-excel.ts.
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseRangeA1, quoteSheet, rangeToA1, toA1 } from "../../src/engine/grid/address";
import type { CellRange, SheetSnapshot } from "../../src/engine/grid/types";
import type { OfficeHost } from "../../src/addin/office";
import { blank, fakeSheet, sheetsState, storeValue, type FakeCell, type FakeSheet } from "./fake-excel";

// office-addin-mock has no types for its dynamic members.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Mock = any;

/** A range the batch may write: what was assigned to it since the last sync. */
interface Written {
  mock: Mock;
  sheet: FakeSheet;
  r: CellRange;
  assigned: { values?: unknown[][]; formulas?: unknown[][]; fill?: string; cleared?: boolean };
}

const MOCK_STATES = ["Error, property was not loaded", "Error, context.sync() was not called"];
const autoLoad = (m: Mock, props: string): Mock => OfficeMockObject.prototype.load.call(m, props);

/**
 * Turns `obj[prop]` into an accessor that records assignments by the code under test. The mock's own
 * load/sync bookkeeping assigns its state strings or the loaded value itself, which are not writes.
 */
function watch(obj: Mock, prop: string, loaded: unknown, onWrite: (v: never) => void): void {
  let current = obj[prop];
  Object.defineProperty(obj, prop, {
    get: () => current,
    set: (v) => {
      if (v !== loaded && !MOCK_STATES.includes(v)) onWrite(v as never);
      current = v;
    },
  });
}

export class MockWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly mock: Mock;
  syncs = 0;
  runs = 0;
  /** Every load call, as "Kind:properties" (Range and RangeAreas carry their address). */
  loads: string[] = [];
  private ranges: Written[] = [];
  private queued: (() => void)[] = [];
  private ids = 0;

  constructor(snapshots: SheetSnapshot[], opts: { protect?: string[]; comments?: Record<string, number>; notes?: Record<string, string> } = {}) {
    for (const s of snapshots) this.sheets.push(fakeSheet(s, { protected: opts.protect?.includes(s.name), comments: opts.comments?.[s.name] }));
    for (const [ref, text] of Object.entries(opts.notes ?? {})) {
      const [name, cell] = ref.split("!");
      const sheet = this.sheets.find((s) => s.name === name)!;
      sheet.cells.set(cell, { ...(sheet.cells.get(cell) ?? blank()), note: text });
    }
    this.mock = new OfficeMockObject({ context: { workbook: { worksheets: {} } } });
    const context = this.mock.context;
    const sync = context.sync.bind(context);
    context.sync = async () => {
      this.syncs++;
      await sync();
      this.commit();
    };
    this.populateWorksheets();
  }

  /** An OfficeHost whose run hands the batch the mock's context (ExcelApi up to `version`). */
  host(version = "1.20"): OfficeHost {
    const minor = (v: string) => Number(v.split(".")[1]);
    return {
      run: async (_options, batch) => {
        this.runs++;
        return batch(this.mock.context);
      },
      isSetSupported: (_name, v) => minor(v) <= minor(version),
    };
  }

  state(): Record<string, Record<string, FakeCell>> {
    return sheetsState(this.sheets);
  }

  /** A new mock object registered under the workbook, so that context.sync reaches it. */
  private child(kind: string, data: object, label = ""): Mock {
    const key = `m${++this.ids}`;
    const wb = this.mock.context.workbook;
    wb.addMock(key);
    const m = wb[key];
    m.populate(data);
    m.load = (props: string) => {
      this.loads.push(`${kind}${label}:${props}`);
      return autoLoad(m, props);
    };
    return m;
  }

  private populateWorksheets(): void {
    const ws = this.mock.context.workbook.worksheets;
    ws.populate({
      items: [],
      getItemOrNullObject: (name: string) => this.sheetMock(this.sheets.find((s) => s.name === name)!),
      getItem: (name: string) => this.sheetMock(this.sheets.find((s) => s.name === name)!),
      add: (name: string) => {
        const sheet: FakeSheet = { name, cells: new Map(), merges: [] };
        this.queued.push(() => this.sheets.push(sheet));
        return this.sheetMock(sheet);
      },
    });
    const load = OfficeMockObject.prototype.load;
    ws.load = (props: string) => {
      this.loads.push(`WorksheetCollection:${props}`);
      const items = this.sheets.map((s) => this.sheetMock(s));
      ws.setValue("items", items);
      load.call(ws, "items");
      const each = props.split(",").map((p) => p.trim().replace(/^items\//, ""));
      for (const item of items) load.call(item, each);
      return ws;
    };
  }

  private sheetMock(sheet: FakeSheet): Mock {
    const m = this.child("Worksheet", {
      name: sheet.name,
      visibility: sheet.hidden ? "Hidden" : "Visible",
      isNullObject: false,
      protection: { protected: !!sheet.protected },
      notes: {
        getItemOrNullObject: (cell: string) => {
          const note = sheet.cells.get(cell)?.note ?? null;
          const n = this.child("Note", { content: note ?? "", isNullObject: note === null, delete: () => this.queued.push(() => (sheet.cells.get(cell)!.note = null)) });
          return autoLoad(n, "isNullObject");
        },
        add: (range: Mock, text: string) => {
          const a1 = rangeToA1(this.ranges.find((w) => w.mock === range)!.r);
          this.queued.push(() => sheet.cells.set(a1, { ...(sheet.cells.get(a1) ?? blank()), note: text }));
        },
      },
      comments: { getCount: () => autoLoad(this.child("ClientResult", { value: sheet.comments ?? 0 }), "value") },
      getUsedRangeOrNullObject: () => {
        const r = usedRange(sheet);
        const u = this.child("Range", { rowIndex: r?.top ?? 0, columnIndex: r?.left ?? 0, rowCount: r ? r.bottom - r.top + 1 : 0, columnCount: r ? r.right - r.left + 1 : 0, isNullObject: !r }, "(used)");
        return autoLoad(u, "isNullObject");
      },
      getRange: (address: string) => this.rangeMock(sheet, address),
      delete: () => this.queued.push(() => this.sheets.splice(this.sheets.indexOf(sheet), 1)),
    });
    return autoLoad(m, "isNullObject");
  }

  private rangeMock(sheet: FakeSheet, address: string): Mock {
    const whole = /^([A-Z]+):([A-Z]+)$/.exec(address);
    const r = parseRangeA1(whole ? `${whole[1]}1:${whole[2]}1` : address)!;
    const grid = <T>(fn: (c: FakeCell) => T) => {
      const out: T[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: T[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(fn(sheet.cells.get(toA1(row, col)) ?? blank()));
        out.push(line);
      }
      return out;
    };
    const shown = (c: FakeCell) => (c.value === null ? "" : typeof c.value === "object" ? c.value.error : c.value);
    const values = grid(shown);
    const formulas = grid((c) => c.formula ?? shown(c));
    const fill = sheet.cells.get(toA1(r.top, r.left))?.fill ?? "#FFFFFF";
    const w: Written = { mock: null, sheet, r, assigned: {} };
    w.mock = this.child(
      "Range",
      {
        address: `${quoteSheet(sheet.name)}!${rangeToA1(r)}`,
        values,
        formulas,
        numberFormat: grid((c) => c.format ?? "General"),
        valueTypes: grid((c) => (c.value === null ? "Empty" : typeof c.value === "object" ? "Error" : typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String")),
        format: { fill: { color: fill, clear: () => (w.assigned.cleared = true) }, font: { bold: false, size: 11 }, wrapText: false, columnWidth: 0 },
        getMergedAreasOrNullObject: () => {
          // Areas whose top-left cell lies in the range, as Excel reports them.
          const inside = sheet.merges.filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right);
          const areas = this.child("RangeAreas", { address: inside.map((m) => `${quoteSheet(sheet.name)}!${rangeToA1(m)}`).join(", "), isNullObject: inside.length === 0 }, `(${rangeToA1(r)})`);
          return autoLoad(areas, "isNullObject");
        },
      },
      `(${rangeToA1(r)})`,
    );
    watch(w.mock, "values", values, (v) => (w.assigned.values = v));
    watch(w.mock, "formulas", formulas, (v) => (w.assigned.formulas = v));
    watch(w.mock.format.fill, "color", fill, (v) => (w.assigned.fill = v));
    this.ranges.push(w);
    return w.mock;
  }

  /** Applies, as Excel would at sync, what the batch assigned and queued. */
  private commit(): void {
    for (const w of this.ranges) {
      const { values, formulas, fill, cleared } = w.assigned;
      for (let row = w.r.top; row <= w.r.bottom; row++)
        for (let col = w.r.left; col <= w.r.right; col++) {
          const k = toA1(row, col);
          const c = w.sheet.cells.get(k) ?? blank();
          if (values) storeValue(c, values[row - w.r.top][col - w.r.left]);
          if (formulas) c.formula = String(formulas[row - w.r.top][col - w.r.left]);
          if (fill !== undefined) c.fill = fill;
          if (cleared) c.fill = null;
          if (values || formulas || fill !== undefined || cleared) w.sheet.cells.set(k, c);
        }
      w.assigned = {};
    }
    for (const q of this.queued.splice(0)) q();
  }
}

function usedRange(sheet: FakeSheet): CellRange | null {
  let r: CellRange | null = null;
  for (const [k, c] of sheet.cells) {
    if (c.value === null && !c.formula) continue;
    const p = parseRangeA1(k)!;
    r = r ? { top: Math.min(r.top, p.top), left: Math.min(r.left, p.left), bottom: Math.max(r.bottom, p.top), right: Math.max(r.right, p.left) } : p;
  }
  return r;
}
