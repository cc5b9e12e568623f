/**
 * Layouts of provincial and third-party forms beyond the corpus: a 分值 column per level, 序号 and
 * 得分率 columns, several score columns, the 新疆 2023 form's wording, and a table that simply stops.
 */
import { analyzeWorkbook } from "../../src/engine/analyze";
import { summarizeTable } from "../../src/engine/report";
import { sheet, workbook } from "../support/grid";

const analyze = (rows: Parameters<typeof sheet>[1], merges: string[] = []) => analyzeWorkbook(workbook(sheet("Sheet1", rows, merges)));
const findings = (a: ReturnType<typeof analyze>) => a.findings.map((f) => `${f.severity} ${f.rule} ${f.cell}`);

describe("一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 (a weight column per level)", () => {
  const rows = [
    ["部门整体支出绩效评价指标评分表"],
    ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "评价标准", "得分"],
    ["投入", 20, "目标设定", 8, "绩效目标合理性", 4, "合理得4分", 4],
    [null, null, null, null, "绩效指标明确性", 4, "明确得4分", 3],
    [null, null, "预算配置", 12, "在职人员控制率", 6, "≤100%得6分", 6],
    [null, null, null, null, "“三公经费”变动率", 6, "下降得6分", 6],
    ["产出", 50, "职责履行", 50, "实际完成率", 25, "", 25],
    [null, null, null, null, "质量达标率", 25, "", 24],
    ["效果", 30, "履职效益", 30, "服务对象满意度", 30, "", 28],
    ["合计", 100, null, null, null, null, null, 96],
  ];
  const merges = ["A3:A6", "B3:B6", "C3:C4", "D3:D4", "C5:C6", "D5:D6", "A7:A8", "B7:B8", "C7:C8", "D7:D8"];
  for (const withMerges of [true, false]) {
    it(`reads the total's weight under the 一级 分值 (${withMerges ? "merged" : "merges lost"})`, () => {
      const a = analyze(rows, withMerges ? merges : []);
      expect(summarizeTable(a.calcs[0])).toMatchObject({ range: "A2:H10", indicators: 7, weightTotal: "100", scoreTotal: "96", declaredWeightTotal: "100", declaredScoreTotal: "96" });
      expect(findings(a)).toEqual([]);
    });
  }
});

describe("the table's width is its header's, unknown titles included", () => {
  const rows = [
    ["项目绩效评价评分表"],
    ["序号", "一级指标", "二级指标", "三级指标", "分值", "得分", "得分率", "佐证材料"],
    [1, "决策", "项目立项", "立项依据充分性", 10, 10, "100%", "立项文件"],
    [2, null, "绩效目标", "绩效目标合理性", 10, 8, "80%", null],
    [3, "过程", "资金管理", "资金到位率", 20, 20, "100%", null],
    [4, "产出", "产出数量", "实际完成率", 30, 27, "90%", null],
    [5, "效益", "项目效益", "社会效益", 30, 28, "93.33%", null],
    [null, "合计", null, null, 100, 93, "93%", null],
  ];
  it("runs from 序号 to 佐证材料, and 得分率 is not read as a score", () => {
    const a = analyze(rows, ["B3:B4"]);
    expect(a.tables).toHaveLength(1);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ range: "A2:H8", indicators: 5, weightTotal: "100", scoreTotal: "93", declaredScoreTotal: "93" });
    expect(findings(a)).toEqual([]);
  });

  it("stops at the first untitled column", () => {
    const a = analyze(rows.map((r, i) => (i === 1 ? [...r.slice(0, 6), null, "佐证材料"] : r)));
    expect(summarizeTable(a.calcs[0]).range).toBe("A2:F8");
  });
});

describe("several score columns", () => {
  it("自评得分 and 评价得分: the reviewer's score is checked, and the choice is said", () => {
    const a = analyze([
      ["项目支出绩效评价评分表"],
      ["一级指标", "二级指标", "三级指标", "分值", "自评得分", "评价得分", "扣分原因"],
      ["产出指标", "数量指标", "完成人数", 30, 30, 27, "部分未完成"],
      [null, "质量指标", "合格率", 30, 30, 30, null],
      ["效益指标", "社会效益指标", "群众受益", 30, 30, 28, "宣传不足"],
      ["满意度指标", "服务对象满意度", "满意度", 10, 10, 9, "抽样满意度92%"],
      ["总分", null, null, 100, 100, 94, null],
    ]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ scoreTotal: "94", declaredScoreTotal: "94" });
    expect(findings(a)).toEqual(["info recognition-doubt F2"]);
    expect(a.findings[0].message.zh).toBe("表中有2列得分（“自评得分”、“评价得分”），按“评价得分”核查，“自评得分”未核查");
  });

  it("指标得分（百分制） and 加权得分 under 权重（%）: the weighted score is the indicator's score", () => {
    const a = analyze([
      ["绩效评价指标评分表"],
      ["一级指标", "二级指标", "权重（%）", "指标得分（百分制）", "加权得分"],
      ["决策", "项目立项", 10, 90, 9],
      [null, "绩效目标", 10, 80, 8],
      ["过程", "资金管理", 20, 95, 19],
      [null, "组织实施", 10, 100, 10],
      ["产出", "产出数量", 15, 100, 15],
      [null, "产出质量", 15, 90, 13.5],
      ["效益", "项目效益", 20, 85, 17],
      ["合计", null, 100, null, 91.5],
    ]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 7, weightTotal: "100", scoreTotal: "91.5", declaredScoreTotal: "91.5" });
    expect(findings(a)).toEqual(["info recognition-doubt E2"]);
  });
});

describe("新疆 2023 project form wording", () => {
  it("reads 分值权重 in the funds block, 指标分值权重, 指标得分, and leaves 上年完成值 alone", () => {
    const a = analyze(
      [
        ["项目支出绩效自评表"],
        ["项目资金（万元）", null, null, "年初预算数", "全年预算数", "全年执行数", "分值权重", "执行率", "得分"],
        [null, "年度资金总额", null, 5.28, 1.96, 1.96, 10, "100.00%", 10],
        ["年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标值设置依据", "上年完成值", "指标分值权重", "赋分规则", "佐证资料", "实际完成值", "完成率", "指标得分", "偏差原因分析及改进措施"],
        [null, "产出指标", "数量指标", "开展统计调查次数", "≥", 12, "次", "计划标准", 10, 25, "完成得满分", "调查报表", 12, "100%", 25, null],
        [null, null, "质量指标", "数据上报准确率", "≥", 98, "%", "行业标准", 90, 25, "按比例", "报表", 98, "100%", 25, null],
        [null, "效益指标", "社会效益指标", "为决策提供依据", "定性", "有效", null, null, "有效", 30, null, null, "有效", "100%", 28, "部分数据时效性不足"],
        [null, "满意度指标", "服务对象满意度指标", "使用单位满意度", "≥", 90, "%", null, 80, 10, null, null, 95, "100%", 10, null],
        ["总分", null, null, null, null, null, null, null, null, 100, null, null, null, null, 98, null],
      ],
      ["A2:C2", "A4:A8", "B5:B6", "A9:I9"],
    );
    expect(summarizeTable(a.calcs[0])).toMatchObject({ range: "A2:P9", indicators: 4, weightTotal: "100", scoreTotal: "98", declaredWeightTotal: "100", declaredScoreTotal: "98" });
    expect(findings(a)).toEqual([]);
  });
});

describe("a table without a total row", () => {
  it("ends at its last indicator: not at a template row under it, nor at the 附件 line of what follows", () => {
    const a = analyze([
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["产出指标", "数量指标", "培训人数", 50, 50],
      [null, "质量指标", "合格率", 30, 30],
      ["效益指标", "社会效益指标", "就业率", 20, 18],
      [null, null, "指标2"],
      [],
      ["附件2"],
    ]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ range: "A1:E4", indicators: 3, weightTotal: "100", scoreTotal: "98" });
  });
});

describe("SUBTOTAL totals over SUBTOTAL 小计 rows", () => {
  const rows = (cached: boolean) => [
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["产出指标", "数量指标", "培训人数", 30, 30],
    [null, "质量指标", "合格率", 30, 28],
    ["小计", null, null, { f: "SUBTOTAL(9,D2:D3)", v: cached ? 60 : null }, { f: "SUBTOTAL(9,E2:E3)", v: cached ? 58 : null }],
    ["效益指标", "社会效益指标", "就业率", 40, 38],
    ["小计", null, null, { f: "SUBTOTAL(9,D5:D5)", v: cached ? 40 : null }, { f: "SUBTOTAL(9,E5:E5)", v: cached ? 38 : null }],
    ["合计", null, null, { f: "SUBTOTAL(9,D2:D6)", v: cached ? 100 : null }, { f: "SUBTOTAL(9,E2:E6)", v: cached ? 96 : null }],
  ];
  for (const cached of [true, false])
    it(`counts nothing twice, as Excel (${cached ? "cached values" : "no cached values"})`, () => {
      const a = analyze(rows(cached));
      expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 3, weightTotal: "100", scoreTotal: "96", declaredWeightTotal: "100", declaredScoreTotal: "96" });
      expect(findings(a)).toEqual([]);
    });
});

describe("a grade line under the total row", () => {
  it("is read, but the table's range ends at the total row", () => {
    const a = analyze([
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["产出指标", "数量指标", "培训人数", 50, 50],
      ["效益指标", "社会效益指标", "就业率", 50, 45],
      ["总分", null, null, 100, 95],
      ["评价等级", "优"],
    ]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ range: "A1:E4", declaredGrade: "优", grade: "优" });
  });
});

describe("total rows as units label them", () => {
  const table = (label: string, weight: number, score: number, extra: (string | number | null)[][] = []) => [
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 100, 100, 95, 10, "95%", 9.5],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "培训人数", "≥100人", "100人", 50, 50, null],
    ["效益指标", "社会效益指标", "就业率", "≥80%", "85%", 30, 30, null],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", 10, 10, null],
    ...extra,
    [label, null, null, null, null, weight, score, null],
  ];
  it.each(["自评总得分", "项目总得分", "总分合计", "综合得分（分）", "总分（得分）", "得分"])("%s", (label) => {
    const a = analyze(table(label, 100, 99.5), [`A${7}:E${7}`]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 3, weightTotal: "100", scoreTotal: "99.5", declaredWeightTotal: "100", declaredScoreTotal: "99.5" });
    expect(findings(a)).toEqual([]);
  });

  it("绩效指标合计 under a funds block adds up the indicators only", () => {
    const a = analyze(table("绩效指标合计", 90, 90));
    expect(findings(a)).toEqual([]);
    expect(findings(analyze(table("绩效指标合计", 90, 89)))).toEqual(["error total-mismatch G7"]);
  });

  it("合计 of the indicators, then 总分 with the funds block: both are right", () => {
    const a = analyze(table("总分", 100, 99.5, [["合计", null, null, null, null, 90, 90, null]]));
    expect(summarizeTable(a.calcs[0])).toMatchObject({ range: "A1:H8", indicators: 3, declaredWeightTotal: "100", declaredScoreTotal: "99.5" });
    expect(findings(a)).toEqual([]);
  });

  it("a 合计 under each 一级 and 总计 at the end", () => {
    const a = analyze([
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["产出指标", "数量指标", "培训人数", 30, 30],
      [null, "质量指标", "合格率", 30, 28],
      ["合计", null, null, 60, 58],
      ["效益指标", "社会效益指标", "就业率", 40, 36],
      ["合计", null, null, 40, 36],
      ["总计", null, null, 100, 94],
    ]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ range: "A1:E7", indicators: 3, weightTotal: "100", scoreTotal: "94", declaredScoreTotal: "94" });
    expect(findings(a)).toEqual([]);
  });

  it("two tables, each closed by its own 合计, stay two tables", () => {
    const part = (n: number) => [
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["产出指标", "数量指标", `培训人数${n}`, 60, 60],
      ["效益指标", "社会效益指标", `就业率${n}`, 40, 36],
      ["合计", null, null, 100, 96],
    ];
    const a = analyze([...part(1), [], ...part(2)]);
    expect(a.calcs.map((c) => summarizeTable(c).range)).toEqual(["A1:E4", "A6:E9"]);
    expect(findings(a)).toEqual([]);
  });
});

describe("header words broken over two rows by a PDF conversion", () => {
  const body = [
    ["产出指标", "数量指标", "培训人数", "≥100人", "100人", 50, 50],
    ["效益指标", "社会效益指标", "就业率", "≥80%", "85%", 30, 28, "部分学员尚未就业"],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", 20, 20],
    ["总分", null, null, null, null, 100, 98],
  ];
  it("every word broken", () => {
    const a = analyze([["一级", "二级", "三级", "年度指", "实际完", "分", "得", "扣分"], ["指标", "指标", "指标", "标值", "成值", "值", "分", "原因"], ...body]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ range: "A1:H6", indicators: 3, weightTotal: "100", scoreTotal: "98", declaredWeightTotal: "100", declaredScoreTotal: "98" });
    expect(a.tables[0].columns.roles).toMatchObject({ level1: 0, level2: 1, level3: 2, target: 3, actual: 4, weight: 5, score: 6, basis: 7 });
    expect(findings(a)).toEqual([]);
  });
  it("only 分 over 值", () => {
    const a = analyze([["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分", "得分", "扣分原因"], [null, null, null, null, null, "值", null, null], ...body]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 3, weightTotal: "100", scoreTotal: "98", declaredWeightTotal: "100" });
    expect(findings(a)).toEqual([]);
  });
  it("a line of text above a header is not half of it", () => {
    const a = analyze([["说明：本表由项目单位填报", "填报日期"], ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"], ...body]);
    expect(a.tables[0].headerRows).toEqual([1]);
  });
});

describe("a scored row labelled left of the name columns", () => {
  it("预算执行率（10分） in the 绩效指标 column, its merge lost, is a scored row", () => {
    const a = analyze([
      ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      [null, "产出指标", "数量指标", "完成道路硬化里程", "≥12公里", "12.5公里", 50, 50],
      [null, "效益指标", "社会效益指标", "受益群众人数", "≥1500人", "1620人", 30, 30],
      [null, "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", 10, 10],
      ["预算执行率（10分）", null, null, null, "100%", "95%", 10, 9.5],
      ["总分", null, null, null, null, null, 100, 99.5],
    ]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 4, weightTotal: "100", scoreTotal: "99.5", declaredScoreTotal: "99.5" });
    expect(findings(a)).toEqual([]);
  });
});

describe("four levels of indicators (四级指标)", () => {
  const rows = [
    ["一级指标", "二级指标", "三级指标", "四级指标", "分值", "评价得分"],
    ["决策（10分）", "项目立项", "立项依据充分性", "是否符合相关政策", 4, 4],
    [null, null, null, "是否与部门职责相符", 2, 2],
    [null, null, "立项程序规范性", "是否按规定程序申请设立", 4, 3],
    ["产出（90分）", "产出数量", "实际完成率", "完成道路建设里程", 50, 50],
    [null, null, null, "完成桥涵改造座数", 40, 38],
    ["合计", null, null, null, 100, 97],
  ];
  for (const withMerges of [true, false])
    it(`the 四级 names the indicators, under their 三级 (${withMerges ? "merged" : "merges lost"})`, () => {
      const a = analyze(rows, withMerges ? ["A2:A4", "B2:B4", "C2:C3", "A5:A6", "B5:B6", "C5:C6"] : []);
      expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 5, weightTotal: "100", scoreTotal: "97", declaredScoreTotal: "97" });
      expect(a.tables[0].indicators.map((i) => i.name)).toEqual(["是否符合相关政策", "是否与部门职责相符", "是否按规定程序申请设立", "完成道路建设里程", "完成桥涵改造座数"]);
      expect(findings(a)).toEqual([]);
    });
});

describe("hidden indicator rows", () => {
  const rows = [
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["产出指标", "数量指标", "培训人数", 60, 60],
    [null, "质量指标", "合格率（已取消）", 10, 10],
    ["效益指标", "社会效益指标", "就业率", 40, 36, "部分学员尚未就业"],
  ];
  const hiddenAt = (total: [number, number]) => {
    const s = sheet("Sheet1", [...rows, ["合计", null, null, ...total]]);
    return analyzeWorkbook(workbook({ ...s, hiddenRows: [2] }));
  };
  it("are left out, and said, when the total row counts only the visible rows", () => {
    const a = hiddenAt([100, 96]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 2, weightTotal: "100", scoreTotal: "96" });
    expect(findings(a)).toEqual(["info recognition-doubt C3"]);
  });
  it("are kept when the total counts them", () => {
    const a = hiddenAt([110, 106]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 3, weightTotal: "110" });
    expect(findings(a)).toContain("error weights-sum D5");
  });
});

describe("一级 rows with figures: headings of the rows below, or rows of their own", () => {
  it("a recap of 一级 results (产出 50, 效益 30, 满意度 10, 预算执行率 10) is four rows", () => {
    const a = analyze([
      ["一级指标", "分值", "得分", "备注"],
      ["产出指标", 50, 48, null],
      ["效益指标", 30, 29, null],
      ["满意度指标", 10, 9, null],
      ["预算执行率", 10, 9.5, null],
      ["合计", 100, 95.5, null],
    ]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 4, weightTotal: "100", scoreTotal: "95.5" });
    expect(findings(a)).toEqual([]);
  });
  it("a 投入 row heading its rows, whose score is not theirs, is still their subtotal", () => {
    const a = analyze([["指标", "分值", "得分"], ["投入", 20, 19], ["项目立项", 10, 10], ["绩效目标", 10, 9.5], ["产出", 80, 80], ["完成率", 40, 40], ["质量达标率", 40, 40], ["合计", 100, 99.5]]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 4, weightTotal: "100", scoreTotal: "99.5" });
    expect(findings(a)).toEqual(["error subtotal-mismatch C2"]);
  });
});

describe("a table split over two sheets by a page conversion", () => {
  const header = ["一级指标", "二级指标", "三级指标", "分值", "得分"];
  const page1 = sheet("Table 1", [["项目绩效评价评分表"], header, ["产出指标", "数量指标", "培训人数", 30, 30], [null, "质量指标", "合格率", 30, 28]]);
  const rest = [["效益指标", "社会效益指标", "就业率", 40, 38]];
  it("with the header repeated on the second sheet: the pair is checked together", () => {
    const a = analyzeWorkbook(workbook(page1, sheet("Table 2", [header, ...rest, ["合计", null, null, 100, 96]])));
    expect(a.calcs.map((c) => summarizeTable(c).weightTotal)).toEqual(["60", "40"]);
    expect(findings(a)).toEqual(["info recognition-doubt A2", "info recognition-doubt A1"]);
    expect(a.findings[0].message.zh).toContain("两部分权重合计100分、得分合计96分");
  });
  it("a total the two parts do not make is said, not silenced into agreement", () => {
    const a = analyzeWorkbook(workbook(page1, sheet("Table 2", [header, ...rest, ["合计", null, null, 100, 98]])));
    expect(a.findings[0].message.zh).toContain("与合计行得分98分不一致");
  });
  it("with the second sheet's rows come over without a header: no total check on a part", () => {
    const a = analyzeWorkbook(workbook(page1, sheet("Table 2", [...rest, ["合计", null, null, 100, 96]])));
    expect(findings(a)).toEqual(["info recognition-doubt A2"]);
  });
  it("a table that is whole on its sheet is left alone", () => {
    const a = analyzeWorkbook(workbook(page1, sheet("说明", [["本表由项目单位填报"]])));
    expect(findings(a)).toEqual(["error weights-sum D3"]);
  });
});

describe("a funds row slid a column by a conversion", () => {
  const rows = (rate: string) => [
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 1000, 950, 10, rate, 9.5, null],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "培训人数", "≥100人", "100人", 50, 50],
    ["效益指标", "社会效益指标", "就业率", "≥80%", "85%", 30, 30],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", 10, 10],
    ["总分", null, null, null, null, 100, 99.5],
  ];
  it("is read a column over when 执行数 ÷ 预算数 gives the printed rate there, and said", () => {
    const a = analyze(rows("95%"));
    expect(summarizeTable(a.calcs[0])).toMatchObject({ weightTotal: "100", scoreTotal: "99.5" });
    expect(a.calcs[0].table.funds).toMatchObject({ slid: -1 });
    expect(findings(a)).toEqual(["info recognition-doubt E2"]);
    expect(a.findings[0].message.zh).toContain("已按错位后的列读取");
  });
  it("is said, and no 预算执行率 or total check rests on it, when the arithmetic does not prove the slide", () => {
    const a = analyze(rows("90%"));
    expect(a.calcs[0].table.funds?.slid).toBeUndefined();
    expect(findings(a)).toEqual(["info recognition-doubt F2"]);
  });
});

describe("the total row, placed and written otherwise", () => {
  it("合计 right under the header, the rows below it", () => {
    const a = analyze([
      ["一级指标", "二级指标", "分值", "得分", "扣分原因"],
      ["合计", null, 100, 93, null],
      ["决策", "项目立项", 30, 30, null],
      [null, "绩效目标", 20, 18, "目标量化不足"],
      ["产出", "产出数量", 50, 45, "部分未完成"],
    ]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ range: "A1:E5", indicators: 3, weightTotal: "100", scoreTotal: "93", declaredScoreTotal: "93" });
    expect(findings(a)).toEqual([]);
    const wrong = analyze([["一级指标", "二级指标", "分值", "得分"], ["合计", null, 100, 95], ["决策", "项目立项", 50, 50], ["产出", "产出数量", 50, 43]]);
    expect(findings(wrong)).toEqual(["error total-mismatch D2"]);
  });
  it("a score written with its grade, 95.5（优）", () => {
    const a = analyze([
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["产出指标", "数量指标", "培训人数", 60, 60],
      ["效益指标", "社会效益指标", "就业率", 40, 35.5, "部分学员尚未就业"],
      ["总分", null, null, 100, "95.5（优）"],
    ]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ declaredScoreTotal: "95.5", declaredGrade: "优" });
    expect(findings(a)).toEqual([]);
  });
});

describe("a report's 扣分情况 list repeating rows of the table", () => {
  it("is an excerpt, not a second table of 40 points", () => {
    const table = sheet("自评表", [
      ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"],
      ["产出指标", "数量指标", "培训人数", 40, 38, "部分学员未参训"],
      ["效益指标", "社会效益指标", "就业率", 40, 36, "部分学员尚未就业"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", 20, 20, null],
      ["总分", null, null, 100, 94, null],
    ]);
    const report = sheet("自评报告", [["评价结论：项目自评得分94分，评价等级为优。"], [], ["序号", "指标名称", "分值", "得分", "扣分原因"], [1, "培训人数", 40, 38, "部分学员未参训"], [2, "就业率", 40, 36, "部分学员尚未就业"], ["合计", null, 80, 74, null]]);
    const a = analyzeWorkbook(workbook(table, report));
    expect(a.tables.map((t) => t.sheet)).toEqual(["自评表"]);
    expect(findings(a)).toEqual([]);
  });
});

describe("one report sheet speaking of several projects", () => {
  const project = (name: string, sheetName: string, scores: number[]) =>
    sheet(sheetName, [
      ["项目名称", name],
      ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"],
      ["产出指标", "数量指标", "完成数量", 60, scores[0], scores[0] < 60 ? "部分未完成" : null],
      ["效益指标", "社会效益指标", "受益人数", 40, scores[1], scores[1] < 40 ? "部分未达到" : null],
      ["总分", null, null, 100, scores[0] + scores[1], null],
    ]);
  it("each paragraph is checked against the project it names, or the one its heading names", () => {
    const a = analyzeWorkbook(
      workbook(
        project("灌溉工程", "灌溉工程", [58, 37.5]),
        project("饮水安全工程", "饮水安全", [50, 38.5]),
        sheet("自评报告", [
          ["一、灌溉工程项目"],
          ["该项目自评得分95.5分，评价等级为优。"],
          ["二、饮水安全工程项目"],
          ["该项目自评得分88.5分，评价等级为良。"],
          ["饮水安全工程项目自评得分88.5分，灌溉工程项目自评得分95.5分。"],
        ]),
      ),
    );
    expect(findings(a)).toEqual([]);
  });
});

describe("print titles repeated at every page", () => {
  const title = ["2023年度部门整体支出绩效自评表"];
  const unit = ["单位名称：县农业农村局", null, null, null, null, "金额单位：万元"];
  const header = ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"];
  const page1 = [["投入", "预算编制", "预算编制科学性", 20, 20], ["过程", "资金管理", "资金使用合规性", 30, 28, "个别凭证不全"]];
  const page2 = [["产出", "产出数量", "实际完成率", 30, 30], ["效果", "社会效益", "服务对象满意度", 20, 19, "满意度95%"], ["合计", null, null, 100, 97]];
  it("title, unit line and header again: one table", () => {
    const a = analyze([title, unit, header, ...page1, [null, null, null, "第 1 页，共 2 页"], title, unit, header, ...page2]);
    expect(a.calcs.map((c) => summarizeTable(c))).toMatchObject([{ range: "A3:F12", indicators: 4, weightTotal: "100", scoreTotal: "97" }]);
    expect(findings(a)).toEqual([]);
  });
  it("title and unit line again with no header: one table", () => {
    const a = analyze([title, unit, header, ...page1, title, unit, ...page2]);
    expect(a.calcs.map((c) => summarizeTable(c))).toMatchObject([{ indicators: 4, weightTotal: "100", scoreTotal: "97" }]);
    expect(findings(a)).toEqual([]);
  });
});

describe("其中 rows and funds rows without amounts", () => {
  it("其中 rows adding up to the indicator above break it down, they are not further indicators", () => {
    const a = analyze([
      ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"],
      ["投入", "预算执行", "预算执行率", 20, 19.65, "部分项目年底未支付"],
      [null, null, "其中：基本支出执行率", 10, 9.95, null],
      [null, null, "其中：项目支出执行率", 10, 9.7, "部分项目年底未支付"],
      ["产出", "职责履行", "重点工作完成率", 80, 80, null],
      ["合计", null, null, 100, 99.65, null],
    ]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 2, weightTotal: "100", scoreTotal: "99.65" });
    expect(findings(a)).toEqual([]);
  });
  it("a funds row with its amounts left blank still counts its 分值 and 得分", () => {
    const a = analyze([
      ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", null, "—", "—", 10, null, 9.5],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "培训人数", "≥100人", "100人", 50, 50],
      ["效益指标", "社会效益指标", "就业率", "≥80%", "85%", 30, 30],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", 10, 10],
      ["总分", null, null, null, null, 100, 99.5],
    ]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ weightTotal: "100", scoreTotal: "99.5" });
    expect(findings(a).filter((f) => f.startsWith("error"))).toEqual([]);
  });
});

describe("more of how units write a table", () => {
  const body = [
    ["产出指标", "数量指标", "培训人数", "≥100人", "100人", 40, 40],
    [null, "质量指标", "合格率", "≥95%", "96%", 30, 30],
    ["效益指标", "社会效益指标", "就业率", "≥80%", "85%", 30, 28, "部分学员尚未就业"],
  ];
  const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"];
  it("a total under a label the vocabulary does not know is known by its figures", () => {
    const a = analyze([header, ...body, ["总成绩", null, null, null, null, 100, 98]]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 3, weightTotal: "100", declaredWeightTotal: "100", declaredScoreTotal: "98" });
    expect(findings(a)).toEqual([]);
  });
  it("a last indicator worth all the others together stays an indicator", () => {
    const a = analyze([header, ...body, ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", 100, 98]]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 4, weightTotal: "200" });
  });
  it("the indicator column titled 指标 beside 一级/二级", () => {
    const a = analyze([["一级指标", "二级指标", "指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"], ...body, ["总分", null, null, null, null, 100, 98]]);
    expect(a.tables[0].indicators.map((i) => i.name)).toEqual(["培训人数", "合格率", "就业率"]);
    expect(findings(a)).toEqual([]);
  });
  it("一、产出指标 heading rows with the 一级 named again below", () => {
    const a = analyze([
      header,
      ["一、产出指标", null, null, null, null, 70, 70],
      ...body.slice(0, 2),
      ["二、效益指标", null, null, null, null, 30, 28],
      body[2],
      ["总分", null, null, null, null, 100, 98],
    ]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 3, weightTotal: "100", scoreTotal: "98" });
    expect(findings(a)).toEqual([]);
  });
  it("a 注： line between the last indicator and the total row", () => {
    const a = analyze([header, ...body, ["注：满意度调查共发放问卷200份，回收196份。"], ["总分", null, null, null, null, 100, 98]]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ range: "A1:H6", declaredScoreTotal: "98" });
    expect(findings(a)).toEqual([]);
  });
});

describe("自评得分 beside 复核得分", () => {
  it("the column not checked is still held to its own total", () => {
    const a = analyze([
      ["一级指标", "二级指标", "三级指标", "分值", "自评得分", "复核得分"],
      ["产出指标", "数量指标", "培训人数", 60, 60, 58],
      ["效益指标", "社会效益指标", "就业率", 40, 40, 38],
      ["总分", null, null, 100, 98, 96],
    ]);
    expect(findings(a)).toEqual(["error total-mismatch E4", "info recognition-doubt F1"]);
    expect(a.findings[0].message.zh).toBe("总分行“自评得分”填报98，但该列各行合计为100");
  });
});

describe("rounding, blanks and bonus points", () => {
  const header = ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"];
  it("equal shares typed 33.33 × 3 make 100", () => {
    const a = analyze([header, ["产出", "数量", "甲", 33.33, 33.33], ["效益", "社会", "乙", 33.33, 33.33], ["满意度", "满意度", "丙", 33.33, 33.33], ["合计", null, null, 100, 100]]);
    expect(findings(a)).toEqual([]);
  });
  it("but a whole-number slip (100 over 99.6) is still an error", () => {
    const a = analyze([header, ["产出", "数量", "甲", 40, 40], ["效益", "社会", "乙", 30, 30], ["满意度", "满意度", "丙", 29.6, 29.6], ["合计", null, null, 100, 99.6]]);
    expect(findings(a)).toEqual(["error weights-sum D5", "error total-mismatch D5"]);
  });
  it("a blank 分值 on a scored row leaves the weight total unknown: a gap, not an error", () => {
    const a = analyze([header, ["产出", "数量", "甲", 40, 40], ["效益", "社会", "乙", null, 30], ["满意度", "满意度", "丙", 30, 30], ["合计", null, null, 100, 100]]);
    expect(findings(a)).toEqual(["warning missing-value D3"]);
  });
  it("a 加分项 row may be counted in the total or left outside it", () => {
    const rows = [header, ["决策", "目标设定", "绩效目标合理性", 30, 30], ["产出", "产出数量", "重点工作完成率", 70, 68, "一项未完成"], ["加分项", "创新举措", "获省级表彰", 5, 3]];
    expect(findings(analyze([...rows, ["合计", null, null, 100, 98]]))).toEqual([]);
    expect(findings(analyze([...rows, ["合计", null, null, 105, 101]]))).toEqual([]);
  });
  it("a total that rounds itself (=ROUND(…,0)) agrees with its rows", () => {
    const a = analyze([header, ["产出", "数量", "甲", 50, 48.394], ["效益", "社会", "乙", 50, 49.394, "略有不足"], ["合计", null, null, { f: "SUM(D2:D3)", v: 100 }, { f: "ROUND(SUM(E2:E3),0)", v: 98 }]]);
    expect(findings(a).filter((f) => f.includes("total-mismatch"))).toEqual([]);
  });
  it("有所提升 meets 较上年提升", () => {
    const a = analyze([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "培训人数", "≥100人", "100人", 50, 50],
      ["效益指标", "社会效益指标", "群众获得感", "较上年提升", "有所提升", 50, 50],
      ["总分", null, null, null, null, 100, 100],
    ]);
    expect(findings(a)).toEqual([]);
  });
});
