/**
 * Several tables on one sheet, kept apart: side by side with a note in the column between, stacked
 * with only a 项目名称 line or the next funds block between, a 指标体系 above its 评分表.
 */
import { analyzeWorkbook } from "../../src/engine/analyze";
import { summarizeTable } from "../../src/engine/report";
import { sheet, workbook } from "../support/grid";

const analyze = (rows: Parameters<typeof sheet>[1]) => analyzeWorkbook(workbook(sheet("自评表", rows)));
const errors = (a: ReturnType<typeof analyze>) => a.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.cell}`);
const ranges = (a: ReturnType<typeof analyze>) => a.calcs.map((c) => `${summarizeTable(c).range} ${summarizeTable(c).weightTotal}/${summarizeTable(c).scoreTotal}`);

const header = ["一级指标", "二级指标", "三级指标", "分值", "得分"];
const body = (s: number) => [
  ["产出指标", "数量指标", "完成数量", 50, 50],
  ["效益指标", "社会效益指标", "受益人数", 30, s],
  ["满意度指标", "服务对象满意度指标", "满意度", 20, 20],
];

describe("tables side by side", () => {
  it("stay apart when the column between holds a note", () => {
    const rows = [header, ...body(30)].map((r, i) => [...r, i === 1 ? "注：2022年" : null, ...(i === 0 ? header : body(28)[i - 1])]);
    const a = analyze(rows);
    expect(ranges(a)).toEqual(["A1:E4 100/100", "G1:K4 100/98"]);
    expect(errors(a)).toEqual([]);
  });
});

describe("tables stacked without total rows", () => {
  it("a 项目名称 line and the same header again start the next table", () => {
    const a = analyze([["项目名称：甲项目"], header, ...body(30), ["项目名称：乙项目"], header, ...body(28)]);
    expect(ranges(a)).toEqual(["A2:E5 100/100", "A7:E10 100/98"]);
    expect(errors(a)).toEqual([]);
  });
  it("the same header again over names already read is another unit's copy", () => {
    const a = analyze([header, ...body(30), header, ...body(28)]);
    expect(ranges(a)).toEqual(["A1:E4 100/100", "A5:E8 100/98"]);
  });
  it("the next project's funds block ends the table above", () => {
    const a = analyze([
      header,
      ...body(30),
      ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", 100, 100, 100, 10, "100%", 10],
      header,
      ["产出指标", "数量指标", "完成数量", 50, 50],
      ["效益指标", "社会效益指标", "受益人数", 30, 30],
      ["满意度指标", "服务对象满意度指标", "满意度", 10, 10],
      ["总分", null, null, 100, 100],
    ]);
    expect(ranges(a)).toEqual(["A1:E4 100/100", "A5:H11 100/100"]);
    expect(errors(a)).toEqual([]);
  });
  it("a 评分表 header (with 得分) under a 指标体系 (without) is a table of its own", () => {
    const plain = ["一级指标", "二级指标", "三级指标", "分值"];
    const a = analyze([plain, ...body(30).map((r) => r.slice(0, 4)), header, ...body(28)]);
    expect(ranges(a)).toEqual(["A1:D4 100/null", "A5:E8 100/98"]);
    expect(errors(a)).toEqual([]);
  });
});
