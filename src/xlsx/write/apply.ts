/**
 * Applies a change set to an .xlsx package by patching only the parts it has to: the sheets whose
 * cells change, the style sheet (appended), the notes of marked cells, the report sheet and what
 * registers it, and the calculation chain when formulas change. Everything else is copied as stored.
 * ScoreCheck's own earlier output (report sheet, marks, note lines) is replaced, never stacked.
 */
import { InputError, InvalidChange, operationsOf, parseA1, type ChangeSet, type NarrativeLine, type Operation, type Severity } from "../../engine";
import { REL, XlsxPackage } from "./package";
import { MARKS_RECORD, WorkbookPart, type SheetEntry } from "./workbook";
import { StyleSheet } from "./styles";
import { CellRefusal, patchSheet, type CellEdit } from "./sheet-patch";
import { threadedCells, vmlIdBlocks, writeNotes } from "./notes";
import { addReportSheet, existingReport, reportSheetXml } from "./report-sheet";
import { checkTables, isProtected, lockedStructure, protectedSheet, unsupported } from "./guards";
import type { OutEntry } from "./zip-writer";

export interface PatchSummary {
  /** Parts rewritten, added and removed (package paths). */
  changedParts: string[];
  addedParts: string[];
  removedParts: string[];
  /** Cells whose value or formula was written. */
  cells: number;
  /** Cells given a mark style. */
  marks: number;
  /** Cells whose earlier ScoreCheck mark was cleared (restored to their own style). */
  clearedMarks: number;
  /** Marked cells that got no note because they hold a threaded comment (left untouched). */
  notesSkipped: { sheet: string; cell: string; note: string }[];
  /** The report sheet written, and whether it replaced one from an earlier run. */
  reportSheet: { name: string; replaced: boolean } | null;
  /**
   * A report sheet an earlier run wrote, left as it was because this change set writes no report
   * (removing a sheet could break references to it): the caller may say it is out of date.
   */
  earlierReportKept: string | null;
  /** The calculation chain: removed when formulas changed (Excel rebuilds it), else kept as it was. */
  calcChain: "kept" | "removed" | "absent";
}

interface SheetWork {
  entry: SheetEntry;
  edits: Map<number, Map<number, CellEdit>>;
  contentCells: string[];
  marks: Map<string, Severity>;
  notes: Map<string, string[]>;
}

export function patchPackage(pkg: XlsxPackage, set: ChangeSet): { entries: OutEntry[]; summary: PatchSummary } {
  const file = pkg.fileName;
  const wb = new WorkbookPart(pkg);
  const sheets = wb.sheets();
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const report = existingReport(wb, sheets);
  const work = new Map<string, SheetWork>();
  const reportLines: NarrativeLine[][] = [];

  const sheetWork = (name: string): SheetWork => {
    const entry = byName.get(name);
    if (!entry) throw new InputError("unsupported", `${file}：找不到工作表“${name}”，未写入任何内容`, `${file}: no sheet named "${name}"; nothing was written`);
    if (!entry.part || !pkg.has(entry.part)) throw unsupported(file, name, "不是普通工作表（图表工作表或缺失），无法写入", "is not a worksheet (a chart sheet, or missing) and cannot be written");
    let w = work.get(name);
    if (!w) work.set(name, (w = { entry, edits: new Map(), contentCells: [], marks: new Map(), notes: new Map() }));
    return w;
  };
  const edit = (w: SheetWork, a1: string): CellEdit => {
    const pos = parseA1(a1);
    if (!pos) throw new InputError("unsupported", `${file}：无效的单元格地址 ${a1}`, `${file}: invalid cell address ${a1}`);
    let row = w.edits.get(pos.row);
    if (!row) w.edits.set(pos.row, (row = new Map()));
    let e = row.get(pos.col);
    if (!e) row.set(pos.col, (e = {}));
    return e;
  };

  let cells = 0;
  let operations: Operation[];
  try {
    ({ operations } = operationsOf(set));
  } catch (e) {
    if (e instanceof InvalidChange) throw new InputError("unsupported", `${file}：无法应用的修改（${e.message}）`, `${file}: a change that cannot be applied (${e.message})`);
    throw e;
  }
  let reportName = "";
  for (const o of operations) {
    if (o.op === "report-sheet") {
      reportLines.push(o.lines);
      reportName = o.name;
      continue;
    }
    const w = sheetWork(o.sheet);
    if (o.op === "write-cell") {
      edit(w, o.cell).content = o.content;
      w.contentCells.push(o.cell);
      cells++;
    } else if (o.op === "mark-cell") w.marks.set(o.cell, o.severity);
    else w.notes.set(o.cell, o.lines);
  }

  // Refuse before anything is written: protection, locked structure, tables.
  for (const w of work.values()) {
    if (isProtected(pkg.text(w.entry.part)!)) throw protectedSheet(file, w.entry.name);
    checkTables(pkg, file, w.entry.name, w.entry.part, w.contentCells);
  }
  if (reportLines.length && !report && wb.structureLocked()) throw lockedStructure(file);
  if (reportLines.length && report && isProtected(pkg.text(report.part) ?? "")) throw protectedSheet(file, report.name);

  const styles = new StyleSheet(pkg, wb.path);
  const summary: PatchSummary = { changedParts: [], addedParts: [], removedParts: [], cells, marks: 0, clearedMarks: 0, notesSkipped: [], reportSheet: null, earlierReportKept: null, calcChain: "absent" };
  let formulaTouched = false;
  let idBlock = Math.max(0, ...[...pkg.entries.keys()].filter((n) => n.endsWith(".vml")).flatMap((n) => vmlIdBlocks(pkg.text(n) ?? "")));
  const nextIdBlock = () => ++idBlock;

  const earlier = sheets.map((e) => earlierMarks(wb, styles, e.index));
  for (const m of earlier) for (const mark of m.keys()) styles.ownMarks.add(mark);
  for (const entry of sheets) {
    if (!entry.part || !pkg.has(entry.part)) continue; // a chart sheet: nothing of ours is on it
    const w = work.get(entry.name);
    const previous = earlier[entry.index];
    const hasComments = entry.part && pkg.related(entry.part, REL.comments).length > 0;
    if (!w && !previous.size && !hasComments) continue; // never parsed: copied as stored
    const xml = w || previous.size ? pkg.text(entry.part)! : "";
    if (!w && previous.size && isProtected(xml)) continue; // earlier marks on a now-protected sheet stay
    const record = new Map<number, number>();
    const threaded = w?.marks.size ? threadedCells(pkg, entry.part) : new Set<string>();
    for (const [a1, severity] of w?.marks ?? []) {
      edit(w!, a1).style = (s) => {
        const mark = styles.markXf(s, severity);
        record.set(mark, s);
        return mark;
      };
      summary.marks++;
      if (threaded.has(a1)) {
        for (const note of w!.notes.get(a1) ?? []) summary.notesSkipped.push({ sheet: entry.name, cell: a1, note });
        w!.notes.delete(a1);
      }
    }
    const { legacyDrawing } = writeNotes(pkg, entry.part, w?.notes ?? new Map(), nextIdBlock);
    if (!w && !previous.size) continue; // only notes changed: the sheet itself is copied as stored
    summary.clearedMarks += countStyled(xml, previous);
    try {
      const r = patchSheet(xml, w?.edits ?? new Map(), previous, legacyDrawing);
      pkg.setPieces(entry.part, r.pieces);
      formulaTouched ||= r.formulaTouched;
    } catch (e) {
      if (e instanceof CellRefusal) throw unsupported(file, entry.name, `：${e.zh}`, e.en);
      throw e;
    }
    wb.setHiddenName(MARKS_RECORD, entry.index, record.size ? `{${[...record].map(([m, o]) => `${m},${o}`).join(";")}}` : null);
  }

  if (!reportLines.length && report) summary.earlierReportKept = report.name;
  if (reportLines.length) {
    const xml = reportSheetXml(reportLines[0], styles);
    if (report) {
      pkg.setText(report.part, xml);
      summary.reportSheet = { name: report.name, replaced: true };
    } else summary.reportSheet = { name: addReportSheet(pkg, wb, reportName, xml), replaced: false };
  }

  const chain = pkg.related(wb.path, REL.calcChain)[0];
  if (chain && pkg.has(chain)) {
    summary.calcChain = "kept";
    if (formulaTouched) {
      // Excel rebuilds a missing chain on open; a stale one (a formula cell now a constant) it repairs.
      pkg.remove(chain);
      pkg.removeRels(wb.path, REL.calcChain);
      pkg.removeOverride(chain);
      summary.calcChain = "removed";
    }
  }
  if (cells) wb.requestFullCalcOnLoad();
  styles.commit();
  return { entries: outEntries(pkg, summary), summary };
}

/** mark xf → original xf, from the sheet's record, keeping only pairs the style sheet confirms. */
function earlierMarks(wb: WorkbookPart, styles: StyleSheet, index: number): Map<number, number> {
  const out = new Map<number, number>();
  const rec = wb.definedNames().find((n) => n.name === MARKS_RECORD && n.localSheetId === index);
  if (!rec) return out;
  for (const pair of rec.value.replace(/^=?\{|\}$/g, "").split(";")) {
    const [m, o] = pair.split(",").map((x) => Number(x.trim()));
    if (Number.isInteger(m) && Number.isInteger(o) && styles.isMarkOf(m, o)) out.set(m, o);
  }
  return out;
}

function countStyled(xml: string, remap: Map<number, number>): number {
  if (!remap.size) return 0;
  let n = 0;
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?c\b[^>]*\ss="(\d+)"/g)) if (remap.has(Number(m[1]))) n++;
  return n;
}

function outEntries(pkg: XlsxPackage, summary: PatchSummary): OutEntry[] {
  const entries: OutEntry[] = [];
  const wbEntry = pkg.entries.get(pkg.workbookPart());
  const stamp = { dosTime: wbEntry?.dosTime ?? 0, dosDate: wbEntry?.dosDate ?? 0x21 };
  for (const [name, e] of pkg.entries) {
    if (pkg.removed.has(name)) {
      summary.removedParts.push(name);
      continue;
    }
    const data = pkg.changed.get(name);
    if (data) {
      entries.push({ name, data, dosTime: e.dosTime, dosDate: e.dosDate });
      summary.changedParts.push(name);
    } else entries.push({ name, copy: e });
  }
  for (const [name, data] of pkg.changed) {
    if (pkg.entries.has(name)) continue;
    entries.push({ name, data, ...stamp });
    summary.addedParts.push(name);
  }
  return entries;
}
