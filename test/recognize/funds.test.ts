/** The funds block (项目资金): its columns, its points, where it starts. */
import { SheetView } from "../../src/engine/grid/sheet-view";
import { readFunds } from "../../src/engine/recognize/funds";
import { sheet } from "../support/grid";
import { recognize } from "./helpers";

const fundsOf = (rows: Parameters<typeof sheet>[1]) => {
  const view = new SheetView(sheet("表", rows));
  return readFunds(view, view.top, view.bottom);
};

describe("funds block", () => {
  it("column titles with their unit (全年预算数（万元）), and the block starts at its heading, not at a project name with 资金", () => {
    const f = fundsOf([
      ["项目名称", "困难群众救助资金"],
      ["项目资金（万元）", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "分值", "执行率", "得分"],
      ["年度资金总额", 100, 100, 95, 10, "95%", 9.5],
    ]);
    expect(f?.range.top).toBe(1);
    expect([f?.budget?.value?.toFixed(), f?.executed?.value?.toFixed(), f?.weight?.value?.toFixed(), f?.score?.value?.toFixed()]).toEqual(["100", "95", "10", "9.5"]);
  });

  it("a caption title over no figure is not the budget column (年度预算数(万元) over the row labels)", () => {
    const f = fundsOf([
      ["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"],
      [null, "总额", 238.93, 251.89, 251.89, "100.00%", 10, null],
    ]);
    expect([f?.budget?.pos.col, f?.budget?.value?.toFixed(), f?.weight?.value?.toFixed()]).toEqual([3, "251.89", "10"]);
  });

  it("points stated in the block's heading when it has no 分值 column (预算执行情况(万元) (20分))", () => {
    const f = fundsOf([
      ["预算执行情况(万元) (20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)"],
      ["年度财政资金总额", 200, 195.5, "97.75%", 19.55],
    ]);
    expect([f?.weight?.value?.toFixed(), f?.score?.value?.toFixed()]).toEqual(["20", "19.55"]);
  });
});

describe("funds blocks of tables side by side", () => {
  it("each table reads the funds block above it", () => {
    const one = (budget: number, spent: number, score: number) => [
      ["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", budget, spent, 10, `${(spent / budget) * 100}%`, score],
      ["一级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "人数", "100人", "100人", 50, 50],
      ["效益指标", "满意度", "≥90%", "95%", 40, 40],
    ];
    const a = one(100, 100, 10);
    const b = one(200, 150, 7.5);
    const r = recognize(sheet("并排", a.map((row, i) => [...row, null, ...b[i]])));
    expect(r.tables.map((t) => [t.funds?.budget?.value?.toFixed(), t.funds?.budget?.pos.col])).toEqual([
      ["100", 1],
      ["200", 8],
    ]);
  });
});
