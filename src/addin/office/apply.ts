import type { Change, ChangeSet, NarrativeLine } from "../../engine/changes/types";
import { MARK_FILLS } from "../../engine/changes/mark-style";
import { officeText } from "../../engine/changes/safe-text";
import { GatewayError, type CellRecord, type UndoJournal } from "../gateway";
import { formulaOf } from "./read";
import { parseA1, rangeToA1, toA1 } from "../../engine/grid/address";

export const FINDINGS_SHEET = "核查结果";
const NO_FILL = "#FFFFFF";

type CellChange = Exclude<Change, { kind: "add-sheet" }>;

interface Target {
  sheet: string;
  cell: string;
  range: Excel.Range;
  /** A mark touches the cell (its fill, and note): undo restores those. */
  marked: boolean;
  /** A value, formula or narrative line touches the cell: undo restores value and formula. */
  content: boolean;
  /** The cell's note, loaded where notes may be written. */
  note?: Excel.Note;
  /** A narrative line goes here: its font and wrapping change too. */
  styled?: boolean;
}

type Mark = Extract<Change, { kind: "mark" }>;

/**
 * Applies a change set in two round trips: one loads what every target cell holds (the undo record),
 * whether its sheet is protected and, where notes may be written, the notes and comments already
 * there; the other writes everything. Nothing is written unless the whole set can be applied.
 *
 * Marks are a fill by severity plus the finding's text: in a note (ExcelApi 1.18) or, without notes,
 * on a findings sheet. Threaded comments (ExcelApi 1.10) are not used: they are posted under the
 * signed-in user's name and notify co-authors, so a machine finding would read as the user's own
 * remark; a cell holds one thread and there is no by-cell OrNullObject lookup to check for it
 * without another round trip, so adding one where a thread exists would fail halfway through the
 * write batch; and deleting a thread on undo would take colleagues' replies with it.
 */
export async function applyChanges(
  context: Excel.RequestContext,
  set: ChangeSet,
  journalId: string,
  opts: { notes: boolean },
): Promise<{ journal: UndoJournal; syncs: number }> {
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
      const seen = targets.get(k);
      const t = seen ?? { sheet: c.sheet, cell, range: sheets.get(c.sheet)!.getRange(cell), marked: false, content: false };
      if (!seen) {
        t.range.load("values,formulas");
        t.range.format.fill.load("color");
        targets.set(k, t);
      }
      t.marked ||= c.kind === "mark";
      t.content ||= c.kind !== "mark";
      if (c.kind === "insert-lines" && !t.styled) {
        t.styled = true;
        t.range.format.load("wrapText");
        t.range.format.font.load("bold,size");
      }
    }
  }
  const marks = set.changes.filter((c): c is Mark => c.kind === "mark");
  // A note goes only where it replaces nothing of the user's: no note on the cell, no threaded
  // comment on the sheet (a cell holds a note or a thread, not both). Otherwise the findings sheet.
  const comments = new Map<string, OfficeExtension.ClientResult<number>>();
  if (opts.notes)
    for (const m of marks) {
      const t = targets.get(`${m.sheet}!${m.cell}`)!;
      const ws = sheets.get(m.sheet)!;
      t.note ??= ws.notes.getItemOrNullObject(m.cell).load("content");
      if (!comments.has(m.sheet)) comments.set(m.sheet, ws.comments.getCount());
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
    addedNotes: [],
  };
  const useNotes = opts.notes && marks.every((m) => targets.get(`${m.sheet}!${m.cell}`)!.note!.isNullObject) && [...comments.values()].every((n) => n.value === 0);
  const taken = new Set(books.items.map((w) => w.name));
  const addSheet = (base: string) => {
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}(${i})`;
    taken.add(name);
    journal.addedSheets.push(name);
    return books.add(name);
  };

  for (const c of set.changes) {
    if (c.kind === "add-sheet") {
      writeLines(addSheet(c.name), "A1", c.lines, true);
      continue;
    }
    const range = targets.get(`${c.sheet}!${cellsOf(c)[0]}`)!.range;
    if (c.kind === "set-value") range.values = [[typeof c.value === "string" ? officeText(c.value) : c.value]];
    else if (c.kind === "set-formula") range.formulas = [[c.formula]];
    else if (c.kind === "mark") range.format.fill.color = MARK_FILLS[c.severity];
    else writeLines(sheets.get(c.sheet)!, c.cell, c.lines, false);
  }
  if (useNotes) {
    // One note per cell, however many findings it carries.
    const texts = new Map<string, string[]>();
    for (const m of marks) texts.set(`${m.sheet}!${m.cell}`, [...(texts.get(`${m.sheet}!${m.cell}`) ?? []), m.note]);
    for (const [k, lines] of texts) {
      const t = targets.get(k)!;
      sheets.get(t.sheet)!.notes.add(t.range, lines.join("\n"));
      journal.addedNotes!.push({ sheet: t.sheet, cell: t.cell });
    }
  } else if (marks.length) writeFindingsSheet(addSheet(FINDINGS_SHEET), marks);
  try {
    await context.sync();
  } catch (e) {
    // Excel runs a batch up to the operation that fails and keeps what came before it: put every
    // recorded cell back and remove what was added, so a failed apply leaves the workbook as it was.
    const restored = await undoChanges(context, journal).then(
      () => true,
      () => false,
    );
    const why = (e as Error).message;
    if (restored) throw new GatewayError("api", `写入中途失败，已恢复修改前的内容：${why}`, `the write failed part-way and the workbook was restored: ${why}`);
    throw new GatewayError("api", `写入中途失败，且未能完全恢复，请检查工作簿或关闭不保存：${why}`, `the write failed part-way and could not be fully undone; check the workbook or close it without saving: ${why}`);
  }
  return { journal, syncs: 2 };
}

function writeFindingsSheet(ws: Excel.Worksheet, marks: Mark[]): void {
  const label = { error: "错误", warning: "提醒", info: "信息" };
  const rows = [["工作表", "单元格", "级别", "说明"], ...marks.map((m) => [m.sheet, m.cell, label[m.severity], officeText(m.note)])];
  ws.getRange(`A1:D${rows.length}`).values = rows;
  ws.getRange("A1:D1").format.font.bold = true;
  ws.getRange("D:D").format.columnWidth = 420;
}

function cellsOf(c: CellChange): string[] {
  if (c.kind !== "insert-lines") return [c.cell];
  const at = parseA1(c.cell);
  if (!at) throw new GatewayError("api", `无效的单元格地址：${c.cell}`, `invalid cell address: ${c.cell}`);
  return c.lines.map((_, i) => toA1(at.row + i, at.col));
}

function record(t: Target): CellRecord {
  const color = t.range.format.fill.color;
  return {
    sheet: t.sheet,
    cell: t.cell,
    value: t.range.values[0][0] === "" ? null : t.range.values[0][0],
    formula: formulaOf(t.range.formulas[0][0], t.range.values[0][0]),
    fill: !color || color.toUpperCase() === NO_FILL ? null : color,
    note: t.note && !t.note.isNullObject ? t.note.content : null,
    // Undo puts back only what the apply touched, so it never reverts a later edit or brings back
    // marks cleared since.
    formatOnly: !t.content || undefined,
    contentOnly: !t.marked || undefined,
    style: t.styled ? { bold: t.range.format.font.bold, size: t.range.format.font.size, wrap: t.range.format.wrapText } : undefined,
  };
}

function writeLines(ws: Excel.Worksheet, at: string, lines: NarrativeLine[], newSheet: boolean): void {
  if (!lines.length) return;
  const top = parseA1(at)!;
  const range = ws.getRange(rangeToA1({ top: top.row, left: top.col, bottom: top.row + lines.length - 1, right: top.col }));
  range.values = lines.map((l) => [officeText(l.text)]);
  range.format.wrapText = true;
  lines.forEach((l, i) => {
    if (l.style === "body") return;
    const cell = ws.getRange(toA1(top.row + i, top.col));
    cell.format.font.bold = true;
    cell.format.font.size = l.style === "title" ? 16 : 12;
  });
  if (newSheet) ws.getRange("A:A").format.columnWidth = 560;
}

/**
 * Restores what a journal recorded, in one round trip: removes the sheets and notes the apply added,
 * puts back the values and formulas it changed and the fills its marks replaced. Notes that were
 * there before were never changed.
 */
export async function undoChanges(context: Excel.RequestContext, journal: UndoJournal): Promise<void> {
  const books = context.workbook.worksheets;
  for (const name of journal.addedSheets) books.getItemOrNullObject(name).delete();
  for (const n of journal.addedNotes ?? []) books.getItem(n.sheet).notes.getItemOrNullObject(n.cell).delete();
  for (const r of journal.cells) {
    const range = books.getItem(r.sheet).getRange(r.cell);
    if (!r.formatOnly) {
      if (r.formula) range.formulas = [[r.formula]];
      // Text goes back as text (the apostrophe is not part of the value): "=x", "001" or "TRUE"
      // written raw would come back as a formula, a number or a boolean.
      else range.values = [[r.value === null ? "" : typeof r.value === "object" ? r.value.error : typeof r.value === "string" ? `'${r.value}` : r.value]];
    }
    if (r.style) {
      range.format.font.bold = r.style.bold;
      range.format.font.size = r.style.size;
      range.format.wrapText = r.style.wrap;
    }
    if (r.contentOnly) continue;
    if (r.fill) range.format.fill.color = r.fill;
    else range.format.fill.clear();
  }
  await context.sync();
}
