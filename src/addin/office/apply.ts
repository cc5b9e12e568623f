import { MARK_FILLS, officeText, toA1, touchedCells, withOwnNoteLines } from "../../engine";
import type { Aspect, ChangeSet, NarrativeLine, Operation } from "../../engine";
import { planOperations } from "../plan-operations";
import { GatewayError, type CellRecord, type UndoJournal } from "../gateway";
import { formulaOf } from "./read";

export const FINDINGS_SHEET = "核查结果";
const NO_FILL = "#FFFFFF";

interface Target {
  sheet: string;
  cell: string;
  range: Excel.Range;
  /** What the apply touches here, from the undo record: undo restores exactly these. */
  aspects: Set<Aspect>;
  /** The cell's note, loaded where notes may be written. */
  note?: Excel.Note;
}

type NoteLines = Extract<Operation, { op: "note-lines" }>;

/**
 * Executes a change set's operations (operationsOf, as the .xlsx writer and the in-memory gateway
 * do) in two round trips: one loads what every cell the undo record names holds (the journal),
 * whether its sheet is protected and, where notes may be written, the notes and comments already
 * there; the other writes everything. Nothing is written unless the whole set can be applied.
 *
 * Marks are a fill by severity plus the findings' lines: in a note (ExcelApi 1.18), each line
 * tagged as the writer tags it (noteLine), or, without notes, on a findings sheet. Threaded comments
 * (ExcelApi 1.10) are not used: they are posted under the signed-in user's name and notify
 * co-authors, so a machine finding would read as the user's own remark; a cell holds one thread and
 * there is no by-cell OrNullObject lookup to check for it without another round trip, so adding one
 * where a thread exists would fail halfway through the write batch; and deleting a thread on undo
 * would take colleagues' replies with it.
 */
export async function applyChanges(
  context: Excel.RequestContext,
  set: ChangeSet,
  journalId: string,
  opts: { notes: boolean },
): Promise<{ journal: UndoJournal; syncs: number }> {
  const { operations, undo } = planOperations(set);
  const books = context.workbook.worksheets;
  books.load("items/name");
  const touched = touchedCells(undo);
  const sheets = new Map<string, Excel.Worksheet>();
  for (const t of touched) {
    if (sheets.has(t.sheet)) continue;
    const ws = books.getItemOrNullObject(t.sheet);
    ws.protection.load("protected");
    sheets.set(t.sheet, ws);
  }
  const targets = new Map<string, Target>();
  for (const t of touched) {
    const range = sheets.get(t.sheet)!.getRange(t.cell);
    range.load("values,formulas");
    range.format.fill.load("color");
    if (t.aspects.has("font")) {
      range.format.load("wrapText");
      range.format.font.load("bold,size");
    }
    targets.set(`${t.sheet}!${t.cell}`, { ...t, range });
  }
  const notes = operations.filter((o): o is NoteLines => o.op === "note-lines");
  // A note goes only where it replaces nothing of the user's: no note on the cell, or one holding
  // only ScoreCheck's earlier lines (rewritten), and no threaded comment on the sheet (a cell holds a
  // note or a thread, not both). Otherwise the findings sheet: Office.js sets a note's text only
  // whole, as plain text, so appending to a reviewer's note would lose its formatting.
  const comments = new Map<string, OfficeExtension.ClientResult<number>>();
  if (opts.notes)
    for (const n of notes) {
      const ws = sheets.get(n.sheet)!;
      targets.get(`${n.sheet}!${n.cell}`)!.note = ws.notes.getItemOrNullObject(n.cell).load("content");
      if (!comments.has(n.sheet)) comments.set(n.sheet, ws.comments.getCount());
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
    rewrittenNotes: [],
  };
  const noteOf = (o: { sheet: string; cell: string }) => targets.get(`${o.sheet}!${o.cell}`)!.note!;
  const ours = (note: Excel.Note) => note.isNullObject || withOwnNoteLines(note.content, []) === null;
  const useNotes = opts.notes && notes.every((n) => ours(noteOf(n))) && [...comments.values()].every((n) => n.value === 0);
  const taken = new Set(books.items.map((w) => w.name));
  const addSheet = (base: string) => {
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}(${i})`;
    taken.add(name);
    journal.addedSheets.push(name);
    return books.add(name);
  };

  for (const o of operations) {
    if (o.op === "report-sheet") {
      writeReport(addSheet(o.name), o.lines);
      continue;
    }
    const t = targets.get(`${o.sheet}!${o.cell}`)!;
    if (o.op === "write-cell") writeCell(t.range, o);
    else if (o.op === "mark-cell") t.range.format.fill.color = MARK_FILLS[o.severity];
    else if (useNotes) {
      const note = noteOf(o);
      if (note.isNullObject) {
        sheets.get(o.sheet)!.notes.add(t.range, withOwnNoteLines(null, o.lines)!);
        journal.addedNotes!.push({ sheet: o.sheet, cell: o.cell });
      } else {
        journal.rewrittenNotes!.push({ sheet: o.sheet, cell: o.cell, content: note.content });
        note.content = withOwnNoteLines(note.content, o.lines)!;
      }
    }
  }
  if (!useNotes && notes.length) writeFindingsSheet(addSheet(FINDINGS_SHEET), notes);
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

/** A value (text guarded so that it stays text), or a formula; a narrative line also gets its font. */
function writeCell(range: Excel.Range, o: Extract<Operation, { op: "write-cell" }>): void {
  const c = o.content;
  if (c.kind === "formula") range.formulas = [[c.formula]];
  else range.values = [[c.kind === "text" ? officeText(c.value) : c.value]];
  if (!o.line) return;
  range.format.wrapText = true;
  if (o.line === "body") return;
  range.format.font.bold = true;
  range.format.font.size = o.line === "title" ? 16 : 12;
}

function writeFindingsSheet(ws: Excel.Worksheet, notes: NoteLines[]): void {
  const label = { error: "错误", warning: "提醒", info: "信息" };
  const rows = [["工作表", "单元格", "级别", "说明"], ...notes.flatMap((n) => n.lines.map((line, i) => [n.sheet, n.cell, label[n.severities[i]], officeText(line)]))];
  ws.getRange(`A1:D${rows.length}`).values = rows;
  ws.getRange("A1:D1").format.font.bold = true;
  ws.getRange("D:D").format.columnWidth = 420;
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
    formatOnly: !t.aspects.has("content") || undefined,
    contentOnly: (!t.aspects.has("style") && !t.aspects.has("note")) || undefined,
    style: t.aspects.has("font") ? { bold: t.range.format.font.bold, size: t.range.format.font.size, wrap: t.range.format.wrapText } : undefined,
  };
}

/** The report sheet: one line a row down column A, headings bold, every line wrapped. */
function writeReport(ws: Excel.Worksheet, lines: NarrativeLine[]): void {
  ws.getRange("A:A").format.columnWidth = 560;
  if (!lines.length) return;
  const range = ws.getRange(`A1:A${lines.length}`);
  range.values = lines.map((l) => [officeText(l.text)]);
  range.format.wrapText = true;
  lines.forEach((l, i) => {
    if (l.style === "body") return;
    const cell = ws.getRange(toA1(i, 0));
    cell.format.font.bold = true;
    cell.format.font.size = l.style === "title" ? 16 : 12;
  });
}

/**
 * Restores what a journal recorded, in one round trip: removes the sheets and notes the apply added,
 * puts back the text of the notes it rewrote, the values and formulas it changed and the fills its
 * marks replaced. A reviewer's note is never changed.
 */
export async function undoChanges(context: Excel.RequestContext, journal: UndoJournal): Promise<void> {
  const books = context.workbook.worksheets;
  for (const name of journal.addedSheets) books.getItemOrNullObject(name).delete();
  for (const n of journal.addedNotes ?? []) books.getItem(n.sheet).notes.getItemOrNullObject(n.cell).delete();
  for (const n of journal.rewrittenNotes ?? []) books.getItem(n.sheet).notes.getItem(n.cell).content = n.content;
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
