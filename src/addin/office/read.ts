import type { CellRange, CellValue, SheetSnapshot } from "../../engine/grid/types";
import { parseRangeA1 } from "../../engine/grid/address";
import type { ReadStats } from "../gateway";

/** One sheet's loaded objects between the two syncs of a read. */
interface Pending {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  merges: Excel.RangeAreas | null;
}

/**
 * Reads every worksheet into grid snapshots in two round trips whatever the number of sheets:
 * the sheet list first, then every used range's values, formulas, formats and merged areas at once.
 */
export async function readSheets(context: Excel.RequestContext, withMerges: boolean): Promise<{ sheets: SheetSnapshot[]; stats: ReadStats }> {
  const stats: ReadStats = { syncs: 0, largestPayloadBytes: 0 };
  const sync = async () => {
    stats.syncs++;
    await context.sync();
  };
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await sync();
  const pending: Pending[] = sheets.items.map((sheet) => {
    // valuesOnly: a used range stretched by formatting to row 1,048,576 is not read.
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address,values,formulas,numberFormat,valueTypes");
    sheet.protection.load("protected");
    const merges = withMerges ? used.getMergedAreasOrNullObject() : null;
    merges?.load("address");
    return { sheet, used, merges };
  });
  await sync();
  const out = pending.map((p) => toSnapshot(p));
  for (const s of out) stats.largestPayloadBytes += JSON.stringify([s.values, s.formulas ?? null, s.numberFormats ?? null]).length;
  return { sheets: out, stats };
}

function toSnapshot({ sheet, used, merges }: Pending): SheetSnapshot {
  const base = { name: sheet.name, hidden: sheet.visibility !== "Visible", protected: sheet.protection.protected };
  if (used.isNullObject) return { ...base, top: 0, left: 0, values: [] };
  const range = parseRangeA1(stripSheet(used.address));
  const top = range?.top ?? 0;
  const left = range?.left ?? 0;
  const types = used.valueTypes;
  const values: CellValue[][] = used.values.map((row, r) =>
    row.map((v, c) => {
      if (types[r][c] === "Error") return { error: String(v) };
      if (v === "" || v === null || v === undefined) return null;
      return v as CellValue;
    }),
  );
  const formulas = used.formulas.map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null)));
  const numberFormats = used.numberFormat.map((row) => row.map((f) => (f && f !== "General" ? String(f) : null)));
  return {
    ...base,
    top,
    left,
    values,
    formulas,
    numberFormats,
    merges: merges && !merges.isNullObject ? parseAreas(merges.address) : undefined,
  };
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
