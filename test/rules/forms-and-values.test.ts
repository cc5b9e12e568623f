import { weightStructure, isNationalProjectForm } from "../../src/engine/rules/weight-structure";
import { recognitionDoubt } from "../../src/engine/rules/recognition-doubt";
import { fullScoreBelowTarget } from "../../src/engine/rules/full-score-below-target";
import { unitMismatch } from "../../src/engine/rules/unit-mismatch";
import { missingValue } from "../../src/engine/rules/missing-value";
import { RULES, runRule, type RuleFailure } from "../../src/engine/rules";
import type { Rule } from "../../src/engine/rules/types";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { testRule } from "../support/rule-tester";
import { cleanRows, layoutA, type Row } from "../support/tables";
import type { CellValue } from "../../src/engine/grid/types";
import { sheet } from "../support/grid";

const FUNDS_HEAD = ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
const funds = (weight: number) => [FUNDS_HEAD, ["年度资金总额", 100, 100, 100, weight, "100%", weight], []];

/** A table of [一级, weight] groups, one indicator each, with a funds block or none. */
function split(groups: [string, number][], fundsWeight: number | null) {
  const names = ["项目完成情况", "政策知晓情况", "群众反映情况", "资料归档情况", "制度执行情况"];
  const rows: Row[] = groups.map(([l1, w], i) => [l1, `${l1}二级`, names[i], "是", "是", w, w]);
  return [layoutA({ above: fundsWeight === null ? undefined : funds(fundsWeight), rows })];
}

testRule(weightStructure, {
  valid: [
    { name: "national form 50/30/10 + 10", sheets: split([["产出指标", 50], ["效益指标", 30], ["满意度指标", 10]], 10) },
    { name: "department-wide 决策/过程/产出/效益 20/20/30/30", sheets: split([["决策", 20], ["过程", 20], ["产出", 30], ["效益", 30]], null) },
    { name: "department-wide split beside a funds block", sheets: split([["决策", 20], ["过程", 20], ["产出", 30], ["效益", 30]], 10) },
    { name: "投入/过程/产出/效果", sheets: split([["投入", 15], ["过程", 25], ["产出", 30], ["效果", 30]], null) },
    { name: "third-party table 产出/效益/满意度 without a funds block", sheets: split([["产出指标", 60], ["效益指标", 30], ["满意度指标", 10]], null) },
    {
      name: "a group whose member weight could not be evaluated",
      sheets: [
        layoutA({
          rows: [
            ["产出指标(50分)", "数量指标", "参保人数", "≥10000人", "10200人", { f: "VLOOKUP(1,Z1:Z2,1)", v: null } as unknown as CellValue, 25],
            [null, "质量指标", "发放准确率", "≥98%", "99%", 25, 25],
            ["效益指标", "社会效益指标", "促进社会和谐发展", "是", "是", 50, 50],
          ],
        }),
      ],
    },
  ],
  invalid: [
    { name: "national form 60/20/10 + 10", sheets: split([["产出指标", 60], ["效益指标", 20], ["满意度指标", 10]], 10), errors: [{ cell: "C6", includes: "产出60" }] },
    {
      name: "预算执行率 5 where the split is required (split: always)",
      sheets: split([["产出指标", 55], ["效益指标", 30], ["满意度指标", 10]], 5),
      options: { split: "always" },
      errors: [{ cell: "C6", includes: "预算执行率5" }],
    },
    {
      name: "split forced on a third-party table (split: always)",
      sheets: split([["产出指标", 60], ["效益指标", 30], ["满意度指标", 10]], null),
      options: { split: "always" },
      errors: [{ cell: "C4", includes: "产出60" }],
    },
  ],
});

describe("the national project form", () => {
  const read = (sheets: ReturnType<typeof split>) => analyzeWorkbook({ source: "t", sheets }).tables[0];
  it("is told from the funds block and the 一级 names", () => {
    expect(isNationalProjectForm(read(split([["产出指标", 50], ["效益指标", 30], ["满意度指标", 10]], 10)))).toBe(true);
    expect(isNationalProjectForm(read(split([["决策", 20], ["过程", 20], ["产出", 30], ["效益", 30]], 10)))).toBe(false);
    expect(isNationalProjectForm(read(split([["产出指标", 60], ["效益指标", 30], ["满意度指标", 10]], null)))).toBe(false);
  });
  it("follows recognition's form where it names one", () => {
    const t = read(split([["产出指标", 50], ["效益指标", 30], ["满意度指标", 10]], 10));
    expect(isNationalProjectForm({ ...t, form: "department" })).toBe(false);
    expect(isNationalProjectForm({ ...t, form: "national-project" })).toBe(true);
    // Without the 10 points of 预算执行率 the split cannot be the national one, whatever the name.
    expect(isNationalProjectForm({ ...t, funds: null, form: "national-project" })).toBe(false);
  });
});

testRule(recognitionDoubt, { valid: [{ name: "a clear table", sheets: [layoutA({ rows: cleanRows(), total: [100, 100] })] }], invalid: [] });

describe("recognition-doubt", () => {
  it("reports each of the table's doubts as a note", () => {
    const a = analyzeWorkbook({ source: "t", sheets: [layoutA({ rows: cleanRows(), total: [100, 100] })] });
    const calc = a.calcs[0];
    const doubts = [{ pos: { row: 3, col: 5 }, message: { zh: "无法确定F列是权重还是得分", en: "column F may be weights or scores" } }];
    const found = runRule(recognitionDoubt, { table: { ...calc.table, doubts }, calc, calcs: a.calcs, options: a.options });
    expect(found).toEqual([expect.objectContaining({ rule: "recognition-doubt", severity: "info", cell: "F4", message: doubts[0].message })]);
  });
});

describe("a rule that throws", () => {
  const boom: Rule = {
    id: "boom",
    severity: "error",
    description: { zh: "测试用规则", en: "a rule for the test" },
    check: () => {
      throw new Error("kaput");
    },
  };

  it("is reported in the analysis and as a note, not dropped", () => {
    RULES.push(boom);
    try {
      const a = analyzeWorkbook({ source: "t", sheets: [layoutA({ rows: cleanRows(), total: [100, 100] })] });
      expect(a.ruleFailures).toEqual([{ rule: "boom", table: 0, message: "kaput" }]);
      expect(a.findings).toEqual([expect.objectContaining({ rule: "rule-crashed", severity: "info", cell: "A2", data: { failedRule: "boom", error: "kaput" } })]);
    } finally {
      RULES.pop();
    }
  });

  it("throws under SCORECHECK_STRICT", () => {
    const a = analyzeWorkbook({ source: "t", sheets: [layoutA({ rows: cleanRows(), total: [100, 100] })] });
    const ctx = { table: a.tables[0], calc: a.calcs[0], calcs: a.calcs, options: a.options };
    const failures: RuleFailure[] = [];
    process.env.SCORECHECK_STRICT = "1";
    try {
      expect(() => runRule(boom, ctx, failures)).toThrow("kaput");
    } finally {
      delete process.env.SCORECHECK_STRICT;
    }
    expect(runRule(boom, ctx, failures)).toHaveLength(1);
    expect(failures).toHaveLength(1);
  });
});

/** cleanRows with row i replaced; total 100/100 unless the scores say otherwise. */
function tableWith(i: number, row: Row) {
  const rows = cleanRows().map((r, k) => (k === i ? row : r));
  const score = rows.reduce((s, r) => s + (typeof r[6] === "number" ? r[6] : 0), 0);
  return { source: "t", sheets: [layoutA({ rows, total: [100, score] })] };
}
const problems = (i: number, row: Row) => analyzeWorkbook(tableWith(i, row)).findings.map((f) => `${f.rule} ${f.cell}`);

describe("targets that are not figures raise nothing they should not", () => {
  it.each(["/", "—", "／", "不适用"])('"%s" as target and actual: no rule fires', (na) => {
    expect(problems(3, ["产出指标", "数量指标", "参保人数", na, na, 20, 20])).toEqual([]);
  });
  it('"/" as the target of a figure actual: no rule fires', () => {
    expect(problems(3, ["产出指标", "数量指标", "参保人数", "/", "10200人", 20, 20])).toEqual([]);
  });
  it("a deadline met, full score", () => {
    expect(problems(4, ["产出指标", "时效指标", "完成时间", "2023年12月底前", "2023年11月20日", 20, 20])).toEqual([]);
    expect(problems(4, ["产出指标", "时效指标", "完成时间", "12月31日前", "按期完成", 20, 20])).toEqual([]);
  });
  it("a deadline missed yet full score", () => {
    expect(problems(4, ["产出指标", "时效指标", "完成时间", "2023年12月底前", "2024年3月", 20, 20])).toEqual(["full-score-below-target G8"]);
  });
  it("0起 met", () => {
    expect(problems(4, ["产出指标", "质量指标", "安全事故", "0起", "0起", 20, 20])).toEqual([]);
  });
  it("95%以上 met, =>95% met, =<5% met", () => {
    expect(problems(6, ["满意度指标", "满意度指标", "百姓满意度", "95%以上", "98%", 10, 10])).toEqual([]);
    expect(problems(6, ["满意度指标", "满意度指标", "百姓满意度", "=>95%", "98%", 10, 10])).toEqual([]);
    expect(problems(4, ["产出指标", "质量指标", "差错率", "=<5%", "3%", 20, 20])).toEqual([]);
  });
  it("100 under a % unit column against 100%, 1 formatted as %, or 100 is the same figure", () => {
    const sheets = [
      sheet("评分表", [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "度量单位", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "资金到位率", 100, "%", "100%", 40, 40],
        [null, "质量指标", "验收合格率", 100, "%", { v: 1, fmt: "0%" }, 30, 30],
        ["效益指标", "社会效益指标", "群众知晓率", 90, "%", 95, 30, 30],
        ["总分", null, null, null, null, null, 100, 100],
      ]),
    ];
    const a = analyzeWorkbook({ source: "t", sheets });
    expect(a.calcs[0].weightedCount).toBe(3);
    expect(a.findings).toEqual([]);
  });
});

testRule(fullScoreBelowTarget, {
  valid: [{ name: "≧98% met", sheets: tableWith(4, [null, "质量指标", "发放准确率", "≧98%", "99%", 20, 20]).sheets }],
  invalid: [
    { name: "=>98% missed at 96%, full score", sheets: tableWith(4, [null, "质量指标", "发放准确率", "=>98%", "96%", 20, 20]).sheets, errors: [{ cell: "G8", includes: "19.59" }] },
    { name: "‹=2% exceeded at 3%, full score", sheets: tableWith(4, [null, "质量指标", "差错率", "‹=2%", "3%", 20, 20]).sheets, errors: [{ cell: "G8" }] },
  ],
});

describe("a doubt that suppresses rules", () => {
  it("keeps the rules its reading would rest on silent on that table", () => {
    const a = analyzeWorkbook({ source: "t", sheets: [layoutA({ rows: cleanRows(), total: [100, 99] })] });
    const calc = a.calcs[0];
    const totalRule = RULES.find((r) => r.id === "total-mismatch")!;
    const ctx = { table: calc.table, calc, calcs: a.calcs, options: a.options };
    expect(runRule(totalRule, ctx)).toHaveLength(1);
    const doubts = [{ pos: { row: 10, col: 0 }, message: { zh: "无法确定“总计”行是否为合计", en: "unclear whether the row is a total" }, suppresses: ["total-mismatch"] }];
    expect(runRule(totalRule, { ...ctx, table: { ...calc.table, doubts } })).toEqual([]);
  });
});

const unitTable = (target: CellValue, unit: string, actual: CellValue) => [
  sheet("评分表", [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "度量单位", "实际完成值", "分值", "得分"],
    ["产出指标", "质量指标", "传染病筛查率", target, unit, actual, 50, 50],
    ["效益指标", "社会效益指标", "群众知晓率", 90, "%", 95, 50, 50],
    ["总分", null, null, null, null, null, 100, 100],
  ]),
];

testRule(unitMismatch, {
  valid: [
    { name: "100 under % against 100%", sheets: unitTable(100, "%", "100%") },
    { name: "95% under %", sheets: unitTable("≥95%", "%", "98%") },
  ],
  invalid: [{ name: "5人/10万人 under a % column", sheets: unitTable("5人/10万人", "%", "3人/10万人"), errors: [{ cell: "D2", includes: "%" }] }],
});

testRule(unitMismatch, {
  valid: [{ name: "the name's unit agrees with the column", sheets: unitTable(100, "%", "100%").map((s) => ({ ...s, values: s.values.map((r) => r.map((v) => (v === "传染病筛查率" ? "传染病筛查率(%)" : v))) })) }],
  invalid: [
    {
      name: "里程数（公里） beside a 万公里 column",
      sheets: [
        sheet("评分表", [
          ["一级指标", "二级指标", "三级指标", "年度指标值", "度量单位", "实际完成值", "分值", "得分"],
          ["产出指标", "数量指标", "执法用车平均里程数（公里）", 3.3, "万公里", 3.1, 50, 47],
          ["效益指标", "社会效益指标", "群众知晓率", 90, "%", 95, 50, 50],
          ["总分", null, null, null, null, null, 100, 97],
        ]),
      ],
      errors: [{ cell: "E2", includes: "公里" }],
    },
  ],
});

const fundsScore = (score: CellValue) => [
  layoutA({
    above: [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], ["年度资金总额", 100, 100, 100, 10, "100%", score], []],
    rows: cleanRows().map((r) => [r[0], r[1], r[2], r[3], r[4], r[5] === 20 ? 20 : r[5], r[6], r[7]] as Row).map((r, i) => (i === 6 ? ([r[0], r[1], r[2], r[3], r[4], 0, 0, r[7]] as Row) : r)),
  }),
];

testRule(missingValue, {
  valid: [{ name: "the funds block's score filled in", sheets: fundsScore(10) }],
  invalid: [{ name: "预算执行率 has 分值 10 but no 得分", sheets: fundsScore(null), errors: [{ cell: "G2", includes: "预算执行率" }] }],
});

describe("what a reviewer would not flag", () => {
  it("a 成本 amount without ≤ or ≥ is not judged as a target missed", () => {
    expect(problems(4, [null, "成本指标", "宣传片制作费", "200万", "195.5万元", 20, 20])).toEqual([]);
    expect(problems(4, [null, "成本指标", "宣传片制作费", "≤200万元", "195.5万元", 20, 20])).toEqual([]);
    expect(problems(4, [null, "成本指标", "宣传片制作费", "≤200万元", "210万元", 20, 20])).toEqual(["full-score-below-target G8"]);
  });
  it("a yes/no indicator states its own target", () => {
    expect(problems(0, ["决策指标", "项目立项", "规章制度建立与否", null, "是", 10, 10])).toEqual([]);
  });
  it("a weights-only 指标体系 with an empty 得分 column is a form to fill in, not gaps", () => {
    const rows = [
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["决策", "项目立项", "立项依据充分性", 30, null],
      [null, null, "立项程序规范性", 30, null],
      ["产出", "产出数量", "实际完成率", 40, null],
    ];
    expect(analyzeWorkbook({ source: "t", sheets: [sheet("指标体系", rows)] }).findings).toEqual([]);
  });
});

describe("a sum over an unreadable cell is not known", () => {
  it("raises no weights-sum or total error beside the missing-value warning", () => {
    const rows = cleanRows().map((r, k) => (k === 3 ? [r[0], r[1], r[2], r[3], r[4], { error: "#DIV/0!" }, "二十分左右", r[7]] : r)) as Row[];
    const a = analyzeWorkbook({ source: "t", sheets: [layoutA({ rows, total: [100, 100] })] });
    expect(a.findings.map((f) => `${f.severity} ${f.rule} ${f.cell}`).sort()).toEqual(["warning missing-value F7", "warning missing-value G7"]);
  });
});

describe("a row marked not applicable", () => {
  it('"/" in the weight and score: no missing-value', () => {
    expect(problems(6, ["满意度指标", "满意度指标", "百姓满意度", "/", null, "/", "/"]).filter((p) => p.startsWith("missing-value"))).toEqual([]);
  });
});

describe("soft wording is a judgement, not an error", () => {
  it("基本完成 is the top band (全部或基本达成, 80%–100%): full marks draw nothing, 70% a warning, never an error", () => {
    const full = analyzeWorkbook(tableWith(5, ["效益指标", "社会效益指标", "政策宣传", "全面完成", "基本完成", 20, 20])).findings;
    expect(full.map((f) => `${f.severity} ${f.rule} ${f.cell}`)).toEqual([]);
    const low = analyzeWorkbook(tableWith(5, ["效益指标", "社会效益指标", "政策宣传", "全面完成", "基本完成", 20, 14])).findings;
    expect(low.map((f) => `${f.severity} ${f.rule} ${f.cell}`)).toEqual(["warning score-off-rule G9"]);
  });
  it("部分完成 with full marks is still an error", () => {
    const found = analyzeWorkbook(tableWith(5, ["效益指标", "社会效益指标", "政策宣传", "全面完成", "部分完成", 20, 20])).findings;
    expect(found.map((f) => `${f.severity} ${f.rule} ${f.cell}`)).toEqual(["error full-score-below-target G9"]);
  });
});
