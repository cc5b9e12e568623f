import type { Change, ChangeSet, NarrativeLine } from "../../engine/changes/types";
import type { Severity } from "../../engine/rules/types";
import { MARK_FILLS } from "../../engine/changes/mark-style";
import { officeText } from "../../engine/changes/safe-text";
import { GatewayError, type CellRecord, type UndoJournal } from "../gateway";

export const FINDINGS_SHEET = "核查结果";
const NO_FILL = "#FFFFFF";

type CellChange = Exclude<Change, { kind: "add-sheet" }>;

interface Target {
  sheet: string;
  cell: string;
  range: Excel.Range;
}

/**
 * Applies a change set in two round trips: one loads what every target cell holds (the undo record)
 * and whether its sheet is protected; the other writes everything. Nothing is written unless the
 * whole set can be applied.
 */
export async function applyChanges(context: Excel.RequestContext, set: ChangeSet, journalId: string): Promise<{ journal: UndoJournal; syncs: number }> {
  const books = context.workbook.worksheets;
  books.load("items/name");
  const cellChanges = set.changes.filter((c): c is CellChange => c.kind !== "add-sheet");
  const sheets = new Map<string, Excel.Worksheet>();
  for (const c of cellChanges) {
    if (sheets.has(c.sheet)) continue;
    const ws = books.getItemOrNullObject(c.sheet);
    ws.protection.load("protected");
    sheets.set(c.sheet, ws);
  }
  const targets = new Map<string, Target>();
  for (const c of cellChanges) {
    for (const cell of cellsOf(c)) {
      const k = `${c.sheet}!${cell}`;
      if (targets.has(k)) continue;
      const range = sheets.get(c.sheet)!.getRange(cell);
      range.load("values,formulas");
      range.format.fill.load("color");
      targets.set(k, { sheet: c.sheet, cell, range });
    }
  }
  await context.sync();

  for (const [name, ws] of sheets) {
    if (ws.isNullObject) throw new GatewayError("missing-sheet", `找不到工作表“${name}”，未做任何修改`, `no sheet named "${name}"; nothing was changed`);
    if (ws.protection.protected)
      throw new GatewayError("protected", `工作表“${name}”受保护，未做任何修改。请撤销保护后重试。`, `Sheet "${name}" is protected; nothing was changed. Unprotect it and try again.`);
  }
  const journal: UndoJournal = {
    id: journalId,
    createdAt: new Date().toISOString(),
    title: set.title,
    cells: [...targets.values()].map(record),
    addedSheets: [],
  };
  const taken = new Set(books.items.map((w) => w.name));
  const addSheet = (base: string) => {
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}(${i})`;
    taken.add(name);
    journal.addedSheets.push(name);
    return books.add(name);
  };

  const marks: { sheet: string; cell: string; severity: Severity; note: string }[] = [];
  for (const c of set.changes) {
    if (c.kind === "add-sheet") {
      writeLines(addSheet(c.name), "A1", c.lines, true);
      continue;
    }
    const range = targets.get(`${c.sheet}!${cellsOf(c)[0]}`)!.range;
    if (c.kind === "set-value") range.values = [[typeof c.value === "string" ? officeText(c.value) : c.value]];
    else if (c.kind === "set-formula") range.formulas = [[c.formula]];
    else if (c.kind === "mark") {
      range.format.fill.color = MARK_FILLS[c.severity];
      marks.push(c);
    } else writeLines(sheets.get(c.sheet)!, c.cell, c.lines, false);
  }
  // Notes and comments cannot be added over a user's own note without losing it: the findings go to a
  // sheet of their own, which undo removes again.
  if (marks.length) {
    const rows = [["工作表", "单元格", "级别", "说明"], ...marks.map((m) => [m.sheet, m.cell, m.severity === "error" ? "错误" : m.severity === "warning" ? "提醒" : "信息", officeText(m.note)])];
    const ws = addSheet(FINDINGS_SHEET);
    const range = ws.getRange(`A1:D${rows.length}`);
    range.values = rows;
    ws.getRange("A1:D1").format.font.bold = true;
    ws.getRange("D:D").format.columnWidth = 420;
  }
  await context.sync();
  return { journal, syncs: 2 };
}

function cellsOf(c: CellChange): string[] {
  if (c.kind !== "insert-lines") return [c.cell];
  const m = /^([A-Z]+)(\d+)$/i.exec(c.cell);
  if (!m) throw new GatewayError("api", `无效的单元格地址：${c.cell}`, `invalid cell address: ${c.cell}`);
  return c.lines.map((_, i) => `${m[1]}${Number(m[2]) + i}`);
}

function record(t: Target): CellRecord {
  const formula = t.range.formulas[0][0];
  const color = t.range.format.fill.color;
  return {
    sheet: t.sheet,
    cell: t.cell,
    value: t.range.values[0][0] === "" ? null : t.range.values[0][0],
    formula: typeof formula === "string" && formula.startsWith("=") ? formula : null,
    fill: !color || color.toUpperCase() === NO_FILL ? null : color,
    note: null,
  };
}

function writeLines(ws: Excel.Worksheet, at: string, lines: NarrativeLine[], newSheet: boolean): void {
  if (!lines.length) return;
  const m = /^([A-Z]+)(\d+)$/i.exec(at)!;
  const first = Number(m[2]);
  const range = ws.getRange(`${m[1]}${first}:${m[1]}${first + lines.length - 1}`);
  range.values = lines.map((l) => [officeText(l.text)]);
  range.format.wrapText = true;
  lines.forEach((l, i) => {
    if (l.style === "body") return;
    const cell = ws.getRange(`${m[1]}${first + i}`);
    cell.format.font.bold = true;
    cell.format.font.size = l.style === "title" ? 16 : 12;
  });
  if (newSheet) ws.getRange("A:A").format.columnWidth = 560;
}

/** Restores what a journal recorded, in one round trip. */
export async function undoChanges(context: Excel.RequestContext, journal: UndoJournal): Promise<void> {
  const books = context.workbook.worksheets;
  for (const name of journal.addedSheets) books.getItemOrNullObject(name).delete();
  for (const r of journal.cells) {
    const range = books.getItem(r.sheet).getRange(r.cell);
    if (r.formula) range.formulas = [[r.formula]];
    else range.values = [[r.value === null ? "" : typeof r.value === "object" ? r.value.error : r.value]];
    if (r.fill) range.format.fill.color = r.fill;
    else range.format.fill.clear();
  }
  await context.sync();
}
