/** The Office.js gateway against a fake Excel with batch semantics: what it loads, how many syncs. */
import { OfficeGateway } from "../../src/addin/office";
import { GatewayError } from "../../src/addin/gateway";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { planFix } from "../../src/engine/changes/plan";
import { FakeExcel } from "../support/fake-excel";
import { cleanRows, layoutA } from "../support/tables";

function workbook(sheets: number, opts: { protect?: boolean; version?: string } = {}) {
  const fake = new FakeExcel();
  for (let i = 0; i < sheets; i++) {
    const s = layoutA({ name: `评分表${i + 1}`, rows: cleanRows(), total: [100, 99] });
    fake.addSheet(s.name, s.values, { merges: (s.merges ?? []).map((m) => `${String.fromCharCode(65 + m.left)}${m.top + 1}:${String.fromCharCode(65 + m.right)}${m.bottom + 1}`), protected: opts.protect && i === 0 });
  }
  const max = opts.version ?? "1.20";
  const gw = new OfficeGateway({ run: fake.run, isSetSupported: (_n, v) => Number(v.split(".")[1]) <= Number(max.split(".")[1]) });
  return { fake, gw };
}

describe("OfficeGateway.readWorkbook", () => {
  it.each([1, 50])("reads %i sheet(s) in two round trips", async (n) => {
    const { fake, gw } = workbook(n);
    const { snapshot, stats } = await gw.readWorkbook();
    expect(fake.syncs).toBe(2);
    expect(stats.syncs).toBe(2);
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
  it("applies a whole fix in one batch of two syncs and undo restores every cell exactly", async () => {
    for (const n of [1, 5]) {
      const { fake, gw } = workbook(n);
      const before = fake.state();
      const { snapshot } = await gw.readWorkbook();
      const a = analyzeWorkbook(snapshot);
      const set = planFix(a, snapshot, { rescore: true, marks: true, narrative: true });
      fake.syncs = 0;
      const journal = await gw.apply(set);
      expect(fake.syncs).toBe(2);
      expect(fake.state()["评分表1"].G11.formula).toBe("=SUM(G4:G10)");
      expect(fake.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["自评报告", "核查结果"]));
      fake.syncs = 0;
      await gw.undo(journal);
      expect(fake.syncs).toBe(1);
      expect(fake.state()).toEqual(before);
    }
  });

  it("refuses a protected sheet before writing anything", async () => {
    const { fake, gw } = workbook(2, { protect: true });
    const before = fake.state();
    const { snapshot } = await gw.readWorkbook();
    const set = planFix(analyzeWorkbook(snapshot), snapshot);
    const err = await gw.apply(set).catch((e) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err.code).toBe("protected");
    expect(err.zh).toContain("受保护");
    expect(fake.state()).toEqual(before);
  });

  it("writes text starting with = as text, not as a formula", async () => {
    const { fake, gw } = workbook(1);
    await gw.apply({ title: { zh: "t", en: "t" }, changes: [{ kind: "insert-lines", sheet: "评分表1", cell: "J1", lines: [{ text: "=1+1", style: "body" }] }] });
    expect(fake.state()["评分表1"].J1).toMatchObject({ value: "'=1+1", formula: null });
  });

  it("selects a finding's cell", async () => {
    const { fake, gw } = workbook(2);
    await gw.select("评分表2", "G11");
    expect(fake.active).toEqual({ sheet: "评分表2", cell: "G11" });
    expect(await gw.selection()).toEqual({ sheet: "评分表2", cell: "G11" });
  });
});
