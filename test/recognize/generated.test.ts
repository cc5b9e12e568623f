/** ScoreCheck's own report sheet is never read back. */
import { sheet } from "../support/grid";
import { recognize } from "./helpers";

it("a generated sheet contributes no tables and no texts", () => {
  const report = {
    ...sheet("自评报告", [
      ["一级指标", "三级指标", "分值", "得分"],
      ["产出", "人数", 100, 90],
      ["评价结论：本项目自评得分90分，等级为优。"],
    ]),
    generated: true,
  };
  const r = recognize(report);
  expect(r.tables).toEqual([]);
  expect(r.texts).toEqual([]);
});
