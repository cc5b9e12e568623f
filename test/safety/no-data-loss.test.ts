/**
 * No data loss: on every seed workbook, check → apply every fix (totals, rescored scores, rescaled
 * weights, marks, narrative sheet) → undo restores values, formulas, fills and notes exactly; a change
 * set that cannot be applied whole changes nothing.
 */
import { join } from "node:path";
import { loadSpecs } from "../../scripts/build-fixtures";
import { readXlsxFile } from "../../src/xlsx/read";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { planFix } from "../../src/engine/changes/plan";
import { MemoryGateway } from "../../src/addin/memory-gateway";
import { GatewayError } from "../../src/addin/gateway";
import { OfficeGateway } from "../../src/addin/office";
import { FakeExcel } from "../support/fake-excel";

const dir = join(__dirname, "../fixtures/xlsx");

describe.each(loadSpecs().map((s) => [s.id]))("seed %s", (id) => {
  it("apply every fix, then undo, restores the workbook exactly", async () => {
    const snapshot = await readXlsxFile(join(dir, `${id}.xlsx`));
    const gw = new MemoryGateway(snapshot);
    const before = gw.state();
    const { snapshot: read } = await gw.readWorkbook();
    const analysis = analyzeWorkbook(read);
    const set = planFix(analysis, read, { rescore: true, rescaleWeights: true, marks: true, narrative: true });
    const journal = await gw.apply(set);
    const after = gw.state();
    if (set.changes.length) expect(after).not.toEqual(before);
    if (analysis.calcs.some((c) => c.table.kind === "scoring")) expect(Object.keys(after)).toContain("自评报告");
    // The fixed workbook re-checks without total findings.
    const again = analyzeWorkbook((await gw.readWorkbook()).snapshot);
    expect(again.findings.filter((f) => ["total-mismatch", "subtotal-mismatch", "formula-range"].includes(f.rule))).toEqual([]);
    // The report it wrote quotes the findings; re-checking must not flag the tool's own words.
    expect(again.findings.filter((f) => f.sheet === "自评报告")).toEqual([]);
    await gw.undo(journal);
    expect(gw.state()).toEqual(before);
  });

  // The same through the Office.js gateway (fake Excel with batch semantics): marks as notes where
  // ExcelApi 1.18 exists, on a findings sheet before it; values, formulas, fills, notes and fonts.
  it.each([["1.20"], ["1.17"]])("through the Office.js gateway (ExcelApi %s), apply then undo restores every cell exactly", async (version) => {
    const fake = new FakeExcel();
    for (const sheet of (await readXlsxFile(join(dir, `${id}.xlsx`))).sheets) fake.addSnapshot(sheet);
    const before = fake.state();
    const gw = new OfficeGateway({ run: fake.run, isSetSupported: (_n, v) => Number(v.split(".")[1]) <= Number(version.split(".")[1]) });
    const { snapshot } = await gw.readWorkbook();
    const set = planFix(analyzeWorkbook(snapshot), snapshot, { rescore: true, rescaleWeights: true, marks: true, narrative: true });
    const journal = await gw.apply(set);
    // (The fake does not calculate, so the re-check of totals is the memory gateway's, above.)
    if (set.changes.length) expect(fake.state()).not.toEqual(before);
    await gw.undo(journal);
    expect(fake.state()).toEqual(before);
    expect(fake.sheets.map((s) => s.name)).toEqual(Object.keys(before));
  });
});

describe("a change set that cannot be applied whole changes nothing", () => {
  it("a missing sheet halfway through", async () => {
    const snapshot = await readXlsxFile(join(dir, "000-07.xlsx"));
    const gw = new MemoryGateway(snapshot);
    const before = gw.state();
    const set = planFix(analyzeWorkbook(snapshot), snapshot);
    set.changes.splice(1, 0, { kind: "set-value", sheet: "不存在", cell: "A1", value: 1, reason: "test" });
    await expect(gw.apply(set)).rejects.toBeInstanceOf(GatewayError);
    expect(gw.state()).toEqual(before);
  });

  it("a protected sheet", async () => {
    const snapshot = await readXlsxFile(join(dir, "000-07.xlsx"));
    snapshot.sheets[1].protected = true;
    const gw = new MemoryGateway(snapshot);
    const before = gw.state();
    const set = planFix(analyzeWorkbook(snapshot), snapshot);
    await expect(gw.apply(set)).rejects.toMatchObject({ code: "protected" });
    expect(gw.state()).toEqual(before);
  });
});
