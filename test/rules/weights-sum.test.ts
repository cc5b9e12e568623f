import { weightsSum } from "../../src/engine/rules/weights-sum";
import { testRule } from "../support/rule-tester";
import { cleanRows, layoutA, type Row } from "../support/tables";
import { sheet } from "../support/grid";
import { analyzeWorkbook } from "../../src/engine/analyze";

const minusOne = (): Row[] => cleanRows().map((r, i) => (i === 0 ? [r[0], r[1], r[2], r[3], r[4], 9, 9, r[7]] : r));

testRule(weightsSum, {
  valid: [
    { name: "weights add to 100", sheets: [layoutA({ rows: cleanRows(), total: [100, 100] })] },
    { name: "weights add to 100 with merges lost", sheets: [layoutA({ rows: cleanRows(), total: [100, 100], merges: false })] },
    {
      name: "90 beside a funds block that reserves 10 for 预算执行率",
      sheets: [
        layoutA({
          above: [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], ["年度资金总额", 100, 100, 100, null, "100%", null], []],
          rows: cleanRows().map((r, i) => (i === 0 ? [r[0], r[1], r[2], r[3], r[4], 0, 0, r[7]] : r)),
        }),
      ],
    },
  ],
  invalid: [
    { name: "weights add to 99 while the total says 100", sheets: [layoutA({ rows: minusOne(), total: [100, 99] })], errors: [{ cell: "F11", includes: "99" }] },
    { name: "no total row: reported on the first weight", sheets: [layoutA({ rows: minusOne() })], errors: [{ cell: "F4", includes: "应为100" }] },
    {
      name: "95 in a national form (19 × 5)",
      sheets: [
        sheet("部门", [
          ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "实际完成指标值"],
          ...Array.from({ length: 19 }, (_, i) => ["产出指标", "数量指标", `指标${String.fromCharCode(65 + i)}完成率`, "＝", 100, "%", 5, "100%"]),
        ]),
      ],
      errors: [{ cell: "G2", includes: "95" }],
    },
  ],
});

describe("weights-sum fix", () => {
  it("rescales proportionally to exactly 100", () => {
    const a = analyzeWorkbook({ source: "t", sheets: [layoutA({ rows: minusOne(), total: [100, 99] })] });
    const f = a.findings.find((x) => x.rule === "weights-sum")!;
    const total = f.fix!.reduce((s, c) => s + (c.kind === "set-value" ? Number(c.value) : 0), 0);
    expect(Math.round(total * 100) / 100).toBe(100);
  });
});
