/**
 * Third-party 评分表 as evaluation firms publish them: 评价要点 rows under a 三级 row that sums
 * them, 评分标准 wrapped onto rows of its own, a 分值 and 得分 beside every level, 平均分 titles.
 */
import { analyzeWorkbook } from "../../src/engine/analyze";
import { summarizeTable } from "../../src/engine/report";
import { sheet, workbook } from "../support/grid";

const analyze = (rows: Parameters<typeof sheet>[1]) => analyzeWorkbook(workbook(sheet("评分表", rows)));
const findings = (a: ReturnType<typeof analyze>) => a.findings.filter((f) => f.severity !== "info").map((f) => `${f.severity} ${f.rule} ${f.cell}`);

const header = ["一级指标", "二级指标", "三级指标", "评价要点", "分值", "评分标准", "评价得分"];

describe("a 三级 row over its 评价要点 rows", () => {
  const rows = (headScore: number, total: number) => [
    header,
    ["决策", "项目立项", "立项依据充分性", null, 30, null, 30],
    [null, null, null, "是否符合相关政策", 15, "符合得15分", 15],
    [null, null, null, "是否与部门职责相符", 15, "相符得15分", 15],
    [null, null, "立项程序规范性", null, 20, null, headScore],
    [null, null, null, "是否按程序申请", 10, "按程序得10分", 10],
    [null, null, null, "是否经过论证", 10, "每缺一项扣2分", 6],
    ["产出", "产出数量", "实际完成率", "完成率", 50, "按比例得分", 45],
    ["合计", null, null, null, 100, null, total],
  ];
  it("is the subtotal of its 要点, which are the indicators", () => {
    const a = analyze(rows(16, 91));
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 5, weightTotal: "100", scoreTotal: "91" });
    expect(a.calcs[0].table.subtotals.map((s) => s.row)).toEqual([1, 4]);
    expect(findings(a)).toEqual([]);
  });
  it("whose score is not its 要点's sum is a subtotal slip", () => {
    expect(findings(analyze(rows(17, 91)))).toEqual(["error subtotal-mismatch G5"]);
  });
  it("stays an indicator with parts when the rows add up to the total with it", () => {
    const a = analyze([
      header,
      ["决策", "项目立项", "立项依据充分性", "依据充分", 20, "充分得20分", 20],
      [null, null, null, "是否符合相关政策", 10, "符合得10分", 10],
      [null, null, null, "是否与部门职责相符", 10, "相符得10分", 10],
      ["产出", "产出数量", "实际完成率", "完成率", 60, "按比例得分", 55],
      ["合计", null, null, null, 100, null, 95],
    ]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 4, weightTotal: "100", scoreTotal: "95" });
    expect(findings(a)).toEqual([]);
  });
});

describe("评分标准 wrapped onto a row of its own", () => {
  it("does not cut the next 要点 off its indicator", () => {
    const a = analyze([
      header,
      ["决策", "项目立项", "立项依据充分性", "是否符合相关政策", 15, "符合得15分，", 15],
      [null, null, null, null, null, "不符合不得分。", null],
      [null, null, null, "是否与部门职责相符", 15, "相符得15分", 15],
      ["产出", "产出数量", "实际完成率", "完成率", 70, "按比例得分", 65],
      ["合计", null, null, null, 100, null, 95],
    ]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 3, weightTotal: "100", scoreTotal: "95" });
    expect(findings(a)).toEqual([]);
  });
});

describe("a 分值 and 得分 beside every level", () => {
  it("checks the deepest 得分, beside the indicators", () => {
    const a = analyze([
      ["一级指标", "分值", "得分", "二级指标", "分值", "得分", "三级指标", "分值", "得分"],
      ["决策", 40, 36, "项目立项", 40, 36, "立项依据充分性", 20, 20],
      [null, null, null, null, null, null, "立项程序规范性", 20, 16],
      ["产出", 60, 58, "产出数量", 60, 58, "实际完成率", 60, 58],
      ["合计", 100, 94, null, null, null, null, null, null],
    ]);
    expect(a.calcs[0].table.columns.roles.score).toBe(8);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 3, weightTotal: "100", scoreTotal: "94" });
    expect(findings(a)).toEqual([]);
  });
});

describe("the experts' average titled 平均分", () => {
  it("is the score checked, not the first expert's", () => {
    const a = analyze([
      ["一级指标", "二级指标", "三级指标", "分值", "专家1", "专家2", "专家3", "平均分"],
      ["决策", "项目立项", "立项依据充分性", 40, 38, 36, 37, 37],
      ["产出", "产出数量", "实际完成率", 60, 55, 57, 56, 56],
      ["合计", null, null, 100, 93, 93, 93, 93],
    ]);
    expect(a.calcs[0].table.columns.roles.score).toBe(7);
    expect(findings(a)).toEqual([]);
  });
});
