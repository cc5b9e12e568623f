import { formulaUncached } from "../../src/engine/rules/formula-uncached";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { testRule } from "../support/rule-tester";
import { cleanRows, layoutA, type Row } from "../support/tables";
import type { CellValue } from "../../src/engine/grid/types";

/** A formula cell saved without its result, as files written by other programs hold them. */
const uncached = (f: string) => ({ f, v: null }) as unknown as CellValue;

/** cleanRows (rows 4–10) with the score of row `i` replaced by `score`. */
function rowsWithScore(i: number, score: CellValue): Row[] {
  return cleanRows().map((r, k) => (k === i ? [r[0], r[1], r[2], r[3], r[4], r[5], score, r[7]] : r));
}

const withTotal = (rows: Row[], total: string) => [layoutA({ rows, total: [100, uncached(total)] })];

testRule(formulaUncached, {
  valid: [
    { name: "no formulas", sheets: [layoutA({ rows: cleanRows(), total: [100, 100] })] },
    { name: "uncached formulas that evaluate", sheets: withTotal(rowsWithScore(3, uncached("ROUND(F7*1,2)")), "SUM(G4:G10)") },
  ],
  invalid: [
    {
      name: "an unsupported function, and the total that depends on it",
      sheets: withTotal(rowsWithScore(3, uncached("VLOOKUP(C7,Z1:AA9,2,FALSE)")), "SUM(G4:G10)"),
      errors: [{ cell: "G7", includes: "G11" }],
    },
    {
      name: "a cycle between two scores",
      sheets: withTotal(rowsWithScore(3, uncached("G8")).map((r, k) => (k === 4 ? [r[0], r[1], r[2], r[3], r[4], r[5], uncached("G7"), r[7]] : r)) as Row[], "SUM(G4:G10)"),
      errors: [{ cell: "G7", includes: "循环引用" }],
    },
  ],
});

describe("a value that cannot be evaluated is unknown, never 0", () => {
  const sheets = withTotal(rowsWithScore(3, uncached("VLOOKUP(C7,Z1:AA9,2,FALSE)")), "SUM(G4:G10)");
  const a = analyzeWorkbook({ source: "t", sheets });

  it("raises no error or warning, only one note for the table", () => {
    expect(a.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(["formula-uncached G7"]);
    expect(a.findings[0].severity).toBe("info");
    expect(a.uncomputed.map((u) => [u.kind, u.pos])).toEqual([
      ["unsupported", { row: 6, col: 6 }],
      ["dependency", { row: 10, col: 6 }],
    ]);
  });

  it("leaves the score total unknown; the grade comes from the rule's scores", () => {
    const calc = a.calcs[0];
    expect(calc.scoreTotal).toBeNull();
    expect(calc.ruleScoreTotal!.toFixed()).toBe("100");
    expect(calc.grade).toBe("优");
    expect(calc.weightTotal!.toFixed()).toBe("100");
    expect(calc.weightedCount).toBe(7);
  });

  it("an unknown weight leaves the weight total unknown and weights-sum silent", () => {
    const rows = cleanRows().map((r, k) => (k === 3 ? [r[0], r[1], r[2], r[3], r[4], uncached("XLOOKUP(1,A:A,B:B)"), r[6], r[7]] : r)) as Row[];
    const b = analyzeWorkbook({ source: "t", sheets: [layoutA({ rows, total: [uncached("SUM(F4:F10)"), 100] })] });
    expect(b.calcs[0].weightTotal).toBeNull();
    expect(b.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});

describe("evaluated formulas are checked like saved ones", () => {
  it("a SUM that skips a row, saved without its result, is still caught", () => {
    const a = analyzeWorkbook({ source: "t", sheets: withTotal(cleanRows(), "SUM(G4:G9)") });
    expect(a.uncomputed).toEqual([]);
    expect(a.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.cell}`).sort()).toEqual(["formula-range G11", "total-mismatch G11"]);
    expect(a.calcs[0].table.total!.score!.value!.toFixed()).toBe("90");
  });

  it("a grade computed by IF is read", () => {
    const a = analyzeWorkbook({
      source: "t",
      sheets: [layoutA({ rows: cleanRows(), total: [100, uncached("SUM(G4:G10)")], below: [["评价结果等次:", uncached('IF(G11>=90,"优","良")')]] })],
    });
    expect(a.calcs[0].table.declaredGrade?.grade).toBe("优");
    expect(a.findings).toEqual([]);
  });
});
