/**
 * Former home of the ExcelJS reader. Reading is now the lean reader's (./read): these names point
 * there for the callers that import them from here. What remains on ExcelJS is `loadWorkbook`, the
 * input of the ExcelJS writer until the patch writer (./write) replaces it, and `snapshotOf` for its
 * last caller; neither is on the `check` path.
 */
import type ExcelJS from "exceljs";
import type { CellRange, CellValue, SheetSnapshot } from "../engine/grid/types";
import { parseRangeA1 } from "../engine/grid/address";
import { InputError } from "../engine/errors";
import { assertXlsxBytes } from "./package/sniff";

export { readXlsxFile, readXlsxBytes, readFileBytes } from "./read";

/** Rows past this are not read: a used range stretched to row 1,048,576 by formatting is empty there. */
const MAX_ROWS = 1_048_576;

export async function loadWorkbook(bytes: Uint8Array, name: string): Promise<ExcelJS.Workbook> {
  assertXlsxBytes(bytes, name);
  // Required here, not imported: ExcelJS (660 modules) must not load on the `check` path.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require("exceljs") as typeof ExcelJS;
  const wb = new Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError(
      "corrupt",
      `${name}：文件已损坏或不完整，无法作为 .xlsx 打开（${(e as Error).message.slice(0, 80)}）`,
      `${name}: the file is damaged or truncated and cannot be opened as .xlsx (${(e as Error).message.slice(0, 80)})`,
    );
  }
  return wb;
}

/** @deprecated One ExcelJS worksheet as a snapshot; the lean reader (./read) replaces it. */
export function snapshotOf(ws: ExcelJS.Worksheet): SheetSnapshot {
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
