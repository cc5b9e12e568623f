/** Which form a table is: the 50/30/10/10 split belongs to the national project form only. */
import { readForm } from "../../src/engine/recognize/form";
import { Dec } from "../../src/engine/values/decimal";
import { sheet } from "../support/grid";
import { recognize } from "./helpers";

const form = (names: string[], captions: string[] = [], funds = false, fundsWeight: number | null = null) =>
  readForm({ level1Names: names, captions, hasFundsBlock: funds, fundsWeight: fundsWeight === null ? null : new Dec(fundsWeight) });

describe("the form of a table", () => {
  it("产出 · 效益 · 满意度 (成本) with a funds block is the national project form", () => {
    expect(form(["产出指标", "效益指标", "满意度指标"], ["项目支出绩效自评表"], true, 10)).toBe("national-project");
    expect(form(["产出指标", "成本指标", "效益指标", "满意度指标"], [], true)).toBe("national-project");
  });

  it("投入 · 过程 · 产出 · 效果, or a 部门整体 title, is department-wide", () => {
    expect(form(["投入", "过程", "产出", "效果"])).toBe("department");
    expect(form(["产出指标", "效益指标", "满意度指标"], ["部门整体支出绩效自评表"], true)).toBe("department");
  });

  it("决策 · 过程 · 产出 · 效益 is a financial or third-party evaluation", () => {
    expect(form(["决策", "过程", "产出", "效益"], ["某项目绩效评价评分表"])).toBe("third-party");
  });

  it("a funds block worth other than 10 is a province's own form, not the national one", () => {
    expect(form(["产出指标", "效益指标", "满意度指标"], [], true, 20)).toBe("provincial-project");
  });

  it("is set on recognised tables", () => {
    const t = recognize(
      sheet("表", [
        ["某区部门整体支出绩效评价评分表"],
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        ["投入", "预算配置", "在职人员控制率", 20, 20],
        ["过程", "预算执行", "预算完成率", 20, 20],
        ["产出", "职责履行", "重点工作完成率", 30, 30],
        ["效果", "履职效益", "社会效益", 30, 30],
      ]),
    ).tables[0];
    expect(t.form).toBe("department");
  });
});

it("小计 rows do not hide the national form", () => {
  const t = recognize(
    sheet("表", [
      ["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 100, 100, 10, "100%", 10],
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["产出指标", "数量指标", "人数", 50, 50],
      ["产出指标", "小计", null, 50, 50],
      ["效益指标", "社会效益", "受益", 30, 30],
      ["满意度指标", "满意度", "满意度", 10, 10],
      ["合计", null, null, 100, 100],
    ]),
  ).tables[0];
  expect(t.form).toBe("national-project");
});
