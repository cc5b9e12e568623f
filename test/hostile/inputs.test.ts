/** Hostile and broken inputs: each gets a clear, specific answer and never a crash. */
import ExcelJS from "exceljs";
import { join } from "node:path";
import { mkdirSync, readFileSync } from "node:fs";
import { readXlsxFile, readXlsxBytes } from "../../src/xlsx/read";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { planFix } from "../../src/engine/changes/plan";
import { patchWorkbookBytes } from "../../src/xlsx/write";
import { cleanRows, layoutA, type Row } from "../support/tables";
import { OUT, writeSnapshots } from "../support/xlsx";

const withRow = (i: number, row: Row): Row[] => cleanRows().map((r, k) => (k === i ? row : r));

describe("cells that are not what they should be", () => {
  it("error values in weight and score cells are reported, not summed", () => {
    const rows = withRow(3, ["产出指标", "数量指标", "参保人数", "≥10000人", "10200人", { error: "#DIV/0!" } as never, { error: "#N/A" } as never]);
    const a = analyzeWorkbook({ source: "t", sheets: [layoutA({ rows, total: [100, 100] })] });
    const missing = a.findings.filter((f) => f.rule === "missing-value").map((f) => `${f.cell} ${f.message.zh}`);
    expect(missing).toEqual(expect.arrayContaining([expect.stringMatching(/^F7 .*#DIV\/0!/), expect.stringMatching(/^G7 .*#N\/A/)]));
    expect(a.calcs[0].weightTotal?.toFixed()).toBe("80");
  });

  it("text in number cells is read the way a reviewer reads it: 10分, ９．５, 十", () => {
    const rows: Row[] = [
      ["产出指标", "数量指标", "甲", "是", "是", "50分", "50分"],
      [null, null, "乙", "是", "是", "４０", "３９．５"],
      ["效益指标", "社会效益", "丙", "是", "是", "十", "十"],
    ];
    const a = analyzeWorkbook({ source: "t", sheets: [layoutA({ rows, total: [100, 99.5] })] });
    expect(a.calcs[0].weightTotal?.toFixed()).toBe("100");
    expect(a.calcs[0].scoreTotal?.toFixed()).toBe("99.5");
  });

  it("a formula without a cached value is evaluated, or says so instead of counting as zero", async () => {
    const sheet = layoutA({ rows: cleanRows(), total: [100, 100] });
    const path = await writeSnapshots(join(OUT, "no-cache.xlsx"), [sheet]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    wb.getWorksheet("评分表")!.getCell("G4").value = { formula: "10*1" } as ExcelJS.CellFormulaValue;
    const a = analyzeWorkbook(await readXlsxBytes(new Uint8Array(await wb.xlsx.writeBuffer()), "no-cache.xlsx"));
    expect(a.findings).toEqual([]);
    expect(a.calcs[0].scoreTotal?.toFixed()).toBe("100");
    wb.getWorksheet("评分表")!.getCell("G4").value = { formula: "VLOOKUP(C4,Z1:AA9,2,FALSE)" } as ExcelJS.CellFormulaValue;
    const b = analyzeWorkbook(await readXlsxBytes(new Uint8Array(await wb.xlsx.writeBuffer()), "no-cache.xlsx"));
    expect(b.findings.map((f) => `${f.severity} ${f.rule} ${f.cell}`)).toEqual(["info formula-uncached G4"]);
    expect(b.calcs[0].scoreTotal).toBeNull();
  });
});

describe("odd workbooks", () => {
  it("a used range stretched to row 1,048,576 by formatting", async () => {
    mkdirSync(OUT, { recursive: true });
    const path = await writeSnapshots(join(OUT, "stretched.xlsx"), [layoutA({ rows: cleanRows(), total: [100, 100] })]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet("评分表")!;
    ws.getCell("A1048576").numFmt = "0.00";
    ws.getCell("A1048576").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    await wb.xlsx.writeFile(path);
    const snap = await readXlsxFile(path);
    expect(snap.sheets[0].values.length).toBeLessThan(20);
    const a = analyzeWorkbook(snap);
    expect(a.tables).toHaveLength(1);
    expect(a.findings).toEqual([]);
  });

  it("hidden sheets and hidden rows are still checked", async () => {
    const path = await writeSnapshots(join(OUT, "hidden.xlsx"), [layoutA({ rows: cleanRows(), total: [100, 99] })]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet("评分表")!;
    ws.state = "hidden";
    ws.getRow(6).hidden = true;
    wb.addWorksheet("封面").getCell("A1").value = "封面";
    const snap = await readXlsxBytes(new Uint8Array(await wb.xlsx.writeBuffer()), "hidden.xlsx");
    expect(snap.sheets[0].hidden).toBe(true);
    expect(snap.sheets[0].hiddenRows).toContain(5);
    const a = analyzeWorkbook(snap);
    expect(a.calcs[0].weightedCount).toBe(7);
    expect(a.findings.map((f) => f.rule)).toContain("total-mismatch");
  });

  it("hundreds of merged areas", async () => {
    const rows: Row[] = Array.from({ length: 300 }, (_, i) => [i % 2 ? null : `一级${i}`, i % 2 ? null : `二级${i}`, `第${i}项任务完成情况`, "是", "是", 1, 1] as Row);
    const sheet = layoutA({ rows: rows.slice(0, 100), total: [100, 100] });
    expect(sheet.merges!.length).toBeGreaterThan(100);
    const path = await writeSnapshots(join(OUT, "merges.xlsx"), [sheet]);
    const a = analyzeWorkbook(await readXlsxFile(path));
    expect(a.calcs[0].weightedCount).toBe(100);
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a 31-character sheet name with quotes survives check and fix", async () => {
    const name = "它's \"评分表\" 2021年度项目支出绩效自评价评分";
    expect(name.length).toBeLessThanOrEqual(31);
    const path = await writeSnapshots(join(OUT, "quoted.xlsx"), [layoutA({ name, rows: cleanRows(), total: [100, 99] })]);
    const snap = await readXlsxFile(path);
    const a = analyzeWorkbook(snap);
    expect(a.findings[0].sheet).toBe(name);
    const { bytes } = patchWorkbookBytes(new Uint8Array(readFileSync(path)), "q.xlsx", planFix(a, snap));
    const fixed = analyzeWorkbook(await readXlsxBytes(bytes, "q.xlsx"));
    expect(fixed.findings.filter((f) => f.rule === "total-mismatch")).toEqual([]);
  });

  it("a sheet of 200,000 text cells beside a table: no stack overflow, the table still found", () => {
    const notes = { name: "说明", top: 0, left: 0, values: Array.from({ length: 40_000 }, (_, r) => Array.from({ length: 5 }, (_, c) => `说明文字 ${r}-${c}`)) };
    const a = analyzeWorkbook({ source: "t", sheets: [layoutA({ rows: cleanRows(), total: [100, 100] }), notes] });
    expect(a.tables).toHaveLength(1);
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("an empty workbook and a sheet of plain data have no table and no finding", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("空");
    const data = wb.addWorksheet("明细");
    data.addRow(["序号", "姓名", "补助金额", "合计"]);
    for (let i = 1; i < 50; i++) data.addRow([i, `居民${i}`, 20, null]);
    data.addRow(["合计", null, 980]);
    const a = analyzeWorkbook(await readXlsxBytes(new Uint8Array(await wb.xlsx.writeBuffer()), "e.xlsx"));
    expect(a.tables).toEqual([]);
    expect(a.findings).toEqual([]);
  });
});

describe("text written into cells stays text", () => {
  it("a narrative line starting with = + - @ is written as a string by the xlsx writer", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("评分表");
    const { bytes } = patchWorkbookBytes(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), "t.xlsx", {
      title: { zh: "t", en: "t" },
      changes: [{ kind: "add-sheet", name: "自评报告", lines: ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)"].map((text) => ({ text, style: "body" as const })) }],
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = back.getWorksheet("自评报告")!;
    for (let r = 1; r <= 4; r++) {
      expect(typeof ws.getCell(r, 1).value).toBe("string");
      expect(ws.getCell(r, 1).formula).toBeUndefined();
    }
  });
});
