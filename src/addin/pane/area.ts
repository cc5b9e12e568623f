import { parseRangeA1, snapshotCells, type CellValue } from "../../engine";
import type { WorkbookGateway } from "../gateway";

/** A cell in an area the pane is about to write, with what it holds now. */
export interface AreaCell {
  cell: string;
  value: CellValue;
  formula: string | null;
}

/**
 * The non-empty cells of an area, read through the gateway just before writing: its own area read
 * where it has one (Office.js reads only those cells), else the whole workbook.
 */
export async function readArea(gateway: WorkbookGateway, sheet: string, range: string): Promise<AreaCell[]> {
  const area = parseRangeA1(range);
  if (!area) throw new Error(`not a range: ${range}`);
  if (gateway.readArea) return (await gateway.readArea(sheet, range)).filter(filled);
  const { snapshot } = await gateway.readWorkbook();
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!s) return [];
  const out: AreaCell[] = [];
  for (const [a1, c] of snapshotCells(s)) {
    const p = parseRangeA1(a1)!;
    if (p.top >= area.top && p.top <= area.bottom && p.left >= area.left && p.left <= area.right) out.push({ cell: a1, value: c.value, formula: c.formula });
  }
  return out.filter(filled).sort((a, b) => parseRangeA1(a.cell)!.top - parseRangeA1(b.cell)!.top);
}

function filled(c: AreaCell): boolean {
  return (c.value !== null && c.value !== "") || !!c.formula;
}
