/**
 * Tables as budget-management systems export them: names repeated on every row, a row per 一级/二级
 * carrying its sum, titles filled into both header rows (WPS 拆分并填充), 调整后指标值, and values
 * split into 指标值 | 单位 under their titles.
 */
import { analyzeWorkbook } from "../../src/engine/analyze";
import { summarizeTable } from "../../src/engine/report";
import { sheet, workbook } from "../support/grid";

const analyze = (rows: Parameters<typeof sheet>[1], merges: string[] = []) => analyzeWorkbook(workbook(sheet("自评表", rows, merges)));
const findings = (a: ReturnType<typeof analyze>) => a.findings.filter((f) => f.severity !== "info").map((f) => `${f.severity} ${f.rule} ${f.cell}`);

describe("a row per 二级 carrying its sum, names repeated on every row", () => {
  const rows = (groupWeight: number) => [
    ["一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "全年实际值", "分值", "得分"],
    ["产出指标", "数量指标", null, null, null, null, groupWeight, 60],
    ["产出指标", "数量指标", "新建管网长度", "大于等于", "120公里", "126公里", 30, 30],
    ["产出指标", "数量指标", "受益人口", "大于等于", "5万人", "5.2万人", 30, 30],
    ["满意度指标", "服务对象满意度指标", null, null, null, null, 40, 38],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "大于等于", "95%", "93%", 40, 38],
    ["合计", null, null, null, null, null, 100, 98],
  ];
  it("is a subtotal, not an indicator", () => {
    const a = analyze(rows(60));
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 3, weightTotal: "100", scoreTotal: "98" });
    expect(a.calcs[0].table.subtotals.map((s) => s.row)).toEqual([1, 4]);
    expect(findings(a).filter((f) => f.startsWith("error"))).toEqual([]);
  });
  it("whose figure is not its rows' sum is a subtotal slip", () => {
    expect(findings(analyze(rows(55))).filter((f) => f.startsWith("error"))).toEqual(["error subtotal-mismatch G2"]);
  });
});

describe("a target adjusted during the year", () => {
  it.each(["调整后指标值", "年度指标值（调整后）"])("is the one held to (%s)", (title) => {
    const a = analyze([
      ["一级指标", "二级指标", "三级指标", "年初指标值", title, "全年实际值", "分值", "得分"],
      ["产出指标", "数量指标", "新建管网长度", "≥120公里", "≥110公里", "115公里", 60, 60],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "≥90%", "95%", 40, 40],
      ["合计", null, null, null, null, null, 100, 100],
    ]);
    expect(a.calcs[0].table.columns.roles.target).toBe(4);
    expect(findings(a)).toEqual([]);
  });
});

describe("values split into 指标值 | 单位 under their titles", () => {
  it("the value under 全年实际值 is the actual", () => {
    const a = analyze(
      [
        ["一级指标", "二级指标", "三级指标", "年度指标值", null, "全年实际值", null, "分值", "得分"],
        [null, null, null, "指标值", "单位", "指标值", "单位", null, null],
        ["产出指标", "质量指标", "水质达标率", "≥90", "%", "88", "%", 60, 60],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90", "%", "95", "%", 40, 40],
        ["合计", null, null, null, null, null, null, 100, 100],
      ],
      ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:G1", "H1:H2", "I1:I2"],
    );
    expect(a.calcs[0].table.columns.roles.actual).toBe(5);
    expect(findings(a)).toContain("error full-score-below-target I3");
  });
});

describe("titles filled into both header rows (merges lost)", () => {
  it("are one header, and the funds block above stays the table's", () => {
    const a = analyze([
      ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", 100, 100, 98, 10, "98%", 9.8],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "年度指标值", "全年实际值", "分值", "得分"],
      ["一级指标", "二级指标", "三级指标", "数值", "单位", "数值", "分值", "得分"],
      ["产出指标", "数量指标", "新建管网长度", "≥120", "公里", "126", 50, 50],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90", "%", "95", 40, 40],
      ["合计", null, null, null, null, null, 100, 99.8],
    ]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ range: "A1:H7", indicators: 2, weightTotal: "100", scoreTotal: "99.8" });
    expect(findings(a).filter((f) => f.startsWith("error"))).toEqual([]);
  });
});
