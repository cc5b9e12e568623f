import { parseRangeA1, rangeToA1, type CellRange, type CellValue, type SheetSnapshot } from "../../engine";
import type { ReadStats } from "../gateway";

/**
 * Excel on the web rejects a request or response over 5 MB (RequestPayloadSizeLimitExceeded /
 * ResponsePayloadSizeLimitExceeded). Each sync of a read is planned to stay under 4 MB, leaving room
 * for the protocol's own overhead and for estimates that run short.
 */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;

/**
 * Estimated response bytes per cell for values + formulas + numberFormat + valueTypes as JSON, with
 * a share of the merged-areas queries. A blank cell costs 24 (`"",` twice, `"General",`, `"Empty",`),
 * a number about 40, a short Chinese label about 70 (3 bytes a character in UTF-8, sent as value and
 * again as formula); 64 keeps ordinary text-heavy scoring sheets under the estimate. Longer texts can
 * still pass it: the gateway then reads again with a smaller budget.
 */
export const BYTES_PER_CELL = 64;

/**
 * Range.getMergedAreasOrNullObject fails on a range holding more than 512 merged areas (ExcelApi 1.13
 * reference). It reports the areas whose top-left cell lies in the range (OfficeDev/office-js#3611),
 * and merged areas never overlap, so two areas never share a top-left cell: a band of at most 512
 * cells cannot report more than 512, however densely the sheet is merged. "A merge covers at least 2
 * cells" does not double that: an area that leaves the band below or to the right may have only its
 * top-left cell inside, so the bound counts cells, not cells / 2. (It also holds if Excel counts every
 * area touching the band: each touches it in at least one cell of its own.)
 */
export const MERGE_BAND_CELLS = 512;

/** A rectangle of one sheet's used range, loaded in one piece. */
interface Slice extends CellRange {
  sheet: number;
}

/** One sheet's rows and merged areas as its slices arrive. */
interface Parts {
  rows: { values: CellValue[][]; formulas: (string | null)[][]; numberFormats: (string | null)[][] };
  merges: CellRange[];
}

/**
 * Reads every worksheet into grid snapshots in a number of round trips that does not depend on the
 * number of sheets: (1) the sheet list; (2) each sheet's used-range position and protection; (3) the
 * values, formulas, number formats and merged-area bands of every used range. Only a workbook whose
 * estimated payload passes the budget takes more than one sync for (3), each under the budget.
 */
export async function readSheets(context: Excel.RequestContext, opts: { merges: boolean; budget: number }, stats: ReadStats): Promise<SheetSnapshot[]> {
  const sync = async (payload: () => unknown) => {
    stats.syncs++;
    await context.sync();
    stats.largestPayloadBytes = Math.max(stats.largestPayloadBytes, jsonBytes(payload()));
  };
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await sync(() => sheets.items.map((ws) => [ws.name, ws.visibility]));

  // The sheet list must arrive before a sheet's used range can be asked for, so positions take a
  // round trip of their own; knowing them, the bulk load below is planned to size.
  const used = sheets.items.map((ws) => {
    ws.protection.load("protected");
    // valuesOnly: a used range stretched by formatting to row 1,048,576 is not read.
    const u = ws.getUsedRangeOrNullObject(true);
    u.load("rowIndex,columnIndex,rowCount,columnCount");
    return u;
  });
  await sync(() => used.map((u) => (u.isNullObject ? null : [u.rowIndex, u.columnIndex, u.rowCount, u.columnCount])));
  const areas = used.map((u): CellRange | null =>
    u.isNullObject ? null : { top: u.rowIndex, left: u.columnIndex, bottom: u.rowIndex + u.rowCount - 1, right: u.columnIndex + u.columnCount - 1 },
  );

  const parts: Parts[] = areas.map(() => ({ rows: { values: [], formulas: [], numberFormats: [] }, merges: [] }));
  // One sync per payload-sized group (a single one unless the workbook passes the budget): the
  // splitting the 5 MB limit calls for, never a sync per sheet.
  for (const group of planSyncs(areas, opts.budget)) {
    const pending = group.map((slice) => {
      const ws = sheets.items[slice.sheet];
      const range = ws.getRange(rangeToA1(slice));
      range.load("values,formulas,numberFormat,valueTypes");
      const bands = opts.merges ? mergeBands(slice).map((b) => ws.getRange(rangeToA1(b)).getMergedAreasOrNullObject().load("address")) : [];
      return { slice, range, bands };
    });
    await sync(() => pending.map(({ range, bands }) => [range.values, range.formulas, range.numberFormat, range.valueTypes, bands.map((b) => (b.isNullObject ? null : b.address))]));
    for (const { slice, range, bands } of pending) {
      addRows(parts[slice.sheet].rows, range);
      for (const b of bands) if (!b.isNullObject) parts[slice.sheet].merges.push(...parseAreas(b.address));
    }
  }

  return sheets.items.map((ws, i) => {
    const base = { name: ws.name, hidden: ws.visibility !== "Visible", protected: ws.protection.protected };
    const area = areas[i];
    if (!area) return { ...base, top: 0, left: 0, values: [] };
    const { values, formulas, numberFormats } = parts[i].rows;
    return { ...base, top: area.top, left: area.left, values, formulas, numberFormats, merges: opts.merges ? parts[i].merges : undefined };
  });
}

/**
 * Splits the used ranges into slices and groups them into syncs of at most `budget` estimated bytes.
 * Whole sheets share a sync while they fit; a sheet larger than the budget is cut into row slices.
 * Slice heights are whole multiples of the merge-band height, so the bands of every slice continue
 * the grid that starts at the used range's top-left.
 */
export function planSyncs(areas: (CellRange | null)[], budget: number): Slice[][] {
  const groups: Slice[][] = [];
  let current: Slice[] = [];
  let bytes = 0;
  areas.forEach((area, sheet) => {
    if (!area) return;
    const cols = area.right - area.left + 1;
    const band = bandSize(cols).rows;
    const maxRows = Math.max(band, Math.floor(budget / (cols * BYTES_PER_CELL) / band) * band);
    for (let top = area.top; top <= area.bottom; top += maxRows) {
      const slice = { sheet, top, left: area.left, bottom: Math.min(area.bottom, top + maxRows - 1), right: area.right };
      const size = (slice.bottom - top + 1) * cols * BYTES_PER_CELL;
      if (current.length && bytes + size > budget) {
        groups.push(current);
        current = [];
        bytes = 0;
      }
      current.push(slice);
      bytes += size;
    }
  });
  if (current.length) groups.push(current);
  return groups;
}

/** Band shape for a range `cols` wide: full-width row bands, or 1-row pieces of 512 on wider sheets. */
function bandSize(cols: number): { rows: number; cols: number } {
  const width = Math.min(cols, MERGE_BAND_CELLS);
  return { rows: Math.floor(MERGE_BAND_CELLS / width), cols: width };
}

/** The merge-query bands tiling a slice, from its top-left, each at most MERGE_BAND_CELLS cells. */
export function mergeBands(r: CellRange): CellRange[] {
  const size = bandSize(r.right - r.left + 1);
  const out: CellRange[] = [];
  for (let top = r.top; top <= r.bottom; top += size.rows)
    for (let left = r.left; left <= r.right; left += size.cols)
      out.push({ top, left, bottom: Math.min(r.bottom, top + size.rows - 1), right: Math.min(r.right, left + size.cols - 1) });
  return out;
}

function addRows(rows: Parts["rows"], range: Excel.Range): void {
  const types = range.valueTypes;
  range.values.forEach((row, r) =>
    rows.values.push(
      row.map((v, c) => {
        if (types[r][c] === "Error") return { error: String(v) };
        if (v === "" || v === null || v === undefined) return null;
        return v as CellValue;
      }),
    ),
  );
  range.formulas.forEach((row, r) => rows.formulas.push(row.map((f, c) => formulaOf(f, range.values[r][c]))));
  for (const row of range.numberFormat) rows.numberFormats.push(row.map((f) => (f && f !== "General" ? String(f) : null)));
}

/**
 * The formula in a cell's `formulas` entry, or null for a constant. A text constant that starts with
 * "=" (typed as '=…) reads back the same in `formulas` as in `values`; a real formula never equals
 * its own result.
 */
export function formulaOf(formula: unknown, value: unknown): string | null {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value ? formula : null;
}

/** UTF-8 size of a value as JSON: what the sync carried, near enough. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? "").length;
}

/** "'My Sheet'!A1:C1, 'My Sheet'!A3:A5" → ranges; commas inside quoted sheet names are not separators. */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  let part = "";
  let quoted = false;
  for (const ch of address + ",") {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      const r = parseRangeA1(stripSheet(part.trim()));
      if (r) out.push(r);
      part = "";
    } else part += ch;
  }
  return out;
}

export function stripSheet(address: string): string {
  const i = address.lastIndexOf("!");
  return i >= 0 ? address.slice(i + 1) : address;
}
