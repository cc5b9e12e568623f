import { totalMismatch } from "../../src/engine/rules/total-mismatch";
import { subtotalMismatch } from "../../src/engine/rules/subtotal-mismatch";
import { formulaRange } from "../../src/engine/rules/formula-range";
import { testRule } from "../support/rule-tester";
import { cleanRows, layoutA } from "../support/tables";
import { sheet } from "../support/grid";

testRule(totalMismatch, {
  valid: [
    { name: "total equals the rows", sheets: [layoutA({ rows: cleanRows(), total: [100, 100] })] },
    { name: "two-decimal total", sheets: [layoutA({ rows: cleanRows().map((r, i) => (i === 1 ? [r[0], r[1], r[2], r[3], r[4], 10, 9.8, "扣分原因：程序不完整"] : r)), total: [100, 99.8] })] },
    {
      name: "a total cut to one decimal over rows with two (99.7 for 99.75)",
      sheets: [layoutA({ rows: cleanRows().map((r, i) => (i === 1 ? [r[0], r[1], r[2], r[3], r[4], 10, 9.75, "扣分原因：程序不完整"] : r)), total: [100, 99.7] })],
    },
    {
      name: "a total typed to one decimal over rows with two (99.8 for 99.75)",
      sheets: [layoutA({ rows: cleanRows().map((r, i) => (i === 1 ? [r[0], r[1], r[2], r[3], r[4], 10, 9.75, "扣分原因：程序不完整"] : r)), total: [100, 99.8] })],
    },
  ],
  invalid: [
    { name: "score total off by 0.5", sheets: [layoutA({ rows: cleanRows(), total: [100, 99.5] })], errors: [{ cell: "G11", includes: "99.5" }] },
    {
      name: "a whole-number total over rows adding to 99.75 is not rounding",
      sheets: [layoutA({ rows: cleanRows().map((r, i) => (i === 1 ? [r[0], r[1], r[2], r[3], r[4], 10, 9.75, "扣分原因：程序不完整"] : r)), total: [100, 100] })],
      errors: [{ cell: "G11", includes: "99.75" }],
    },
    {
      name: "a one-decimal total that is the rows neither rounded nor cut (99.6 for 99.75)",
      sheets: [layoutA({ rows: cleanRows().map((r, i) => (i === 1 ? [r[0], r[1], r[2], r[3], r[4], 10, 9.75, "扣分原因：程序不完整"] : r)), total: [100, 99.6] })],
      errors: [{ cell: "G11", includes: "99.75" }],
    },
    { name: "weight total wrong", sheets: [layoutA({ rows: cleanRows(), total: [90, 100] })], errors: [{ cell: "F11" }] },
  ],
});

/** Layout C: subtotal rows above their rows ("投入: 20 19.80"), 综合得分 at the end. */
function layoutC(inputScore: number, total: number) {
  return sheet("评分表", [
    ["评分表", "二级指标", "三级指标", null, "指标分值", "评价得分"],
    [null, null, "投入:", null, 20, inputScore],
    [null, "项目目标", "项目立项规范性", null, 10, 10],
    [null, null, "绩效目标合理性", null, 10, 9.8],
    [null, null, "产出:", null, 80, 80],
    [null, "项目产出", "实际完成率", null, 40, 40],
    [null, null, "质量达标率", null, 40, 40],
    [null, "综合得分:", null, null, 100, total],
  ]);
}

testRule(subtotalMismatch, {
  valid: [{ name: "header-style subtotals add up", sheets: [layoutC(19.8, 99.8)] }],
  invalid: [{ name: "投入 subtotal says 20.00 for 19.80", sheets: [layoutC(20, 99.8)], errors: [{ cell: "F2", includes: "19.8" }] }],
});

const withFormula = (f: string, v: number) => layoutA({ rows: cleanRows(), total: [{ f: "SUM(F4:F10)", v: 100 }, { f, v }] });

testRule(formulaRange, {
  valid: [
    { name: "SUM over every row", sheets: [withFormula("SUM(G4:G10)", 100)] },
    { name: "sum of cells with +", sheets: [withFormula("G4+G5+G6+G7+G8+G9+G10", 100)] },
    { name: "formula we cannot read is not judged", sheets: [withFormula("SUMPRODUCT(G4:G10,1)", 100)] },
  ],
  invalid: [
    { name: "SUM skips the last row", sheets: [withFormula("SUM(G4:G9)", 90)], errors: [{ cell: "G11", includes: "10" }] },
    { name: "a row counted twice", sheets: [withFormula("SUM(G4:G10)+G5", 110)], errors: [{ cell: "G11", includes: "5" }] },
  ],
});
