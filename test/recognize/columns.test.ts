/** Step 2 — map columns to roles: the header's words, then evidence from the figures below. */
import { SheetView } from "../../src/engine/grid/sheet-view";
import { mapColumns } from "../../src/engine/recognize/columns";
import { locateHeader } from "../../src/engine/recognize/locate";
import { sheet } from "../support/grid";
import { errors, summary } from "./helpers";

const columnsOf = (rows: unknown[][]) => {
  const view = new SheetView(sheet("表", rows as never));
  const h = locateHeader(view, 0, { left: 0, right: view.right })!;
  return mapColumns(view, h);
};

describe("weight column titles", () => {
  it.each(["分值", "标准分", "满分", "权重(%)", "权重（%）", "权数", "指标分值", "参考分值"])("%s is the weight column", (word) => {
    const c = columnsOf([["一级指标", "三级指标", word, "得分"]]);
    expect(c.columns.roles.weight).toBe(2);
    expect(c.columns.roles.score).toBe(3);
  });
});

describe("column order and text columns", () => {
  const rows = [
    ["一级指标", "三级指标", "指标解释", "评分细则", "得分", "分值"],
    ["产出指标", "补助人数", "发放人数", "足额发放得满分", 58, 60],
    ["效益指标", "满意度", "问卷调查", "≥90%得满分", 40, 40],
    ["合计", null, null, null, 98, 100],
  ];

  it("text columns between name and weight, score before weight", () => {
    const c = columnsOf(rows);
    expect(c.columns.roles).toMatchObject({ level1: 0, level3: 1, explain: 2, score: 4, weight: 5 });
    expect(summary(sheet("表", rows as never))[0]).toMatchObject({ indicators: 2, weightTotal: "100", scoreTotal: "98", declaredWeightTotal: "100", declaredScoreTotal: "98" });
    expect(errors(sheet("表", rows as never))).toEqual([]);
  });

  it("指标说明 and 评分标准 are text columns, not names", () => {
    const c = columnsOf([["一级指标", "二级指标", "三级指标", "指标说明", "评分标准", "分值", "得分"]]);
    expect(c.columns.nameCols).toEqual([0, 1, 2]);
    expect(c.columns.roles.explain).toBe(3);
  });
});

describe("evidence from the figures", () => {
  it("a weight column beside each level weighs that level (一级指标 | 权重 | 二级指标 | 分值 | 三级指标 | 分值)", () => {
    const c = columnsOf([["一级指标", "权重", "二级指标", "分值", "三级指标", "分值"]]);
    expect(c.columns.levelWeights).toEqual([
      { level: 1, col: 1 },
      { level: 2, col: 3 },
    ]);
    expect(c.columns.roles.weight).toBe(5);
  });

  it("of two columns titled like weights, the one adding up like weights is the weight, the other below it the score", () => {
    const c = columnsOf([
      ["一级指标", "三级指标", "分数", "标准分"],
      ["产出", "补助人数", 55, 60],
      ["效益", "满意度", 38, 40],
    ]);
    expect(c.columns.roles).toMatchObject({ weight: 3, score: 2 });
    expect(c.doubts).toEqual([]);
  });

  it("says so when the figures cannot tell two weight columns apart", () => {
    const c = columnsOf([
      ["一级指标", "三级指标", "分值", "权重"],
      ["产出", "补助人数", 30, 20],
      ["效益", "满意度", 30, 20],
    ]);
    expect(c.doubts).toHaveLength(1);
    expect(c.doubts[0].message.zh).toContain("无法判断");
  });
});

describe("header words with what brackets add", () => {
  it("三级指标（指标名称）, 分值（分）, 得分(分), 实际完成值(B), 绩效指标未完成原因分析及改进措施", () => {
    const c = columnsOf([["一级指标", "三级指标（指标名称）", "分值（分）", "得分(分)", "实际完成值(B)", "绩效指标未完成原因分析及改进措施"]]);
    expect(c.columns.roles).toMatchObject({ level1: 0, level3: 1, weight: 2, score: 3, actual: 4, basis: 5 });
  });
});
