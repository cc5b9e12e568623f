/**
 * 部门整体 forms as departments publish them: a 分值 column per level after the names, 二级单位
 * tables stacked on one sheet, the grade in the title or on its own line, said once.
 */
import { analyzeWorkbook } from "../../src/engine/analyze";
import { summarizeTable } from "../../src/engine/report";
import { sheet, workbook } from "../support/grid";

const analyze = (rows: Parameters<typeof sheet>[1]) => analyzeWorkbook(workbook(sheet("自评表", rows)));
const findings = (a: ReturnType<typeof analyze>) => a.findings.filter((f) => f.severity !== "info").map((f) => `${f.severity} ${f.rule} ${f.cell}`);

const body = (l2Weight: number) => [
  ["履职效能", "重点工作", "重点工作完成率", 60, 60, 30, "完成率×30分", 29],
  [null, null, "完成质量", null, null, 30, "达标得30分", 30],
  ["管理效率", "预算管理", "预算执行率", 40, l2Weight, 20, "执行率×20分", 19],
  [null, null, "政府采购执行率", null, null, 20, "执行率×20分", 20],
  ["合计", null, null, 100, 100, 100, null, 98],
];

describe("a 分值 column per level after the names", () => {
  it.each([
    [["一级指标", "二级指标", "三级指标", "一级指标分值", "二级指标分值", "三级指标分值", "评分标准", "自评得分"]],
    [["一级指标", "二级指标", "三级指标", "一级分值", "二级分值", "三级分值", "评分标准", "自评得分"]],
  ])("reads each level's points by its title", (header) => {
    const a = analyze([header, ...body(40)]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 4, weightTotal: "100", scoreTotal: "98", declaredWeightTotal: "100" });
    expect(a.calcs[0].table.columns.levelWeights).toEqual([{ level: 1, col: 3 }, { level: 2, col: 4 }]);
    expect(findings(a)).toEqual([]);
  });
  it("指标分值 over 一级 | 二级 | 三级: the points of each level, and a 二级 at odds with its rows is said", () => {
    const a = analyze([["一级指标", "二级指标", "三级指标", "指标分值", null, null, "评分标准", "自评得分"], [null, null, null, "一级", "二级", "三级", null, null], ...body(35)]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 4, weightTotal: "100", declaredWeightTotal: "100" });
    expect(findings(a)).toEqual(["warning weight-structure B5"]);
  });
});

describe("二级单位 tables stacked on one sheet", () => {
  const unit = (name: string, rows: (string | number | null)[][]) => [[`${name}2023年度部门整体支出绩效自评表`], ["一级指标", "二级指标", "三级指标", "分值", "得分"], ...rows];
  const full = [
    ["履职效能", "重点工作", "完成率", 30, 29],
    [null, null, "完成质量", 30, 30],
    ["管理效率", "预算管理", "预算执行率", 20, 19],
    [null, null, "政府采购执行率", 20, 20],
  ];
  it("a unit that left one row out is its own table, not an excerpt of the other", () => {
    const short = full.slice(0, 3);
    const a = analyze([...unit("执法支队", [...full, ["合计", null, null, 100, 98]]), [], ...unit("信息中心", [...short, ["合计", null, null, 80, 78]])]);
    expect(a.calcs.map((c) => summarizeTable(c).weightTotal)).toEqual(["100", "80"]);
    expect(findings(a)).toContain("error weights-sum D14");
  });
});

describe("the grade above the table", () => {
  const rows = (line: string) => [
    [line],
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["履职效能", "重点工作", "完成率", 60, 59],
    ["管理效率", "预算管理", "预算执行率", 40, 37],
    ["合计", null, null, 100, 96],
  ];
  it("in the title is the table's grade", () => {
    const a = analyze(rows("某某局2023年度部门整体支出绩效自评表（自评得分：96分　自评等级：优）"));
    expect(summarizeTable(a.calcs[0]).declaredGrade).toBe("优");
    expect(findings(a)).toEqual([]);
  });
  it("a wrong one is said once, as the grade's slip", () => {
    expect(findings(analyze(rows("某某局2023年度部门整体支出绩效自评表（自评得分：96分　自评等级：良）")))).toEqual(["error grade-mismatch A1"]);
  });
});
