import { scoreExceedsWeight } from "../../src/engine/rules/score-exceeds-weight";
import { fullScoreBelowTarget } from "../../src/engine/rules/full-score-below-target";
import { unexplainedDeduction } from "../../src/engine/rules/unexplained-deduction";
import { scoreOffRule } from "../../src/engine/rules/score-off-rule";
import { testRule } from "../support/rule-tester";
import { cleanRows, layoutA, type Row } from "../support/tables";

/** cleanRows with row i replaced. */
function withRow(i: number, row: Row): Row[] {
  return cleanRows().map((r, k) => (k === i ? row : r));
}
const table = (rows: Row[], totalScore?: number) => [layoutA({ rows, total: [100, totalScore ?? rows.reduce((s, r) => s + Number(r[6]), 0)] })];

testRule(scoreExceedsWeight, {
  valid: [{ name: "scores within weights", sheets: table(cleanRows()) }],
  invalid: [
    { name: "11 of 10", sheets: table(withRow(0, ["决策指标", "项目立项", "立项依据充分性", "充分", "充分", 10, 11])), errors: [{ cell: "G4", includes: "11" }] },
    { name: "negative", sheets: table(withRow(0, ["决策指标", "项目立项", "立项依据充分性", "充分", "充分", 10, -1])), errors: [{ cell: "G4" }] },
  ],
});

testRule(fullScoreBelowTarget, {
  valid: [
    { name: "targets met", sheets: table(cleanRows()) },
    { name: "missed and scored in proportion", sheets: table(withRow(4, ["产出指标", "质量指标", "发放准确率", "≥98%", "96%", 20, 19.59])) },
    { name: "reverse indicator under its ceiling", sheets: table(withRow(4, ["产出指标", "成本指标", "人均成本", "≤50元", "48元", 20, 20])) },
  ],
  invalid: [
    { name: "96% against ≥98% scored 20/20", sheets: table(withRow(4, ["产出指标", "质量指标", "发放准确率", "≥98%", "96%", 20, 20])), errors: [{ cell: "G8", includes: "19.59" }] },
    { name: "reverse indicator over its ceiling scored full", sheets: table(withRow(4, ["产出指标", "成本指标", "人均成本", "≤50元", "55元", 20, 20])), errors: [{ cell: "G8", includes: "18.18" }] },
    { name: "qualitative 否 against 是 scored full", sheets: table(withRow(5, ["效益指标", "社会效益指标", "促进社会和谐发展", "是", "否", 20, 20])), errors: [{ cell: "G9" }] },
    { name: "qualitative partial scored full", sheets: table(withRow(5, ["效益指标", "社会效益指标", "政策宣传", "全面完成", "部分完成", 20, 20])), errors: [{ cell: "G9" }] },
    { name: "thousands of people: 9800 人 against ≥1万人", sheets: table(withRow(3, ["产出指标", "数量指标", "参保人数", "≥1万人", "9800人", 20, 20])), errors: [{ cell: "G7", includes: "19.6" }] },
  ],
});

testRule(unexplainedDeduction, {
  valid: [
    { name: "no deduction", sheets: table(cleanRows()) },
    { name: "deduction with a reason", sheets: table(withRow(5, ["效益指标", "社会效益指标", "促进社会和谐发展", "是", "是", 20, 19, "个别乡镇宣传不到位，扣1分"])) },
    { name: "deduction where the target is missed is not this rule's", sheets: table(withRow(4, ["产出指标", "质量指标", "发放准确率", "≥98%", "96%", 20, 19.59])) },
    ...["工期有所推迟", "宣传力度尚需加大", "管护机制仍需完善", "下一步将加强产业带动"].map((reason) => ({
      name: `reason in the unit's own words: ${reason}`,
      sheets: table(withRow(5, ["效益指标", "社会效益指标", "促进社会和谐发展", "是", "是", 20, 19, reason])),
    })),
  ],
  invalid: [
    ...["已完成", "迁移数据无差错", "无", "是否促进社会和谐发展"].map((text) => ({
      name: `no reason: ${text}`,
      sheets: table(withRow(5, ["效益指标", "社会效益指标", "促进社会和谐发展", "是", "是", 20, 19, text])),
      errors: [{ cell: "G9" }],
    })),
    { name: "是/是 scored 14 of 15 with a criterion but no reason", sheets: table(withRow(5, ["效益指标", "社会效益指标", "促进社会和谐发展", "是", "是", 20, 19, "是否促进社会和谐发展"])), errors: [{ cell: "G9", includes: "扣1分" }] },
    { name: "98% against ＞95% scored 9 of 10", sheets: table(withRow(6, ["满意度指标", "满意度指标", "百姓满意度", "＞95%", "98%", 10, 9])), errors: [{ cell: "G10" }] },
  ],
});

testRule(scoreOffRule, {
  valid: [
    { name: "proportional score", sheets: table(withRow(6, ["满意度指标", "满意度指标", "百姓满意度", "98%", "96%", 10, 9.8])) },
    { name: "qualitative met within its band", sheets: table(withRow(5, ["效益指标", "社会效益指标", "促进社会和谐发展", "是", "是", 20, 17, "宣传不够"])) },
  ],
  invalid: [
    { name: "96% of 98% scored 9 of 10 (rule 9.80)", sheets: table(withRow(6, ["满意度指标", "满意度指标", "百姓满意度", "98%", "96%", 10, 9])), errors: [{ cell: "G10", includes: "9.8" }] },
    { name: "qualitative met scored below 80%", sheets: table(withRow(5, ["效益指标", "社会效益指标", "促进社会和谐发展", "是", "是", 20, 12, "宣传不够"])), errors: [{ cell: "G9", includes: "16" }] },
  ],
});
