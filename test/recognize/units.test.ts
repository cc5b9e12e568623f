/** A 度量单位 column applies to the target and the actual alike. */
import { sheet } from "../support/grid";
import { recognize, warnings } from "./helpers";

const s = sheet("表", [
  ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "实际完成指标值"],
  ["产出指标", "数量指标", "覆盖率", "≥", 100, "%", 50, 100],
  [null, null, "发放人次", "≥", 1000, "人次", 50, 1200],
]);

describe("度量单位 column", () => {
  it("target 100 with unit % against actual 100 is 100% against 100%", () => {
    const [a, b] = recognize(s).tables[0].indicators;
    expect([a.target?.percent, a.actual?.percent, a.actual?.unit]).toEqual([true, true, "%"]);
    expect([b.actual?.unit, b.actual?.percent]).toEqual(["人次", undefined]);
  });

  it("raises no unit warning", () => {
    expect(warnings(s).filter((w) => w.startsWith("unit-mismatch"))).toEqual([]);
  });
});
