/**
 * An .xlsx package → the engine's WorkbookSnapshot: the sheet list from the workbook part, shared
 * strings and number formats once, then each worksheet streamed. Chart sheets and dialog sheets hold
 * no cells and are left out.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../../engine";
import { openPackage, xmlErrorsAsDamage } from "../package/open";
import { findPart, relType, REPORT_MARKER_NAME } from "../package/parts";
import { damaged } from "../package/zip";
import { readSharedStrings } from "./shared-strings";
import { readCellNumberFormats } from "./styles";
import { CELL_LIMIT, CellBudget } from "./limits";
import { readSheet } from "./sheet";

export interface ReadLimits {
  /** Largest uncompressed size of a part read whole (workbook, styles, relationships). */
  partLimit?: number;
  /** Largest uncompressed size of a streamed part (a sheet, the shared strings). */
  streamLimit?: number;
  /** Most cells with content in the workbook: past it the snapshot would not fit in memory. */
  cellLimit?: number;
}

export function readXlsxBytes(bytes: Uint8Array, name: string, limits: ReadLimits = {}): WorkbookSnapshot {
  const pkg = openPackage(bytes, name);
  const cells = new CellBudget(name, limits.cellLimit ?? CELL_LIMIT);
  return xmlErrorsAsDamage(name, () => {
    const rels = new Map(pkg.workbookRels.map((r) => [r.id, r]));
    const byType = (type: string) => pkg.workbookRels.find((r) => relType(r) === type && !r.external);
    const stringsRel = byType("sharedStrings");
    const stringsEntry = stringsRel && findPart(pkg.zip, stringsRel.target);
    const sharedStrings = stringsEntry ? readSharedStrings(stringsEntry, limits.streamLimit, new CellBudget(name, limits.cellLimit ?? CELL_LIMIT)) : [];
    const stylesRel = byType("styles");
    const stylesEntry = stylesRel && findPart(pkg.zip, stylesRel.target);
    const numberFormats = stylesEntry ? readCellNumberFormats(stylesEntry.text(limits.partLimit)) : [];

    const sheets: SheetSnapshot[] = [];
    pkg.workbook.sheets.forEach((s, index) => {
      const rel = rels.get(s.rId);
      if (!rel || rel.external || relType(rel) !== "worksheet") return;
      const entry = findPart(pkg.zip, rel.target);
      if (!entry) throw damaged(name, `sheet “${s.name}” has no part ${rel.target}`);
      const generated = pkg.workbook.definedNames.some((d) => d.name === REPORT_MARKER_NAME && d.localSheetId === index);
      sheets.push(readSheet(entry, { file: name, name: s.name, hidden: s.state !== "visible", generated, sharedStrings, numberFormats, cells }, limits.streamLimit));
    });
    return { source: name, sheets };
  });
}
