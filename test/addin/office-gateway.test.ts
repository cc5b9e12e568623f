/**
 * The Office.js gateway against a fake Excel with batch semantics and Excel's limits (5 MB a sync,
 * 512 merged areas a query): what it loads, how many syncs and runs it makes, how it marks and undoes.
 */
import { OfficeGateway } from "../../src/addin/office";
import { mergeBands, planSyncs, PAYLOAD_BUDGET, MERGE_BAND_CELLS } from "../../src/addin/office/read";
import { GatewayError } from "../../src/addin/gateway";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { planFix } from "../../src/engine/changes/plan";
import { toA1 } from "../../src/engine/grid/address";
import type { CellValue } from "../../src/engine/grid/types";
import { NOTE_TAG, operationsOf } from "../../src/engine";
import { blank, FakeExcel, PAYLOAD_LIMIT } from "../support/fake-excel";
import { cleanRows, layoutA } from "../support/tables";

const supports = (max: string) => (_name: string, v: string) => Number(v.split(".")[1]) <= Number(max.split(".")[1]);

function workbook(sheets: number, opts: { protect?: boolean; version?: string; comments?: number } = {}) {
  const fake = new FakeExcel();
  for (let i = 0; i < sheets; i++)
    fake.addSnapshot(layoutA({ name: `评分表${i + 1}`, rows: cleanRows(), total: [100, 99] }), { protected: opts.protect && i === 0, comments: opts.comments });
  const gw = new OfficeGateway({ run: fake.run, isSetSupported: supports(opts.version ?? "1.20") });
  return { fake, gw };
}

/** `rows` × `cols` of numbers and short labels, starting at A1. */
function grid(rows: number, cols: number, cell: (r: number, c: number) => CellValue = (r, c) => (c % 2 ? r * cols + c : `项目${r}-${c}`)): CellValue[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(r, c)));
}

describe("OfficeGateway.readWorkbook", () => {
  it.each([1, 50])("reads %i sheet(s) in one run of three syncs", async (n) => {
    const { fake, gw } = workbook(n);
    const { snapshot, stats } = await gw.readWorkbook();
    expect(fake.runs).toBe(1);
    expect(fake.syncs).toBe(3);
    expect(stats.syncs).toBe(3);
    expect(stats.largestPayloadBytes).toBeGreaterThan(0);
    expect(stats.largestPayloadBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(snapshot.sheets).toHaveLength(n);
    const a = analyzeWorkbook(snapshot);
    expect(a.tables).toHaveLength(n);
    expect(a.findings.filter((f) => f.rule === "total-mismatch")).toHaveLength(n);
  });

  it("reads merged areas where ExcelApi 1.13 exists, and works from blanks on Office 2016", async () => {
    const withMerges = workbook(1);
    expect((await withMerges.gw.readWorkbook()).snapshot.sheets[0].merges?.length).toBeGreaterThan(3);
    const old = workbook(1, { version: "1.9" });
    const { snapshot } = await old.gw.readWorkbook();
    expect(snapshot.sheets[0].merges).toBeUndefined();
    expect(analyzeWorkbook(snapshot).calcs[0].weightTotal?.toFixed()).toBe("100");
  });

  it("reads a sheet of 3,000 merged areas in bands of at most 512, which one query could not", async () => {
    const fake = new FakeExcel();
    // 300 rows × 10 pairs of cells merged across: 3,000 areas, 2 cells each.
    const merges = Array.from({ length: 300 * 10 }, (_, i) => `${toA1(Math.floor(i / 10), (i % 10) * 2)}:${toA1(Math.floor(i / 10), (i % 10) * 2 + 1)}`);
    const sheet = fake.addSheet("合并", grid(300, 20), { merges });
    // The fake fails a whole-range query, as Excel does over 512 areas...
    const ctx = fake.context() as unknown as Excel.RequestContext;
    ctx.workbook.worksheets.getItem("合并").getRange("A1:T300").getMergedAreasOrNullObject().load("address");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
    // ...and the gateway's bands never pass the limit.
    const { snapshot, stats } = await new OfficeGateway({ run: fake.run, isSetSupported: () => true }).readWorkbook();
    expect(snapshot.sheets[0].merges).toHaveLength(3000);
    expect(new Set(snapshot.sheets[0].merges!.map((m) => `${m.top},${m.left}`)).size).toBe(3000);
    const key = (m: { top: number; left: number; bottom: number; right: number }) => `${m.top},${m.left},${m.bottom},${m.right}`;
    expect(new Set(snapshot.sheets[0].merges!.map(key))).toEqual(new Set(sheet.merges.map(key)));
    expect(stats.syncs).toBe(3);
  });

  it("stays within 512 areas a query even when every cell of a wide row starts a merged area", async () => {
    const fake = new FakeExcel();
    // 600 columns; each cell of row 1 is the top of a 2-row merge: one row holds 600 top-left cells.
    fake.addSheet("宽表", grid(2, 600, (r, c) => (r === 0 ? c : null)), { merges: Array.from({ length: 600 }, (_, c) => `${toA1(0, c)}:${toA1(1, c)}`) });
    const { snapshot } = await new OfficeGateway({ run: fake.run, isSetSupported: () => true }).readWorkbook();
    expect(snapshot.sheets[0].merges).toHaveLength(600);
  });

  it("starts the bands at the used range's top-left", async () => {
    const fake = new FakeExcel();
    fake.addSheet("偏移", [[], [], [null, null, null, "合并", null], [null, null, null, 1, 2]], { merges: ["D3:E3", "B1:C2"] });
    const { snapshot } = await new OfficeGateway({ run: fake.run, isSetSupported: () => true }).readWorkbook();
    expect(snapshot.sheets[0]).toMatchObject({ top: 2, left: 3, values: [["合并", null], [1, 2]] });
    // B1:C2 starts outside the used range D3:E4 (and holds nothing): not asked for.
    expect(snapshot.sheets[0].merges).toEqual([{ top: 2, left: 3, bottom: 2, right: 4 }]);
    expect(mergeBands({ top: 2, left: 3, bottom: 1000, right: 4 })[0]).toMatchObject({ top: 2, left: 3 });
  });

  it("sizes merge bands to at most 512 cells and slices to whole bands", () => {
    for (const cols of [1, 7, 30, 512, 513, 2000]) {
      const area = { top: 5, left: 2, bottom: 5 + 3000, right: 2 + cols - 1 };
      const bands = mergeBands(area);
      for (const b of bands) expect((b.bottom - b.top + 1) * (b.right - b.left + 1)).toBeLessThanOrEqual(MERGE_BAND_CELLS);
      expect(bands.reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0)).toBe(3001 * cols);
      // Slices of a sheet too big for one sync start where a band of the whole range would start.
      const starts = new Set(bands.map((b) => b.top));
      for (const slice of planSyncs([area], 64 * 1024).flat()) expect(starts.has(slice.top)).toBe(true);
    }
  });

  it("splits a read that would pass 5 MB into syncs under the limit, and only then", async () => {
    const fake = new FakeExcel();
    fake.addSheet("评分表", layoutA({ rows: cleanRows(), total: [100, 99] }).values);
    fake.addSheet("明细", grid(60_000, 6));
    const gw = new OfficeGateway({ run: fake.run, isSetSupported: () => true });
    const { snapshot, stats } = await gw.readWorkbook();
    expect(fake.runs).toBe(1);
    expect(stats.syncs).toBe(fake.syncs);
    expect(fake.syncs).toBeGreaterThan(3);
    expect(fake.payloads.reduce((a, b) => a + b, 0)).toBeGreaterThan(PAYLOAD_LIMIT);
    for (const p of fake.payloads) expect(p).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    // The stat is the largest single sync, measured the way the fake counts within a few percent.
    expect(stats.largestPayloadBytes).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    expect(Math.abs(stats.largestPayloadBytes - Math.max(...fake.payloads)) / Math.max(...fake.payloads)).toBeLessThan(0.1);
    const big = snapshot.sheets[1];
    expect(big.values).toHaveLength(60_000);
    expect(big.values[59_999]).toEqual(grid(60_000, 6)[59_999]);
    expect(big.values[31_337][3]).toBe(31_337 * 6 + 3);
    expect(analyzeWorkbook(snapshot).tables).toHaveLength(1);
  });

  it("reads again in smaller pieces when long texts beat the size estimate", async () => {
    const fake = new FakeExcel();
    fake.addSheet("说明", grid(300, 10, () => "评分标准说明".repeat(120)));
    const { snapshot, stats } = await new OfficeGateway({ run: fake.run, isSetSupported: () => true }).readWorkbook();
    expect(snapshot.sheets[0].values[299][9]).toBe("评分标准说明".repeat(120));
    expect(fake.runs).toBeGreaterThan(1);
    expect(stats.syncs).toBe(fake.syncs);
    expect(Math.max(...fake.payloads)).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(stats.largestPayloadBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  });

  it("says so for an empty workbook", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1", []);
    await expect(new OfficeGateway({ run: fake.run, isSetSupported: () => true }).readWorkbook()).rejects.toMatchObject({ code: "empty" });
  });

  it("turns cell-edit mode into a clear message", async () => {
    const { fake, gw } = workbook(1);
    fake.cellEdit = true;
    await expect(gw.readWorkbook()).rejects.toMatchObject({ code: "cell-edit" });
  });
});

describe("OfficeGateway.apply and undo", () => {
  async function fix(n: number, opts: Parameters<typeof workbook>[1] = {}) {
    const w = workbook(n, opts);
    const before = w.fake.state();
    const { snapshot } = await w.gw.readWorkbook();
    const set = planFix(analyzeWorkbook(snapshot), snapshot, { rescore: true, marks: true, narrative: true });
    w.fake.syncs = 0;
    w.fake.runs = 0;
    return { ...w, before, set };
  }

  it.each([1, 5])("applies a whole fix to %i sheet(s) in one run of two syncs, marks with notes, and undo restores every cell", async (n) => {
    const { fake, gw, before, set } = await fix(n);
    const journal = await gw.apply(set);
    expect([fake.runs, fake.syncs]).toEqual([1, 2]);
    const after = fake.state()["评分表1"];
    expect(after.G11.formula).toBe("=SUM(G4:G10)");
    const marked = set.changes.filter((c) => c.kind === "mark");
    expect(marked.length).toBeGreaterThan(0);
    for (const m of marked) expect(after[m.cell]).toMatchObject({ fill: expect.stringMatching(/^#/), note: expect.stringContaining("[ScoreCheck") });
    expect(fake.sheets.map((s) => s.name)).toContain("自评报告");
    expect(fake.sheets.map((s) => s.name)).not.toContain("核查结果");
    expect(journal.addedNotes).toHaveLength(new Set(marked.map((m) => `${m.sheet}!${m.cell}`)).size);
    fake.syncs = fake.runs = 0;
    await gw.undo(journal);
    expect([fake.runs, fake.syncs]).toEqual([1, 1]);
    expect(fake.state()).toEqual(before);
  });

  it("puts the findings on a sheet where notes are missing (before ExcelApi 1.18)", async () => {
    const { fake, gw, before, set } = await fix(1, { version: "1.17" });
    expect(await gw.capabilities()).toMatchObject({ notes: "sheet" });
    const journal = await gw.apply(set);
    expect(fake.sheets.map((s) => s.name)).toContain("核查结果");
    expect(Object.values(fake.state()["评分表1"]).every((c) => c.note === null)).toBe(true);
    await gw.undo(journal);
    expect(fake.state()).toEqual(before);
  });

  it("never writes over a note of the user's, nor beside threaded comments", async () => {
    for (const setup of ["note", "comments"] as const) {
      const { fake, gw, set } = await fix(1, { comments: setup === "comments" ? 2 : 0 });
      const mark = set.changes.find((c) => c.kind === "mark")!;
      if (mark.kind !== "mark") throw new Error("no mark");
      if (setup === "note") fake.sheets[0].cells.set(mark.cell, { ...(fake.sheets[0].cells.get(mark.cell) ?? { value: null, formula: null, fill: null, format: null }), note: "用户批注" });
      const before = fake.state();
      const journal = await gw.apply(set);
      expect(fake.sheets.map((s) => s.name)).toContain("核查结果");
      expect(journal.addedNotes).toEqual([]);
      if (setup === "note") {
        expect(fake.state()["评分表1"][mark.cell].note).toBe("用户批注");
        expect(journal.cells.find((c) => c.cell === mark.cell)?.note).toBe("用户批注");
      }
      await gw.undo(journal);
      expect(fake.state()).toEqual(before);
    }
  });

  it("rewrites a note holding only its own earlier lines, tagged as the writer tags them, and undo puts the old text back", async () => {
    const { fake, gw, set } = await fix(1);
    const notes = operationsOf(set).operations.filter((o) => o.op === "note-lines");
    const first = notes[0];
    if (first.op !== "note-lines") throw new Error("no note");
    fake.sheets[0].cells.set(first.cell, { ...(fake.sheets[0].cells.get(first.cell) ?? blank()), note: `${NOTE_TAG}[ScoreCheck total-mismatch] 上次的发现` });
    const before = fake.state();
    const journal = await gw.apply(set);
    expect([fake.runs, fake.syncs]).toEqual([1, 2]);
    expect(fake.sheets.map((s) => s.name)).not.toContain("核查结果");
    expect(fake.state()["评分表1"][first.cell].note).toBe(first.lines.map((l) => `${NOTE_TAG}${l}`).join("\n"));
    expect(journal.rewrittenNotes).toEqual([{ sheet: "评分表1", cell: first.cell, content: before["评分表1"][first.cell].note }]);
    expect(journal.addedNotes).toHaveLength(notes.length - 1);
    fake.syncs = fake.runs = 0;
    await gw.undo(journal);
    expect([fake.runs, fake.syncs]).toEqual([1, 1]);
    expect(fake.state()).toEqual(before);
  });

  it("a reviewer's note that also holds ScoreCheck's lines is left whole: the findings go to a sheet", async () => {
    const { fake, gw, set } = await fix(1);
    const mark = set.changes.find((c) => c.kind === "mark")!;
    if (mark.kind !== "mark") throw new Error("no mark");
    const note = `扣 1 分：3 人未按时领取，已核实（附件 5）\n${NOTE_TAG}[ScoreCheck x] 旧`;
    fake.sheets[0].cells.set(mark.cell, { ...(fake.sheets[0].cells.get(mark.cell) ?? blank()), note });
    const before = fake.state();
    const journal = await gw.apply(set);
    expect(fake.state()["评分表1"][mark.cell].note).toBe(note);
    expect(fake.sheets.map((s) => s.name)).toContain("核查结果");
    expect(journal.rewrittenNotes).toEqual([]);
    await gw.undo(journal);
    expect(fake.state()).toEqual(before);
  });

  it("clearing marks restores fills and leaves later edits to marked cells alone", async () => {
    const { fake, gw, before, set } = await fix(1);
    const marks = { ...set, changes: set.changes.filter((c) => c.kind === "mark") };
    const journal = await gw.apply(marks);
    const cell = marks.changes[0].kind === "mark" ? marks.changes[0].cell : "";
    fake.sheets[0].cells.get(cell)!.value = 42;
    await gw.undo(journal);
    const now = fake.state()["评分表1"];
    expect(now[cell]).toMatchObject({ value: 42, fill: before["评分表1"][cell]?.fill ?? null, note: null });
  });

  it("undoing a recalculation leaves fills given since alone", async () => {
    const { fake, gw, set, before } = await fix(1);
    const content = { ...set, changes: set.changes.filter((c) => c.kind === "set-formula") };
    const cell = content.changes[0].kind === "set-formula" ? content.changes[0].cell : "";
    const journal = await gw.apply(content);
    expect(journal.cells.every((c) => c.contentOnly && !c.formatOnly)).toBe(true);
    fake.sheets[0].cells.get(cell)!.fill = "#00FF00";
    await gw.undo(journal);
    expect(fake.state()["评分表1"][cell]).toEqual({ ...before["评分表1"][cell], fill: "#00FF00" });
  });

  it("refuses a protected sheet before writing anything", async () => {
    const { fake, gw } = workbook(2, { protect: true });
    const before = fake.state();
    const { snapshot } = await gw.readWorkbook();
    const set = planFix(analyzeWorkbook(snapshot), snapshot);
    fake.syncs = 0;
    const err = await gw.apply(set).catch((e) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err.code).toBe("protected");
    expect(err.zh).toContain("受保护");
    expect(fake.syncs).toBe(1);
    expect(fake.state()).toEqual(before);
    expect(fake.sheets).toHaveLength(2);
  });

  it("writes text starting with = as text, not as a formula", async () => {
    const { fake, gw } = workbook(1);
    await gw.apply({ title: { zh: "t", en: "t" }, changes: [{ kind: "insert-lines", sheet: "评分表1", cell: "J1", lines: [{ text: "=1+1", style: "body" }] }] });
    expect(fake.state()["评分表1"].J1).toMatchObject({ value: "=1+1", formula: null });
  });

  it("undo puts text back as text, however it looks", async () => {
    const fake = new FakeExcel();
    fake.addSheet("表", [["001", "=x", "TRUE", "-"]]);
    const before = fake.state();
    const gw = new OfficeGateway({ run: fake.run, isSetSupported: () => true });
    const journal = await gw.apply({ title: { zh: "t", en: "t" }, changes: ["A1", "B1", "C1", "D1"].map((cell) => ({ kind: "set-value" as const, sheet: "表", cell, value: 1, reason: "t" })) });
    expect(fake.state()["表"].A1.value).toBe(1);
    await gw.undo(journal);
    expect(fake.state()).toEqual(before);
  });

  it("a write that fails half-way through the batch is rolled back: the workbook is as it was", async () => {
    const { fake, gw } = workbook(1);
    const before = fake.state();
    const { snapshot } = await gw.readWorkbook();
    const set = planFix(analyzeWorkbook(snapshot), snapshot, { rescore: true, marks: true, narrative: true });
    fake.failAtWrite = 3;
    const err = await gw.apply(set).catch((e) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(fake.state()).toEqual(before);
    expect(fake.sheets.map((s) => s.name)).toEqual(["评分表1"]);
  });

  it("a narrative inserted at the selection gets heading formatting, and undo restores the font exactly", async () => {
    const { fake, gw } = workbook(1);
    fake.sheets[0].cells.set("J2", { value: "用户的内容", formula: null, fill: "#FFFF00", format: null, note: null, bold: false, size: 9, wrap: false });
    const before = fake.state();
    const lines = [
      { text: "标题", style: "title" as const },
      { text: "一、评价结论", style: "heading" as const },
      { text: "正文", style: "body" as const },
    ];
    const journal = await gw.apply({ title: { zh: "t", en: "t" }, changes: [{ kind: "insert-lines", sheet: "评分表1", cell: "J1", lines }] });
    expect(fake.state()["评分表1"].J1).toMatchObject({ value: "标题", bold: true, size: 16, wrap: true });
    expect(fake.state()["评分表1"].J2).toMatchObject({ value: "一、评价结论", bold: true, size: 12, fill: "#FFFF00" });
    await gw.undo(journal);
    expect(fake.state()).toEqual(before);
  });

  it("selects a finding's cell", async () => {
    const { fake, gw } = workbook(2);
    await gw.select("评分表2", "G11");
    expect(fake.active).toEqual({ sheet: "评分表2", cell: "G11" });
    expect(await gw.selection()).toEqual({ sheet: "评分表2", cell: "G11" });
  });
});
