import ExcelJS from "exceljs";
import { readXlsxBytes } from "../../src/xlsx/read";
import { analyzeWorkbook, type Analysis } from "../../src/engine/analyze";

/**
 * A workbook as report generators write it: formulas with no saved results, weights on another
 * sheet, the total a SUM and the grade an IF.
 */
async function generated(scoreFormula: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const params = wb.addWorksheet("参数 表");
  params.addRows([["指标", "分值"], ["立项", 20], ["资金", 30], ["产出", 50]]);
  const ws = wb.addWorksheet("评分表");
  ws.addRows([
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["决策", "项目立项", "立项依据充分性", "充分", "充分", null, null],
    ["过程", "资金管理", "资金到位率", "100%", "100%", null, null],
    ["产出", "产出数量", "实际完成率", "≥95%", "96%", null, null],
    ["合计", null, null, null, null, null, null],
    ["评价等级", null, null, null, null, null, null],
  ]);
  for (const [r, p] of [[2, 2], [3, 3], [4, 4]]) {
    ws.getCell(`F${r}`).value = { formula: `'参数 表'!B${p}` } as ExcelJS.CellFormulaValue;
    ws.getCell(`G${r}`).value = { formula: r === 4 ? scoreFormula : `F${r}` } as ExcelJS.CellFormulaValue;
  }
  ws.getCell("F5").value = { formula: "SUM(F2:F4)" } as ExcelJS.CellFormulaValue;
  ws.getCell("G5").value = { formula: "SUM(G2:G4)" } as ExcelJS.CellFormulaValue;
  ws.getCell("B6").value = { formula: 'IF(G5>=90,"优",IF(G5>=80,"良","中"))' } as ExcelJS.CellFormulaValue;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The 评分表 (the 参数 sheet is a small weights table of its own). */
const scoring = (a: Analysis) => a.calcs.find((c) => c.table.sheet === "评分表")!;

describe("formulas saved without results, read from an .xlsx", () => {
  it("are evaluated across sheets and checked", async () => {
    const a = analyzeWorkbook(await readXlsxBytes(await generated("ROUND(F4*1,2)"), "gen.xlsx"));
    expect(a.uncomputed).toEqual([]);
    const calc = scoring(a);
    expect(calc.weightTotal?.toFixed()).toBe("100");
    expect(calc.scoreTotal?.toFixed()).toBe("100");
    expect(calc.table.total?.score?.value?.toFixed()).toBe("100");
    expect(calc.table.declaredGrade?.grade).toBe("优");
    expect(a.findings).toEqual([]);
  });

  it("a wrong evaluated score is caught like a typed one", async () => {
    const a = analyzeWorkbook(await readXlsxBytes(await generated("F4"), "gen.xlsx"));
    expect(a.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
    const b = analyzeWorkbook(await readXlsxBytes(await generated("F4*1.1"), "gen.xlsx"));
    expect(b.findings.map((f) => `${f.rule} ${f.cell}`)).toContain("score-exceeds-weight G4");
  });

  it("what cannot be evaluated stays unknown: one note, no error", async () => {
    const a = analyzeWorkbook(await readXlsxBytes(await generated("INDIRECT(\"F4\")"), "gen.xlsx"));
    expect(a.findings.map((f) => `${f.severity} ${f.rule} ${f.cell}`)).toEqual(["info formula-uncached G4"]);
    expect(a.findings[0].message.zh).toContain("G5");
    expect(scoring(a).scoreTotal).toBeNull();
    expect(scoring(a).table.declaredGrade).toBeNull();
  });
});
