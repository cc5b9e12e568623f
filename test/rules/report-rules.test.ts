import { gradeMismatch } from "../../src/engine/rules/grade-mismatch";
import { narrativeMismatch } from "../../src/engine/rules/narrative-mismatch";
import { budgetExecution } from "../../src/engine/rules/budget-execution";
import { testRule } from "../support/rule-tester";
import { cleanRows, layoutA } from "../support/tables";
import { sheet } from "../support/grid";

const graded = (grade: string, score = 100) => [layoutA({ rows: cleanRows(), total: [100, score], below: [["评价结果等次:", grade]] })];

testRule(gradeMismatch, {
  valid: [
    { name: "100 is 优", sheets: graded("优") },
    { name: "优 fits the rows' 100 though the total row wrongly says 85 (that is total-mismatch's)", sheets: graded("优", 85) },
  ],
  invalid: [
    { name: "100 declared 良", sheets: graded("良"), errors: [{ cell: "B12", includes: "优" }] },
    { name: "良 follows a wrong stated 85, not the rows' 100", sheets: graded("良", 85), errors: [{ cell: "B12", includes: "总分100" }] },
  ],
});

const withText = (text: string) => [layoutA({ rows: cleanRows(), total: [100, 100] }), sheet("情况表", [["项目自评价情况"], [text]])];

testRule(narrativeMismatch, {
  valid: [
    { name: "text quotes the total and grade", sheets: withText("自评价得分 100 分，评价等级为优。") },
    { name: "a review quoting another text's claim (reported speech)", sheets: withText("（三）报告文字与评分表不一致。文字称“自评价得分99分”，但评分表各项得分合计为100分。") },
    { name: "per-indicator scores in the text are not totals", sheets: withText("指标分值3分，得3分；评价结果分为优（90—100分）、良（80—90分）。") },
    { name: "grading bands are the scale, not a claim", sheets: withText("自评得分90分（含）以上的，评价等次为优；80分（含）至90分的为良；60分（含）至80分的为中；60分以下的为差。") },
    { name: "an example in the instructions", sheets: withText("填写示例：某项目自评得分为85分，评价等级为良。") },
    { name: "the scoring method states the full marks", sheets: withText("评分办法：项目自评总分为100分，其中产出指标50分、效益指标30分。") },
    { name: "last year's score", sheets: withText("上年度该项目自评得分92分，本年度有所提高。") },
    { name: "another year's score", sheets: withText("2019年度该项目自评得分92分。") },
    { name: "one 一级's score", sheets: withText("其中满意度指标评价得分9分。") },
    { name: "a section's paragraph under its heading", sheets: [layoutA({ rows: cleanRows(), total: [100, 100] }), sheet("情况表", [["（一）产出指标完成情况"], ["共设置5个三级指标，完成4个，自评得分49分。"]])] },
    { name: "a 一级's row in a 情况表 (its label opens the row)", sheets: [layoutA({ rows: cleanRows(), total: [100, 100] }), sheet("情况表", [["产出指标", "分值", 50, "自评得分", 49]])] },
    { name: "another thing's grade (档案验收等级)", sheets: withText("项目档案资料齐全，档案验收等级为良好。") },
    { name: "a department's whole beside a project's table", sheets: withText("本部门整体支出绩效自评得分92分。") },
    { name: "an expert's score", sheets: withText("专家1评价得分97分，专家2评价得分94分。") },
    { name: "scores by year across a row are a comparison", sheets: [layoutA({ rows: cleanRows(), total: [100, 100] }), sheet("对比", [["", "2021年", "2022年", "2023年"], ["自评得分", 91, 93, 100]])] },
  ],
  invalid: [
    { name: "text quotes 99", sheets: withText("2021 年度该项目实施达到预期的年度绩效目标，自评价得分 99 分，评价等级为优。"), errors: [{ cell: "情况表!A2", includes: "99" }] },
    { name: "a quoted name before the claim does not hide it", sheets: withText("“养老金补贴”项目自评价得分99分。"), errors: [{ cell: "情况表!A2", includes: "99" }] },
    { name: "text quotes another grade", sheets: withText("本次项目评价得分为：100分，评价等级“良”。"), errors: [{ cell: "情况表!A2", includes: "良" }] },
    { name: "a grade in brackets after the score", sheets: withText("自评结论：综合得分100分（良）。"), errors: [{ cell: "情况表!A2", includes: "良" }] },
    {
      name: "自评得分 | 93.5 in a 情况表's cells",
      sheets: [layoutA({ rows: cleanRows(), total: [100, 100] }), sheet("情况表", [["项目自评情况"], ["自评得分", 93.5, "自评等级", "优"]])],
      errors: [{ cell: "情况表!B2", includes: "93.5" }],
    },
  ],
});

const funds = (score: number, rate: string) =>
  layoutA({
    above: [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], ["年度资金总额", 200, 200, 180, 10, rate, score], []],
    rows: cleanRows().map((r, i) => (i === 0 ? [r[0], r[1], r[2], r[3], r[4], 0, 0, r[7]] : r)),
  });

/** The funds block with its 其中 rows: 本年财政拨款 and 上年结转 budgets (null: left blank). */
const sources = (total: number, grant: number | null, carried: number | null) =>
  layoutA({
    above: [
      ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", total, total, total, 10, "100%", 10],
      ["其中：本年财政拨款", grant, grant, grant],
      ["上年结转资金", carried, carried, carried],
      [],
    ],
    rows: cleanRows().map((r, i) => (i === 0 ? [r[0], r[1], r[2], r[3], r[4], 0, 0, r[7]] : r)),
  });

testRule(budgetExecution, {
  valid: [
    { name: "180 of 200 is 90%, score 9", sheets: [funds(9, "90%")] },
    { name: "sources add up to the total", sheets: [sources(200, 150, 50)] },
    { name: "one source given, the other left blank", sheets: [sources(200, 150, null)] },
  ],
  invalid: [
    { name: "full score at 90%", sheets: [funds(10, "90%")], errors: [{ cell: "G2", includes: "9" }] },
    { name: "stated rate wrong", sheets: [funds(9, "95%")], errors: [{ cell: "F2", includes: "90" }] },
    { name: "sources do not add up to the total", sheets: [sources(200, 150, 40)], errors: [{ cell: "C2", includes: "各来源之和190" }] },
    { name: "a total below its only source", sheets: [sources(0, 90, null)], errors: [{ cell: "C2", includes: "小于其中所列来源90" }] },
  ],
});
