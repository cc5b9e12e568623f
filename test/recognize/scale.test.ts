/** The weight scale: points, fractions of 1, percentages — always points in the model. */
import { sheet } from "../support/grid";
import { errors, recognize, summary } from "./helpers";

type Cell = Parameters<typeof sheet>[1][number][number];

const table = (weights: Cell[], scores: Cell[], total?: [Cell, Cell]) =>
  sheet("表", [
    ["一级指标", "三级指标", "权重", "得分"],
    ["产出", "补助人数", weights[0], scores[0]],
    ["产出", "发放准确率", weights[1], scores[1]],
    ["效益", "满意度", weights[2], scores[2]],
    ...(total ? [["合计", null, ...total]] : []),
  ]);

describe("weights as fractions of 1 while scores are in points", () => {
  const s = table([0.5, 0.3, 0.2], [50, 28, 20], [1, 98]);
  it("are read in points, and the scale is said", () => {
    const t = recognize(s).tables[0];
    expect(t.weightScale).toBe("fraction");
    expect(t.doubts).toEqual([]);
    expect(t.indicators.map((i) => i.weight?.value?.toFixed())).toEqual(["50", "30", "20"]);
    expect(t.total?.weight?.value?.toFixed()).toBe("100");
    expect(summary(s)[0]).toMatchObject({ weightTotal: "100", scoreTotal: "98", declaredWeightTotal: "100" });
    expect(errors(s)).toEqual([]);
  });

  it("fractional scores of fractional weights are scaled too", () => {
    const t = recognize(table([0.5, 0.3, 0.2], [0.5, 0.28, 0.2])).tables[0];
    expect(t.indicators.map((i) => i.score?.value?.toFixed())).toEqual(["50", "28", "20"]);
  });

  it("weights at most 1 that add up to neither 1 nor 100 are a doubt, not a guess", () => {
    const t = recognize(table([0.5, 0.3, 0.1], [50, 28, 10])).tables[0];
    expect(t.weightScale).toBe("points");
    expect(t.doubts).toHaveLength(1);
    expect(t.doubts?.[0].message.zh).toContain("无法判断");
    expect(t.doubts?.[0].suppresses).toContain("weights-sum");
  });
});

describe("weights as percentages", () => {
  it("10% as text", () => {
    const t = recognize(table(["50%", "30%", "20%"], [50, 28, 20])).tables[0];
    expect(t.weightScale).toBe("percent");
    expect(t.indicators.map((i) => i.weight?.value?.toFixed())).toEqual(["50", "30", "20"]);
  });

  it("0.1 formatted as %", () => {
    const pct = (v: number) => ({ v, fmt: "0%" });
    const s = table([pct(0.5), pct(0.3), pct(0.2)], [50, 28, 20], [pct(1), 98]);
    const t = recognize(s).tables[0];
    expect(t.weightScale).toBe("percent");
    expect(summary(s)[0]).toMatchObject({ weightTotal: "100", declaredWeightTotal: "100" });
    expect(errors(s)).toEqual([]);
  });

  it("权重(%) over plain figures is percent of 100, i.e. points", () => {
    const s = sheet("表", [
      ["一级指标", "三级指标", "权重(%)", "得分"],
      ["产出", "补助人数", 60, 60],
      ["效益", "满意度", 40, 40],
    ]);
    expect(recognize(s).tables[0]).toMatchObject({ weightScale: "percent" });
    expect(summary(s)[0].weightTotal).toBe("100");
  });
});

describe("weights with units", () => {
  it("２０分, 9分 and full-width digits are points", () => {
    const s = table(["５０分", "30分", "２０"], [50, "28分", "２０"], ["１００分", "98分"]);
    const t = recognize(s).tables[0];
    expect(t.weightScale).toBe("points");
    expect(summary(s)[0]).toMatchObject({ weightTotal: "100", scoreTotal: "98", declaredWeightTotal: "100", declaredScoreTotal: "98" });
    expect(errors(s)).toEqual([]);
  });
});
