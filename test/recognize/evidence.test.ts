/** Evidence before accusation: scores stay at or below their weights. */
import { sheet } from "../support/grid";
import { errors, recognize, summary } from "./helpers";

describe("score and weight columns that look swapped", () => {
  it("are read the other way round when the 'scores' add up to the full 100, with a doubt saying so", () => {
    const s = sheet("表", [
      ["一级指标", "三级指标", "分值", "得分"],
      ["产出", "补助人数", 48, 50],
      ["产出", "合格率", 28, 30],
      ["效益", "满意度", 20, 20],
      ["合计", null, 96, 100],
    ]);
    const t = recognize(s).tables[0];
    expect(t.indicators.map((i) => i.weight?.value?.toFixed())).toEqual(["50", "30", "20"]);
    expect(t.doubts?.map((d) => d.message.zh)).toEqual([expect.stringContaining("标反")]);
    expect(summary(s)[0]).toMatchObject({ weightTotal: "100", scoreTotal: "96", declaredWeightTotal: "100", declaredScoreTotal: "96" });
    expect(errors(s)).toEqual([]);
  });

  it("otherwise stay as titled, with a doubt that silences the score-against-weight rules", () => {
    const t = recognize(
      sheet("表", [
        ["一级指标", "三级指标", "分值", "得分"],
        ["产出", "补助人数", 40, 45],
        ["产出", "合格率", 30, 33],
        ["效益", "满意度", 30, 30],
      ]),
    ).tables[0];
    expect(t.indicators[0].weight?.value?.toFixed()).toBe("40");
    expect(t.doubts?.[0].suppresses).toEqual(expect.arrayContaining(["score-exceeds-weight"]));
  });

  it("one score above its weight is a finding, not a doubt", () => {
    const s = sheet("表", [
      ["一级指标", "三级指标", "分值", "得分"],
      ["产出", "补助人数", 50, 52],
      ["产出", "合格率", 30, 28],
      ["效益", "满意度", 20, 20],
    ]);
    expect(recognize(s).tables[0].doubts).toEqual([]);
    expect(errors(s)).toEqual(expect.arrayContaining([expect.stringMatching(/^score-exceeds-weight D2 /)]));
  });
});
