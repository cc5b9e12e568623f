/**
 * The Office.js gateway against office-addin-mock: what it loads from a several-sheet workbook (values,
 * formulas, number formats, value types, merged areas, protection), how many syncs and Excel.run
 * batches it takes to read and to apply, and that undo restores. Payload and merged-area limits, which
 * the mock cannot express, are in office-gateway.test.ts against test/support/fake-excel.ts.
 */
// office-addin-mock imports office-addin-manifest for one enum; the real package cannot load under
// jest (ESM-only dependencies), so this file alone gets the stand-in.
jest.mock("office-addin-manifest", () => jest.requireActual("../support/office-addin-manifest-stub"));

import { OfficeGateway } from "../../src/addin/office";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { planFix } from "../../src/engine/changes/plan";
import type { SheetSnapshot } from "../../src/engine/grid/types";
import { sheet } from "../support/grid";
import { MockWorkbook } from "../support/office-mock";
import { cleanRows, layoutA } from "../support/tables";

const table = (name: string) => layoutA({ name, rows: cleanRows(), total: [100, 99] });

/** A data sheet whose used range starts at C3: a formula, a percentage, an error, a boolean, a merge. */
function data(): SheetSnapshot {
  const s = sheet("数据", [
    ["合计", null, { f: "=SUM(D4:D5)", v: 3 }],
    ["比例", null, { v: 0.25, fmt: "0.00%" }],
    [{ error: "#DIV/0!" }, true, 2],
  ]);
  return { ...s, top: 2, left: 2, merges: [{ top: 2, left: 2, bottom: 2, right: 3 }] };
}

function workbook() {
  const hidden = { ...sheet("备注", [["说明文字"]]), hidden: true };
  const empty = sheet("空表", []);
  return new MockWorkbook([table("评分表"), data(), hidden, empty], { protect: ["数据"] });
}

describe("readWorkbook against office-addin-mock", () => {
  it("loads every sheet's values, formulas, number formats, value types, merged areas and protection", async () => {
    const wb = workbook();
    const { snapshot, stats } = await new OfficeGateway(wb.host()).readWorkbook();
    expect(snapshot.sheets.map((s) => [s.name, s.hidden, s.protected, s.top, s.left])).toEqual([
      ["评分表", false, false, 0, 0],
      ["数据", false, true, 2, 2],
      ["备注", true, false, 0, 0],
      ["空表", false, false, 0, 0],
    ]);
    expect(snapshot.sheets[1]).toMatchObject({
      values: [
        ["合计", null, 3],
        ["比例", null, 0.25],
        [{ error: "#DIV/0!" }, true, 2],
      ],
      formulas: [
        [null, null, "=SUM(D4:D5)"],
        [null, null, null],
        [null, null, null],
      ],
      numberFormats: [
        [null, null, null],
        [null, null, "0.00%"],
        [null, null, null],
      ],
      merges: [{ top: 2, left: 2, bottom: 2, right: 3 }],
    });
    // An empty string is a blank cell to Excel.
    expect(snapshot.sheets[0].values).toEqual(table("评分表").values.map((row) => row.map((v) => (v === "" ? null : v))));
    expect(snapshot.sheets[0].merges).toEqual(expect.arrayContaining(table("评分表").merges!));
    expect(snapshot.sheets[0].merges).toHaveLength(table("评分表").merges!.length);
    expect(snapshot.sheets[3].values).toEqual([]);
    expect(analyzeWorkbook(snapshot).tables).toHaveLength(1);

    // What it asked for: the sheet list, each used range's position, then each used range's contents
    // and its merged areas, queried from the used range's top-left (C3 on 数据), never from A1.
    expect([...new Set(wb.loads)].sort()).toEqual(
      [
        "WorksheetCollection:items/name,items/visibility",
        "Range(used):rowIndex,columnIndex,rowCount,columnCount",
        "Range(A1:H11):values,formulas,numberFormat,valueTypes",
        "RangeAreas(A1:H11):address",
        "Range(C3:E5):values,formulas,numberFormat,valueTypes",
        "RangeAreas(C3:E5):address",
        "Range(A1):values,formulas,numberFormat,valueTypes",
        "RangeAreas(A1):address",
      ].sort(),
    );
    expect(wb.runs).toBe(1);
    expect(wb.syncs).toBe(3);
    expect(stats.syncs).toBe(3);
  });

  it("makes as many syncs for 50 sheets as for 1", async () => {
    const counts = [];
    for (const n of [1, 50]) {
      const wb = new MockWorkbook(Array.from({ length: n }, (_, i) => table(`评分表${i + 1}`)));
      const { snapshot } = await new OfficeGateway(wb.host()).readWorkbook();
      expect(snapshot.sheets).toHaveLength(n);
      counts.push([wb.runs, wb.syncs]);
    }
    expect(counts).toEqual([
      [1, 3],
      [1, 3],
    ]);
  });

  it("asks for no merged areas without ExcelApi 1.13", async () => {
    const wb = workbook();
    const { snapshot } = await new OfficeGateway(wb.host("1.12")).readWorkbook();
    expect(wb.loads.some((l) => l.startsWith("RangeAreas"))).toBe(false);
    expect(snapshot.sheets.every((s) => s.merges === undefined)).toBe(true);
  });
});

describe("apply and undo against office-addin-mock", () => {
  async function planned(wb: MockWorkbook, version?: string) {
    const gw = new OfficeGateway(wb.host(version));
    const { snapshot } = await gw.readWorkbook();
    const set = planFix(analyzeWorkbook(snapshot), snapshot, { rescore: true, marks: true, narrative: true });
    wb.runs = wb.syncs = 0;
    return { gw, set };
  }

  it("applies in one Excel.run of two syncs, with notes where ExcelApi 1.18 exists; undo restores", async () => {
    const wb = workbook();
    const before = wb.state();
    const { gw, set } = await planned(wb);
    const journal = await gw.apply(set);
    expect([wb.runs, wb.syncs]).toEqual([1, 2]);
    const after = wb.state()["评分表"];
    expect(after.G11).toMatchObject({ formula: "=SUM(G4:G10)", fill: "#FFC7CE", note: expect.stringContaining("[ScoreCheck") });
    expect(wb.sheets.map((s) => s.name)).toEqual(["评分表", "数据", "备注", "空表", "自评报告"]);
    wb.runs = wb.syncs = 0;
    await gw.undo(journal);
    expect([wb.runs, wb.syncs]).toEqual([1, 1]);
    expect(wb.state()).toEqual(before);
  });

  it("puts the findings on a sheet without notes (ExcelApi 1.17)", async () => {
    const wb = workbook();
    const before = wb.state();
    const { gw, set } = await planned(wb, "1.17");
    const journal = await gw.apply(set);
    expect(wb.sheets.map((s) => s.name)).toContain("核查结果");
    expect(wb.state()["评分表"].G11.note).toBeNull();
    await gw.undo(journal);
    expect(wb.state()).toEqual(before);
  });

  it("refuses a protected sheet after one sync, having written nothing", async () => {
    const wb = workbook();
    const before = wb.state();
    const { gw } = await planned(wb);
    const set = { title: { zh: "t", en: "t" }, changes: [{ kind: "mark" as const, sheet: "评分表", cell: "G11", severity: "error" as const, note: "n" }, { kind: "set-value" as const, sheet: "数据", cell: "E5", value: 9, reason: "t" }] };
    await expect(gw.apply(set)).rejects.toMatchObject({ code: "protected" });
    expect([wb.runs, wb.syncs]).toEqual([1, 1]);
    expect(wb.state()).toEqual(before);
    expect(wb.sheets).toHaveLength(4);
  });
});
