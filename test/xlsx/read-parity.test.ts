/**
 * The lean reader against the former ExcelJS reader, kept here as the reference: on every seed
 * fixture, the sample workbook and the same files saved by LibreOffice (when it is installed), the
 * two snapshots are equal.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/engine/grid/types";
import { parseRangeA1 } from "../../src/engine/grid/address";
import { readXlsxBytes } from "../../src/xlsx/read";
import { OUT } from "../support/xlsx";

const FIXTURES = join(__dirname, "../fixtures/xlsx");
const SAMPLE = join(__dirname, "../../samples/sample.xlsx");

/** Drops keys whose value is undefined, as the engine and JSON see them. */
const plain = (s: WorkbookSnapshot) => JSON.parse(JSON.stringify(s)) as WorkbookSnapshot;

async function referenceRead(bytes: Uint8Array, name: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return { source: name, sheets: wb.worksheets.map(snapshotOf) };
}

async function expectSameSnapshots(files: string[]): Promise<void> {
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const bytes = readFileSync(file);
    const name = file.slice(file.lastIndexOf("/") + 1);
    expect({ file: name, snapshot: plain(readXlsxBytes(bytes, name)) }).toEqual({ file: name, snapshot: plain(await referenceRead(bytes, name)) });
  }
}

describe("the lean reader reads what the ExcelJS reader read", () => {
  it("on every seed fixture and the sample workbook", async () => {
    const files = readdirSync(FIXTURES)
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => join(FIXTURES, f));
    await expectSameSnapshots([...files, SAMPLE]);
  });

  const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find(existsSync);
  if (!soffice && process.env.CI) throw new Error("soffice is missing: .ci/run must install LibreOffice");
  (soffice ? it : it.skip)("on the same workbooks saved by LibreOffice", async () => {
    const out = join(OUT, "read-parity-lo");
    mkdirSync(out, { recursive: true });
    const inputs = ["000-01", "000-03", "001-01", "004-02"].map((id) => join(FIXTURES, `${id}.xlsx`));
    execFileSync(soffice!, [`-env:UserInstallation=file://${out}/profile`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, ...inputs], { stdio: "ignore", timeout: 120_000 });
    await expectSameSnapshots(inputs.map((f) => join(out, f.slice(f.lastIndexOf("/") + 1))));
  }, 150_000);
});

// ---- The former reader (src/xlsx/reader.ts before the lean reader), verbatim. ----

const MAX_ROWS = 1_048_576;

/** One worksheet as the engine's grid snapshot. */
function snapshotOf(ws: ExcelJS.Worksheet): SheetSnapshot {
  const merges = readMerges(ws);
  const covered = new Set<string>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);

  const cells: { r: number; c: number; v: CellValue; f: string | null; fmt: string | null }[] = [];
  const hiddenRows: number[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > MAX_ROWS) return;
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      // ExcelJS repeats a merge's value into every covered cell; Office.js reports it once.
      if (covered.has(`${r},${c}`)) return;
      const { v, f } = cellValue(cell);
      const fmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null;
      if (v === null && !f) return;
      cells.push({ r, c, v, f, fmt });
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    });
  });
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
  }
  const base: SheetSnapshot = {
    name: ws.name,
    top: Number.isFinite(top) ? top : 0,
    left: Number.isFinite(left) ? left : 0,
    values: [],
    merges,
    hidden: ws.state !== "visible",
    protected: !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
    hiddenRows,
  };
  if (bottom < 0) return base;
  const height = bottom - base.top + 1;
  const width = right - base.left + 1;
  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  let formulas: (string | null)[][] | undefined;
  let formats: (string | null)[][] | undefined;
  for (const x of cells) {
    values[x.r - base.top][x.c - base.left] = x.v;
    if (x.f) {
      formulas ??= Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
      formulas[x.r - base.top][x.c - base.left] = x.f;
    }
    if (x.fmt) {
      formats ??= Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
      formats[x.r - base.top][x.c - base.left] = x.fmt;
    }
  }
  return { ...base, values, formulas, numberFormats: formats };
}

function readMerges(ws: ExcelJS.Worksheet): CellRange[] {
  const raw = (ws as unknown as { _merges?: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }> })._merges;
  const out: CellRange[] = [];
  if (raw) {
    for (const m of Object.values(raw)) {
      const model = m?.model;
      if (model) out.push({ top: model.top - 1, left: model.left - 1, bottom: model.bottom - 1, right: model.right - 1 });
    }
    return out;
  }
  for (const a1 of ws.model.merges ?? []) {
    const r = parseRangeA1(a1);
    if (r) out.push(r);
  }
  return out;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** ExcelJS cell → the value Excel would report, and its formula. */
function cellValue(cell: ExcelJS.Cell): { v: CellValue; f: string | null } {
  const raw = cell.value as unknown;
  if (raw === null || raw === undefined) return { v: null, f: null };
  if (typeof raw === "number" || typeof raw === "boolean") return { v: raw, f: null };
  if (typeof raw === "string") return { v: raw, f: null };
  if (raw instanceof Date) return { v: (raw.getTime() - EXCEL_EPOCH) / 86_400_000, f: null };
  const o = raw as Record<string, unknown>;
  if ("formula" in o || "sharedFormula" in o) {
    const formula = cell.formula ? `=${cell.formula}` : null;
    return { v: formulaResult(o.result), f: formula };
  }
  if ("error" in o) return { v: { error: String(o.error) }, f: null };
  if (Array.isArray(o.richText)) return { v: (o.richText as { text: string }[]).map((t) => t.text).join(""), f: null };
  if ("text" in o) return { v: String(o.text), f: null };
  return { v: null, f: null };
}

function formulaResult(result: unknown): CellValue {
  if (result === null || result === undefined) return null;
  if (typeof result === "number" || typeof result === "string" || typeof result === "boolean") return result;
  if (result instanceof Date) return (result.getTime() - EXCEL_EPOCH) / 86_400_000;
  if (typeof result === "object" && "error" in (result as object)) return { error: String((result as { error: unknown }).error) };
  return null;
}
