import { parseFormula } from "../../src/engine/formula/parse";
import { computeUncachedFormulas } from "../../src/engine/formula/workbook";
import type { CellValue } from "../../src/engine/grid/types";
import { sheet, workbook } from "../support/grid";

/** Evaluates `formula` in C1 of a sheet whose A and B columns hold `data`, with no cached value. */
function evalIn(formula: string, data: CellValue[][] = [], extra: ReturnType<typeof sheet>[] = []) {
  const rows = data.map((r) => [...r]);
  while (rows.length < 1) rows.push([]);
  const s = sheet("表1", rows.map((r, i) => (i === 0 ? [r[0] ?? null, r[1] ?? null, { f: formula, v: null }] : r)));
  const pass = computeUncachedFormulas(workbook(s, ...extra));
  return { value: pass.workbook.sheets[0].values[0][2], pass };
}

const grid: CellValue[][] = [
  [10, 20],
  [30, 40],
  [5, "文本"],
  [null, true],
];

describe("formula evaluation", () => {
  it.each([
    ["1+2*3", 7],
    ["(1+2)*3", 9],
    ["-A1+B1", 10],
    ["-2^2", 4],
    ["10/4", 2.5],
    ["0.1+0.2", 0.3],
    ["50%*A2", 15],
    ["SUM(A1:B2)", 100],
    ["SUM(A1:A4,B1,7)", 72],
    ["SUM(A1:B4)", 105],
    ["AVERAGE(A1:A3)", 15],
    ["MIN(A1:B3)", 5],
    ["MAX(A1:B3)", 40],
    ["ROUND(2.345,2)", 2.35],
    ["ROUND(-2.345,2)", -2.35],
    ["ROUND(1234.5,-2)", 1200],
    ["ROUNDUP(2.341,2)", 2.35],
    ["ROUNDDOWN(2.349,2)", 2.34],
    ["ROUND(A1/3,2)", 3.33],
    ['IF(A1>=10,"优","良")', "优"],
    ['IF(A1<>10,1,2)', 2],
    ["IF(A4=0,1,2)", 1],
    ['IF(B3="文本",A2,0)', 30],
    ["IFERROR(A1/A4,0)", 0],
    ["SUBTOTAL(9,A1:A3)", 45],
    ["$A$1+A$2", 40],
    ["A4+1", 1],
    ["SUM(A:A)", 45],
  ])("=%s → %p", (formula, expected) => {
    expect(evalIn(formula, grid).value).toEqual(expected);
  });

  it("reads other sheets, quoted or not", () => {
    const other = sheet("Sheet 2", [[1, 2], [3, 4]]);
    const plain = sheet("得分", [[7]]);
    expect(evalIn("SUM('Sheet 2'!A1:B2)+得分!A1", [], [other, plain]).value).toBe(17);
    expect(evalIn("'sheet 2'!B2*2", [], [other]).value).toBe(8);
  });

  it("SUBTOTAL(9, …) leaves out the 小计 rows that are SUBTOTALs themselves, as Excel does", () => {
    const s = sheet("表", [
      [4],
      [6],
      [{ f: "SUBTOTAL(9,A1:A2)", v: null }],
      [5],
      [{ f: "SUBTOTAL(9,A4:A4)", v: null }],
      [{ f: "SUBTOTAL(9,A1:A5)", v: null }],
      [{ f: "SUBTOTAL(1,A1:A5)", v: null }],
    ]);
    const pass = computeUncachedFormulas(workbook(s));
    expect(pass.workbook.sheets[0].values.map((r) => r[0]).slice(2)).toEqual([10, 5, 5, 15, null]);
    expect(pass.uncomputed.map((u) => u.detail)).toEqual(["nested SUBTOTAL"]);
  });

  it("evaluates chains of uncached formulas in any order", () => {
    const s = sheet("表", [
      [{ f: "A2+A3", v: null }],
      [{ f: "A3*2", v: null }],
      [{ f: "ROUND(10/3,2)", v: null }],
    ]);
    const pass = computeUncachedFormulas(workbook(s));
    expect(pass.workbook.sheets[0].values.map((r) => r[0])).toEqual([9.99, 6.66, 3.33]);
    expect(pass.uncomputed).toEqual([]);
    expect(pass.computed).toHaveLength(3);
  });

  it("keeps cached values and leaves the input snapshot untouched", () => {
    const s = sheet("表", [[1, { f: "A1*100", v: 5 }, { f: "A1*2", v: null }]]);
    const pass = computeUncachedFormulas(workbook(s));
    expect(pass.workbook.sheets[0].values[0]).toEqual([1, 5, 2]);
    expect(s.values[0][2]).toBeNull();
    const none = workbook(sheet("表", [[1, 2]]));
    expect(computeUncachedFormulas(none).workbook).toBe(none);
  });

  it("a cycle stays unknown, never 0", () => {
    const s = sheet("表", [[{ f: "B1+1", v: null }, { f: "A1+1", v: null }, { f: "A1*2", v: null }]]);
    const pass = computeUncachedFormulas(workbook(s));
    expect(pass.workbook.sheets[0].values[0]).toEqual([null, null, null]);
    expect(pass.uncomputed.map((u) => u.kind)).toEqual(["cycle", "cycle", "cycle"]);
  });

  it("an unsupported function, an error or a missing sheet stays unknown, and so do cells that use it", () => {
    const s = sheet("表", [[{ f: "VLOOKUP(1,D1:E2,2)", v: null }, { f: "A1+1", v: null }, { f: "1/0", v: null }, { f: "Nope!A1", v: null }, { f: "SUM(Total)", v: null }]]);
    const pass = computeUncachedFormulas(workbook(s));
    expect(pass.workbook.sheets[0].values[0]).toEqual([null, null, null, null, null]);
    expect(pass.uncomputed.map((u) => [u.pos.col, u.kind, u.detail])).toEqual([
      [0, "unsupported", "VLOOKUP"],
      [1, "dependency", "表!A1"],
      [2, "error", "#DIV/0!"],
      [3, "error", "#REF!"],
      [4, "unsupported", expect.any(String)],
    ]);
  });

  it("an error value in a referenced cell propagates; IFERROR catches it", () => {
    const s = sheet("表", [[{ error: "#N/A" }, { f: "A1+1", v: null }, { f: "IFERROR(A1,9)", v: null }]]);
    const pass = computeUncachedFormulas(workbook(s));
    expect(pass.workbook.sheets[0].values[0].slice(1)).toEqual([null, 9]);
    expect(pass.uncomputed[0]).toMatchObject({ kind: "error", detail: "#N/A" });
  });

  it("evaluates a chain thousands of cells long without deep recursion", () => {
    const n = 5000;
    const rows = Array.from({ length: n }, (_, i) => [i === n - 1 ? 1 : { f: `A${i + 2}+1`, v: null }]);
    const pass = computeUncachedFormulas(workbook(sheet("表", rows as never)));
    expect(pass.uncomputed).toEqual([]);
    expect(pass.workbook.sheets[0].values[0][0]).toBe(n);
  });

  it("parses what it can and refuses the rest", () => {
    expect(parseFormula("=SUM(F4:F10)/2")).toMatchObject({ k: "binary", op: "/" });
    expect(() => parseFormula("=SUM(F4:F10")).toThrow();
    expect(() => parseFormula("={1,2}")).toThrow();
  });
});
