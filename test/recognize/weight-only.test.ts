/** Weight-only tables (指标体系): weights in names, shares of 一级, a sole child carrying its group's weight. */
import { sheet } from "../support/grid";
import { errors, recognize, summary, warnings } from "./helpers";

describe("weights inside names, no weight column", () => {
  const s = sheet(
    "体系",
    [
      ["一级指标", "二级指标", "三级指标", "得分"],
      ["决策(20分)", "项目立项(10分)", "立项依据充分性(5分)", null],
      [null, null, "立项程序规范性(5分)", null],
      [null, "绩效目标(10分)", "目标明确性", null],
      ["产出(80分)", "产出数量(80分)", "完成率(50分)", null],
      [null, null, "及时率(30分)", null],
    ],
    ["A2:A4", "B2:B3", "A5:A6", "B5:B6"],
  );

  it("reads each name's weight; an indicator alone in its group carries the group's", () => {
    const t = recognize(s).tables[0];
    expect(t.indicators.map((i) => [i.name, i.weight?.value?.toFixed()])).toEqual([
      ["立项依据充分性", "5"],
      ["立项程序规范性", "5"],
      ["目标明确性", "10"],
      ["完成率", "50"],
      ["及时率", "30"],
    ]);
    expect(t.hasScores).toBe(false);
    expect(summary(s)[0]).toMatchObject({ indicators: 5, weightTotal: "100", scoreTotal: null });
    expect(errors(s)).toEqual([]);
    expect(warnings(s).filter((w) => w.startsWith("weight-structure"))).toEqual([]);
  });

  it("a bare name with no weight and siblings is a template placeholder", () => {
    const t = recognize(
      sheet("体系", [
        ["一级指标", "二级指标", "三级指标", "得分"],
        ["决策(20分)", "项目立项(20分)", "立项依据充分性(20分)", null],
        [null, null, "（自行设置）", null],
        ["产出(80分)", "产出数量(80分)", "完成率(80分)", null],
      ]),
    ).tables[0];
    expect(t.indicators.map((i) => i.name)).toEqual(["立项依据充分性", "完成率"]);
  });

  it("percent weights in names (决策(10.8%)) are points of 100", () => {
    const t = recognize(
      sheet("体系", [
        ["一级指标", "二级指标", "指标说明"],
        ["决策(10.8%)", "立项规范(10.8%)", "说明"],
        ["产出(89.2%)", "完成率(89.2%)", "说明"],
      ]),
    ).tables[0];
    expect(t.indicators.map((i) => i.weight?.value?.toFixed())).toEqual(["10.8", "89.2"]);
  });
});

describe("shares relative to the 一级", () => {
  it("三级 分值 adding to 100 inside each 一级 权重 are shares of it", () => {
    const s = sheet("表", [
      ["一级指标", "权重", "二级指标", "分值", "三级指标", "分值"],
      ["预算绩效", 40, "预算管理", 60, "执行进度", 60],
      [null, null, "财务管理", 40, "差错率", 40],
      ["项目产出", 60, "产出数量", 100, "论文发表率", 50],
      [null, null, null, null, "成果输出率", 50],
      ["总分", 100],
    ]);
    const t = recognize(s).tables[0];
    expect(t.weightScale).toBe("relative");
    expect(t.indicators.map((i) => i.weight?.value?.toFixed())).toEqual(["24", "16", "30", "30"]);
    expect(t.groupWeights.filter((g) => g.level === 2).map((g) => g.declared.toFixed())).toEqual(["24", "16", "60"]);
    expect(summary(s)[0]).toMatchObject({ weightTotal: "100", declaredWeightTotal: "100" });
    expect(errors(s)).toEqual([]);
  });

  it("二级 shares of their 一级 in names while indicators are in points", () => {
    const t = recognize(
      sheet("表", [
        ["一级指标", "二级指标", "三级指标", "分值"],
        ["决策(20分)", "项目立项(50%)", "立项依据", 10],
        [null, "绩效目标(50%)", "目标明确性", 10],
        ["产出(80分)", "产出数量(100%)", "完成率", 80],
      ]),
    ).tables[0];
    expect(t.groupWeights.filter((g) => g.level === 2).map((g) => [g.name, g.declared.toFixed()])).toEqual([
      ["项目立项", "10"],
      ["绩效目标", "10"],
      ["产出数量", "80"],
    ]);
  });
});
