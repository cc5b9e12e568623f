import { unitMismatch } from "../../src/engine/rules/unit-mismatch";
import { missingValue } from "../../src/engine/rules/missing-value";
import { duplicateIndicator } from "../../src/engine/rules/duplicate-indicator";
import { weightStructure } from "../../src/engine/rules/weight-structure";
import { testRule } from "../support/rule-tester";
import { cleanRows, layoutA, type Row } from "../support/tables";

function withRow(i: number, row: Row): Row[] {
  return cleanRows().map((r, k) => (k === i ? row : r));
}
const table = (rows: Row[]) => [layoutA({ rows, total: [100, rows.reduce((s, r) => s + (Number(r[6]) || 0), 0)] })];

testRule(unitMismatch, {
  valid: [
    { name: "same units", sheets: table(cleanRows()) },
    { name: "万人 against 人 converts", sheets: table(withRow(3, ["产出指标", "数量指标", "参保人数", "≥1万人", "10200人", 20, 20])) },
    { name: "a bare 0 against ≤5% (nothing is nothing in any unit)", sheets: table(withRow(3, ["产出指标", "质量指标", "群众投诉率", "≤5%", "0", 20, 20])) },
    { name: "0起 against 未发生 (nothing said in words)", sheets: table(withRow(3, ["产出指标", "质量指标", "安全事故", "0起", "未发生", 20, 20])) },
    { name: "≤0 against -3.2% (a bare 0 has no unit)", sheets: table(withRow(3, ["产出指标", "成本指标", "“三公”经费变动率", "≤0", "-3.2%", 20, 20])) },
    { name: "低于98% against ≥98% is a shortfall, not the target restated", sheets: table(withRow(3, ["产出指标", "质量指标", "验收合格率", "≥98%", "低于98%", 20, 16])) },
  ],
  invalid: [
    { name: "≥12次 against 98%", sheets: table(withRow(3, ["产出指标", "数量指标", "网络维护次数", "≥12次", "98%", 20, 20])), errors: [{ cell: "E7", includes: "单位" }] },
    { name: "actual restates the target", sheets: table(withRow(3, ["产出指标", "数量指标", "道路长度", "≥266米", "≥266米", 20, 20])), errors: [{ cell: "E7" }] },
    { name: "actual is text against a figure", sheets: table(withRow(3, ["产出指标", "数量指标", "培训人数", "≥200人", "完成", 20, 20])), errors: [{ cell: "E7" }] },
  ],
});

testRule(missingValue, {
  valid: [
    { name: "all filled", sheets: table(cleanRows()) },
    { name: "a 扣分项 row has a score and nothing else", sheets: table([...cleanRows(), ["扣分项（审计发现问题）", null, "扣分项（审计发现问题）", null, null, null, -2]]) },
  ],
  invalid: [
    {
      name: "a form not scored yet is said once, at the 得分 title",
      sheets: table(cleanRows().map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], null, r[7]] as Row)),
      errors: [{ cell: "G2", includes: "得分列全部未填写" }],
    },
    { name: "blank actual", sheets: table(withRow(3, ["产出指标", "数量指标", "参保人数", "≥10000人", null, 20, 20])), errors: [{ cell: "E7", includes: "实际完成值" }] },
    { name: "#REF! in a score", sheets: table(withRow(3, ["产出指标", "数量指标", "参保人数", "≥10000人", "10200人", 20, { error: "#REF!" }])), errors: [{ cell: "G7", includes: "#REF!" }] },
    { name: "text in a weight", sheets: table(withRow(3, ["产出指标", "数量指标", "参保人数", "≥10000人", "10200人", "二十分左右", 20])), errors: [{ cell: "F7" }] },
  ],
});

testRule(duplicateIndicator, {
  valid: [{ name: "unique names", sheets: table(cleanRows()) }],
  invalid: [
    { name: "促进社会和谐发展 twice", sheets: table(withRow(4, ["产出指标", "质量指标", "促进社会和谐发展", "是", "是", 20, 20])), errors: [{ cell: "C9", includes: "促进社会和谐发展" }] },
  ],
});

const national = (out: number, eff: number) => [
  layoutA({
    above: [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], ["年度资金总额", 100, 100, 100, 10, "100%", 10], []],
    rows: [
      ["产出指标(50分)", "数量指标", "参保人数", "≥10000人", "10200人", out, out],
      ["效益指标", "社会效益指标", "促进社会和谐发展", "是", "是", eff, eff],
      ["满意度指标", "满意度指标", "百姓满意度", "≥95%", "98%", 10, 10],
    ],
  }),
];

testRule(weightStructure, {
  valid: [{ name: "50/30/10 + 10", sheets: national(50, 30) }],
  invalid: [{ name: "60/20/10 + 10 and the (50分) label", sheets: national(60, 20), errors: [{ cell: "A6", includes: "50" }, { cell: "C6", includes: "产出60" }] }],
});
