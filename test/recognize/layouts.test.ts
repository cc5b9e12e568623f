/** Recognition across the family of layouts, beyond the seeds' five. */
import { analyzeWorkbook } from "../../src/engine/analyze";
import { summarizeTable } from "../../src/engine/report";
import { sheet, workbook } from "../support/grid";

const analyze = (...s: Parameters<typeof workbook>) => analyzeWorkbook(workbook(...s));

describe("national 附1 form with funds block", () => {
  const rows = [
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", "城乡居民养老保险补助"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
    [null, "年度资金总额", 200, 200, 190, 10, "95%", 9.5],
    [null, "其中：本年财政拨款", 200, 200, 190, "-", "-", "-"],
    [null, "上年结转资金", 0, 0, 0, "-", "-", "-"],
    ["年度总体目标", "预期目标", null, null, "实际完成情况"],
    [null, "按时足额发放补助，保障困难群体参保。", null, null, "已按时足额发放。"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [null, "产出指标(50分)", "数量指标", "★代缴人数", "≥14500人", "14500人", 30, 30, null],
    [null, null, "时效指标", "资金拨付及时率", "100%", "100%", 20, 20, null],
    [null, "效益指标(30分)", "社会效益指标", "维护社会稳定", "有效", "有效", 30, 30, null],
    [null, "满意度指标(10分)", "服务对象满意度指标", "困难群众满意度", "≥95%", "96%", 10, 10, null],
    [null, "总分", null, null, null, null, 100, 99.5, null],
  ];
  const merges = ["A4:B4", "A5:A7", "A8:A9", "A10:A15", "B11:B12"];
  const a = analyze(sheet("自评表", rows, merges));

  it("reads the funds block, indicators and 总分", () => {
    expect(a.tables).toHaveLength(1);
    const t = summarizeTable(a.calcs[0]);
    expect(t).toMatchObject({ indicators: 4, weightTotal: "100", scoreTotal: "99.5", declaredWeightTotal: "100", declaredScoreTotal: "99.5", grade: "优", projectName: "城乡居民养老保险补助" });
    expect(a.calcs[0].executionRate?.toFixed()).toBe("95");
    expect(a.tables[0].indicators[0]).toMatchObject({ name: "代缴人数", core: true, level1: "产出指标" });
    expect(a.tables[0].groupWeights.map((g) => [g.name, g.declared.toFixed()])).toEqual([
      ["产出指标", "50"],
      ["效益指标", "30"],
      ["满意度指标", "10"],
    ]);
  });

  it("finds nothing wrong", () => {
    expect(a.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
  });
});

describe("other column orders and synonyms", () => {
  it("分值 before 指标值, 自评得分, 全年实际值, 权数", () => {
    const a = analyze(
      sheet("Sheet1", [
        ["某县2022年度项目绩效自评得分表"],
        ["单位：分"],
        ["一级指标", "二级指标", "具体指标", "权数", "指标值(A)", "全年实际值", "自评得分", "未完成原因和改进措施"],
        ["产出", "数量", "培训人次", 40, "≥200人次", "180人次", 36, "受疫情影响"],
        [null, "质量", "合格率", 30, "≥90%", "95%", 30, null],
        ["效益", "社会效益", "就业率", 30, "≥80%", "85%", 30, null],
        ["合计", null, null, 100, null, null, 96, null],
      ]),
    );
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 3, weightTotal: "100", scoreTotal: "96", declaredScoreTotal: "96" });
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("full-width figures and spaced header words", () => {
    const a = analyze(
      sheet("表", [
        ["一 级 指标", "二 级 指标", "三 级 指标", "年初指标值", "实际完成值", "权 重", "得 分"],
        ["产 出 指标", "数量指标", "发放人数", "≥１０００人", "１０００人", "５０", "５０"],
        ["效 益 指标", "社会效益", "群众满意度", "≥９５％", "９８％", "５０", "４９．５"],
        ["总 计", null, null, null, null, "１００", "９９．５"],
      ]),
    );
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 2, weightTotal: "100", scoreTotal: "99.5", declaredScoreTotal: "99.5" });
    expect(a.tables[0].indicators[0].level1).toBe("产出指标");
  });

  it("two tables on one sheet, and a budget table with 合计 that is not a scoring table", () => {
    const table = (name: string, score: number) => [
      [`${name}绩效评价得分表`],
      ["一级指标", "二级指标", "三级指标", "赋分", "评价得分"],
      ["产出", "数量", "完成率", 60, 60],
      ["效益", "社会效益", "满意度", 40, score],
      ["合计", null, null, 100, 60 + score],
      [],
      [],
      [],
    ];
    const a = analyze(
      sheet("多表", [
        ...table("甲项目", 40),
        ["区县", "预算数", "执行数", "执行率"],
        ["顺庆区", 228.18, 228.18, "100%"],
        ["合计", 830, 830, "100%"],
        [],
        [],
        [],
        ...table("乙项目", 38),
      ]),
    );
    expect(a.tables.map((t) => [t.title, summarizeTable(a.calcs[t.index]).scoreTotal])).toEqual([
      ["甲项目绩效评价得分表", "100"],
      ["乙项目绩效评价得分表", "98"],
    ]);
  });

  it("placeholder, 其中 and ★ rows", () => {
    const a = analyze(
      sheet("表", [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "★补助人数", "≥100人", "100人", 50, 50],
        [null, null, "其中：特困人员", "≥10人", "12人", null, null],
        [null, "质量指标", "指标2:", null, null, null, null],
        [null, null, "……", null, null, null, null],
        ["效益指标", "社会效益指标", "满意度", "≥90%", "95%", 50, 50],
        ["总分", null, null, null, null, 100, 100],
      ]),
    );
    expect(a.calcs[0].weightedCount).toBe(2);
    expect(a.tables[0].indicators.map((i) => i.name)).toEqual(["补助人数", "满意度"]);
    expect(a.findings).toEqual([]);
  });

  it("a target table without weights or scores is recognised and never accused of score errors", () => {
    const a = analyze(
      sheet("目标", [
        ["绩效目标实现情况", "绩效指标（二级）", "绩效指标（三级）", "目标值", "实际完成指标值", "完成进度"],
        ["产出指标", "数量指标", "补助人数", "116.11万人", "108.13万人", "93.13%"],
        [null, "时效指标", "完成时间", "12月底前完成", "12月底前完成", "100%"],
      ]),
    );
    expect(a.tables[0].kind).toBe("target");
    expect(a.tables[0].indicators).toHaveLength(2);
    expect(a.findings.filter((f) => ["weights-sum", "total-mismatch", "full-score-below-target", "missing-value"].includes(f.rule))).toEqual([]);
  });

  it("an empty or text-only sheet has no table and no crash", () => {
    expect(analyze(sheet("空", [])).tables).toEqual([]);
    expect(analyze(sheet("文字", [["项目概况"], ["本项目资金到位率100%。"]])).findings).toEqual([]);
  });
});

describe("report text is linked to its own table only", () => {
  const table = (name: string, score: number) =>
    sheet(name, [
      ["一级指标", "二级指标", "三级指标", "权重", "得分"],
      ["产出指标", "数量指标", "完成率", 60, 60],
      ["效益指标", "社会效益", "满意度", 40, score],
      ["总计", null, null, 100, 60 + score],
    ]);
  const text = (name: string, quote: number) => sheet(name, [["评价结论"], [`本项目自评价得分${quote}分，评价等级为优。`]]);

  it("pairs 情况表 with 评分表 by sheet name in a multi-project workbook", () => {
    const a = analyze(table("1号评分表", 40), text("1号情况表", 100), table("2号评分表", 38), text("2号情况表", 99));
    const n = a.findings.filter((f) => f.rule === "narrative-mismatch");
    expect(n.map((f) => `${f.sheet}!${f.cell} ${f.tableIndex}`)).toEqual(["2号情况表!A2 1"]);
  });

  it("does not guess when nothing links the text to a table", () => {
    const a = analyze(table("甲", 40), table("乙", 38), text("说明", 97));
    expect(a.findings.filter((f) => f.rule === "narrative-mismatch")).toEqual([]);
  });
});
