/**
 * One applier for every writer: the same plans go through the .xlsx writer, the in-memory gateway
 * and the Office.js gateway (against the fake Excel) on every seed, and the three results agree cell
 * by cell: values, formulas, mark fills, note lines (tagged alike) and the report sheet's lines; the
 * Office.js gateway without notes (before ExcelApi 1.18) lists the same lines on a findings sheet.
 * Undo then restores exactly the original in both gateways, in one run of two syncs to apply and one
 * to undo through Office.js.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpecs } from "../../scripts/build-fixtures";
import { reportLines } from "../../src/engine/changes/plan";
import { analyzeWorkbook, NOTE_TAG, planFix, toA1, type ChangeSet, type SheetSnapshot, type WorkbookSnapshot } from "../../src/engine";
import { MemoryGateway } from "../../src/addin/memory-gateway";
import { OfficeGateway } from "../../src/addin/office";
import { readXlsxBytes } from "../../src/xlsx/read";
import { patchWorkbookBytes } from "../../src/xlsx/write";
import { XlsxPackage } from "../../src/xlsx/write/package";
import { WorkbookPart } from "../../src/xlsx/write/workbook";
import { FakeExcel } from "../support/fake-excel";
import { cellStyles, cellXfs, fills, notes, partText } from "../support/ooxml-inspect";

const dir = join(__dirname, "../fixtures/xlsx");

interface Cell {
  value: unknown;
  formula: string | null;
  fill: string | null;
  note: string | null;
}
type State = Record<string, Record<string, Cell>>;

/** Only cells holding something, and (for the fake Excel, which computes nothing) formula cells without their cached value. */
function normal(state: Record<string, Record<string, Partial<Cell>>>, formulaValues = true): State {
  const out: State = {};
  for (const [sheet, cells] of Object.entries(state)) {
    out[sheet] = {};
    for (const [a1, c] of Object.entries(cells)) {
      const cell: Cell = { value: c.value ?? null, formula: c.formula ?? null, fill: c.fill ?? null, note: c.note ?? null };
      if (!formulaValues && cell.formula) cell.value = "(computed by Excel)";
      if (cell.value !== null || cell.formula || cell.fill || cell.note) out[sheet][a1] = cell;
    }
  }
  return out;
}

function contents(s: SheetSnapshot): Record<string, Partial<Cell>> {
  const out: Record<string, Partial<Cell>> = {};
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = s.formulas?.[r]?.[c] ?? null;
      if (v !== null || f) out[toA1(s.top + r, s.left + c)] = { value: v, formula: f };
    }),
  );
  return out;
}

/** cell → fill colour ("#FFC7CE") of the cells whose style has a solid fill. */
function fillsOf(bytes: Uint8Array, sheetPart: string): Record<string, string> {
  const styles = partText(bytes, "xl/styles.xml");
  const xfs = cellXfs(styles);
  const fillList = fills(styles);
  const out: Record<string, string> = {};
  for (const [a1, s] of cellStyles(partText(bytes, sheetPart))) {
    const fill = fillList[Number(/fillId="(\d+)"/.exec(xfs[s] ?? "")?.[1] ?? 0)] ?? "";
    const rgb = /patternType="solid"[\s\S]*?fgColor rgb="FF([0-9A-F]{6})"/.exec(fill)?.[1];
    if (rgb) out[a1] = `#${rgb}`;
  }
  return out;
}

/** The writer's copy as the gateways hold a workbook: contents read back, the fills it added, its notes. */
function written(input: Uint8Array, id: string, set: ChangeSet): State {
  const inputFills = new WorkbookPart(new XlsxPackage(input, "in")).sheets().map((e) => (e.part ? fillsOf(input, e.part) : {}));
  const out = patchWorkbookBytes(input, `${id}.xlsx`, set).bytes;
  const pkg = new XlsxPackage(out, "out");
  const entries = new WorkbookPart(pkg).sheets();
  const state: Record<string, Record<string, Partial<Cell>>> = {};
  for (const [i, s] of readXlsxBytes(out, "fixed.xlsx").sheets.entries()) {
    const cells = contents(s);
    const part = entries[i].part;
    if (part) {
      const before = inputFills[i] ?? {};
      for (const [a1, fill] of Object.entries(fillsOf(out, part))) if (before[a1] !== fill) cells[a1] = { ...cells[a1], fill };
      const comments = pkg.related(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments")[0];
      for (const n of comments ? notes(partText(out, comments)) : []) cells[n.ref] = { ...cells[n.ref], note: n.text };
    }
    state[s.name] = cells;
  }
  return normal(state);
}

/** The plans every writer runs: the CLI's default fix, a rescore with rescaled weights, and a narrative inserted at a cell. */
function plans(snapshot: WorkbookSnapshot): [string, ChangeSet][] {
  const analysis = analyzeWorkbook(snapshot);
  const first = snapshot.sheets[0];
  const width = Math.max(0, ...first.values.map((r) => r.length));
  const at = toA1(first.top, first.left + width + 1);
  return [
    ["default fix", planFix(analysis, snapshot)],
    ["rescore, rescale weights", planFix(analysis, snapshot, { rescore: true, rescaleWeights: true })],
    ["narrative at a cell", { title: { zh: "插入叙述", en: "insert narrative" }, changes: [{ kind: "insert-lines", sheet: first.name, cell: at, lines: reportLines(analysis) }] }],
  ];
}

const seeds = loadSpecs().map((s) => s.id);

describe.each(seeds.map((id) => [id]))("seed %s", (id) => {
  const bytes = new Uint8Array(readFileSync(join(dir, `${id}.xlsx`)));
  const snapshot = readXlsxBytes(bytes, `${id}.xlsx`);

  it.each(plans(snapshot))("%s: writer, memory gateway and Office.js gateway agree cell by cell; undo restores the original", async (_name, set) => {
    const writer = written(bytes, id, set);

    const memory = new MemoryGateway(snapshot);
    const memoryBefore = memory.state();
    const memoryJournal = await memory.apply(set);
    const inMemory = normal(memory.state());

    const fake = new FakeExcel();
    for (const s of snapshot.sheets) fake.addSnapshot(s);
    const office = new OfficeGateway({ run: fake.run, isSetSupported: () => true });
    const officeBefore = fake.state();
    const officeJournal = await office.apply(set);
    expect({ runs: fake.runs, syncs: fake.syncs }).toEqual({ runs: 1, syncs: 2 });
    const inExcel = normal(fake.state(), false);

    expect(Object.keys(inMemory)).toEqual(Object.keys(writer));
    expect(Object.keys(inExcel)).toEqual(Object.keys(writer));
    for (const sheet of Object.keys(writer)) {
      expect({ sheet, cells: inMemory[sheet] }).toEqual({ sheet, cells: writer[sheet] });
      expect({ sheet, cells: inExcel[sheet] }).toEqual({ sheet, cells: normal({ [sheet]: writer[sheet] }, false)[sheet] });
    }
    // The comparison has something to compare: every mark of the plan is there, its lines tagged.
    for (const c of set.changes) {
      if (c.kind !== "mark") continue;
      expect(writer[c.sheet][c.cell.toUpperCase()]).toMatchObject({ fill: expect.stringMatching(/^#/), note: expect.stringContaining(`${NOTE_TAG}${c.note}`) });
    }

    // Before ExcelApi 1.18 (no notes) the same lines go to a findings sheet, one row a line; the cells
    // are otherwise as the writer left them.
    const legacyExcel = new FakeExcel();
    for (const s of snapshot.sheets) legacyExcel.addSnapshot(s);
    const legacy = new OfficeGateway({ run: legacyExcel.run, isSetSupported: (_set, v) => Number(v.split(".")[1]) < 18 });
    const legacyBefore = legacyExcel.state();
    const legacyJournal = await legacy.apply(set);
    const inOldExcel = normal(legacyExcel.state(), false);
    const noteLines: Record<string, string[]> = {};
    for (const [sheet, cells] of Object.entries(writer))
      for (const [a1, c] of Object.entries(cells)) {
        if (c.note) noteLines[`${sheet}!${a1}`] = c.note.split("\n").map((l) => l.slice(NOTE_TAG.length));
        if (c.note) expect(c.note.split("\n").every((l) => l.startsWith(NOTE_TAG))).toBe(true);
      }
    const listed: Record<string, string[]> = {};
    const rows = Object.entries(inOldExcel["核查结果"] ?? {});
    for (const [a1, c] of rows) {
      const r = Number(a1.slice(1));
      if (!a1.startsWith("D") || r === 1) continue;
      const k = `${inOldExcel["核查结果"][`A${r}`].value}!${inOldExcel["核查结果"][`B${r}`].value}`;
      (listed[k] ??= []).push(String(c.value));
    }
    const byRow = (x: Record<string, string[]>) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, [...v].sort()]));
    expect(byRow(listed)).toEqual(byRow(noteLines));
    expect(Object.keys(inOldExcel).filter((n) => n !== "核查结果")).toEqual(Object.keys(writer));
    for (const sheet of Object.keys(writer)) {
      const withoutNotes = normal({ [sheet]: Object.fromEntries(Object.entries(writer[sheet]).map(([a1, c]) => [a1, { ...c, note: null }])) }, false)[sheet];
      expect({ sheet, cells: inOldExcel[sheet] }).toEqual({ sheet, cells: withoutNotes });
    }
    await legacy.undo(legacyJournal);
    expect(legacyExcel.state()).toEqual(legacyBefore);

    await memory.undo(memoryJournal);
    expect(memory.state()).toEqual(memoryBefore);
    fake.runs = fake.syncs = 0;
    await office.undo(officeJournal);
    expect({ runs: fake.runs, syncs: fake.syncs }).toEqual({ runs: 1, syncs: 1 });
    expect(fake.state()).toEqual(officeBefore);
  });
});
