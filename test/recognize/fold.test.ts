/** Step 4 — fold rows into the table: groups, subtotals and their members, the total. */
import { sheet } from "../support/grid";
import { errors, recognize, summary, warnings } from "./helpers";

describe("一级 rows with their weight in the label and figures on the row", () => {
  const rows = [
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["决策(20分)", null, null, { f: "SUM(D3:D4)", v: 20 }, { f: "SUM(E3:E4)", v: 19 }],
    [null, "项目立项", "立项依据充分性", 10, 10],
    [null, "绩效目标", "目标明确性", 10, 9],
    ["产出指标(80分)", null, null, 80, 80],
    [null, "数量指标", "补助人数", 50, 50],
    [null, "质量指标", "发放准确率", 30, 30],
    ["合计", null, null, 100, 99],
  ];

  it("are subtotals of the rows under them, never indicators", () => {
    const t = recognize(sheet("表", rows, ["A2:A4", "A5:A7"])).tables[0];
    expect(t.indicators.map((i) => i.name)).toEqual(["立项依据充分性", "目标明确性", "补助人数", "发放准确率"]);
    expect(t.subtotals.map((s) => [s.label, s.row, s.memberRows])).toEqual([
      ["决策(20分)", 1, [2, 3]],
      ["产出指标(80分)", 4, [5, 6]],
    ]);
    expect(t.indicators[0].level1).toBe("决策");
    expect(summary(sheet("表", rows))[0]).toMatchObject({ indicators: 4, weightTotal: "100", scoreTotal: "99" });
    expect(errors(sheet("表", rows))).toEqual([]);
  });

  it("a subtotal that disagrees with its rows is an error on its cell", () => {
    const bad = rows.map((r) => [...r]);
    bad[4][4] = 78;
    expect(errors(sheet("表", bad))).toEqual([expect.stringMatching(/^subtotal-mismatch E5 /)]);
  });

  it("a name row with figures and nothing under it is an indicator (merges lost)", () => {
    const t = recognize(
      sheet("表", [
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        ["产出指标", "数量指标", "补助人数", 90, 90],
        ["满意度指标", null, null, 10, 10],
        ["合计", null, null, 100, 100],
      ]),
    ).tables[0];
    expect(t.indicators.map((i) => i.name)).toEqual(["补助人数", "满意度指标"]);
    expect(t.subtotals).toEqual([]);
  });
});

describe("a table continued over a page break", () => {
  const rows = [
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["产出指标(60分)", "数量指标", "补助人数", 30, 30],
    [null, null, "覆盖率", 10, 10],
    ["（续表）"],
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["产出指标（续）", "数量指标", "发放人次", 20, 20],
    ["效益指标(40分)", "社会效益", "满意度", 40, 40],
    ["合计", null, null, 100, 100],
  ];

  it("is one group continuing: no duplicate group, no split weight warning", () => {
    const t = recognize(sheet("表", rows, ["A2:A3", "B2:B3"])).tables[0];
    expect(t.groupWeights.map((g) => [g.name, g.declared.toFixed(), g.memberRows.length])).toEqual([
      ["产出指标", "60", 3],
      ["效益指标", "40", 1],
    ]);
    expect(t.skippedRows).toEqual([3, 4]);
    expect(warnings(sheet("表", rows)).filter((w) => w.startsWith("weight-structure"))).toEqual([]);
    expect(errors(sheet("表", rows))).toEqual([]);
  });

  it("names written on every row (filled down) are one group too", () => {
    const filled = [
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["产出指标(60分)", "数量指标", "补助人数", 30, 30],
      ["产出指标(60分)", "数量指标", "覆盖率", 30, 30],
      ["效益指标(40分)", "社会效益", "满意度", 40, 40],
    ];
    const t = recognize(sheet("表", filled)).tables[0];
    expect(t.groupWeights.map((g) => [g.name, g.memberRows.length])).toEqual([
      ["产出指标", 2],
      ["效益指标", 1],
    ]);
  });
});

describe("小计 rows", () => {
  it("close the rows above them; the total covers all indicators", () => {
    const t = recognize(
      sheet("表", [
        ["一级指标", "三级指标", "分值", "得分"],
        ["产出", "人数", 60, 60],
        ["产出", "质量", 20, 18],
        ["小计", null, 80, 78],
        ["效益", "满意度", 20, 20],
        ["小计", null, 20, 20],
        ["总计", null, 100, 98],
      ]),
    ).tables[0];
    expect(t.subtotals.map((s) => s.memberRows)).toEqual([[1, 2], [4]]);
    expect(t.total?.memberRows).toEqual([1, 2, 4]);
    expect(t.total?.subtotalRows).toEqual([3, 5]);
  });
});

describe("a row of figures without a label", () => {
  const rows = [
    ["一级指标", "三级指标", "分值", "得分"],
    ["产出", "人数", 30, 30],
    [null, "质量", 20, 18],
    [null, null, 50, 48],
    ["效益", "满意度", 50, 50],
    ["合计", null, 100, 98],
  ];

  it("is a subtotal when its figures equal the sums of the rows it closes", () => {
    const t = recognize(sheet("表", rows)).tables[0];
    expect(t.indicators.map((i) => i.name)).toEqual(["人数", "质量", "满意度"]);
    expect(t.subtotals.map((s) => s.memberRows)).toEqual([[1, 2]]);
    expect(errors(sheet("表", rows))).toEqual([]);
  });

  it("is a further scored part of the indicator above when they do not", () => {
    const parts = rows.map((r) => [...r]);
    parts[3] = [null, null, 5, 5];
    const t = recognize(sheet("表", parts)).tables[0];
    expect(t.indicators.map((i) => [i.name, i.weight?.value?.toFixed()])).toEqual([
      ["人数", "30"],
      ["质量", "20"],
      ["质量（2）", "5"],
      ["满意度", "50"],
    ]);
    expect(t.subtotals).toEqual([]);
  });
});

describe("一级 named only by its weight", () => {
  it("(60分) and (40分) are two groups", () => {
    const t = recognize(
      sheet("表", [
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        ["(60分)", "数量指标", "人数", 60, 60],
        ["(40分)", "社会效益", "满意度", 40, 40],
      ]),
    ).tables[0];
    expect(t.groupWeights.map((g) => [g.name, g.declared.toFixed(), g.memberRows])).toEqual([
      ["(60分)", "60", [1]],
      ["(40分)", "40", [2]],
    ]);
  });
});

describe("小计 rows that open their 一级", () => {
  it("heads the rows below it", () => {
    const rows = [
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["决策", "小计", null, 20, 18],
      [null, "项目立项", "立项依据", 10, 10],
      [null, "绩效目标", "目标明确性", 10, 8],
      ["产出", "小计", null, 80, 80],
      [null, "产出数量", "完成率", 80, 80],
      ["总分（100分）", null, null, 100, 98],
    ];
    const t = recognize(sheet("表", rows)).tables[0];
    expect(t.subtotals.map((s) => [s.row, s.memberRows])).toEqual([
      [1, [2, 3]],
      [4, [5]],
    ]);
    expect(t.total?.row).toBe(6);
    expect(errors(sheet("表", rows))).toEqual([]);
  });
});

describe("a category word as an indicator's name", () => {
  it("满意度 in the 三级 column with nothing under it stays in its 一级", () => {
    const t = recognize(
      sheet(
        "表",
        [
          ["一级指标", "二级指标", "三级指标", "分值", "得分"],
          ["效果(30分)", "履职效益(30分)", "社会效益", 20, 20],
          [null, null, "满意度", 10, 9],
        ],
        ["A2:A3", "B2:B3"],
      ),
    ).tables[0];
    expect(t.indicators.map((i) => [i.name, i.level1])).toEqual([
      ["社会效益", "效果"],
      ["满意度", "效果"],
    ]);
    expect(t.groupWeights.map((g) => g.memberRows)).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });
});

describe("a name row with a target of its own", () => {
  it("is an indicator even with rows under it (a 二级 name spanning into 三级, merges lost)", () => {
    const t = recognize(
      sheet("表", [
        ["一级指标", "二级指标", "三级指标", "指标值", "分值", "得分"],
        ["产出指标", "数量指标", null, "100人", 30, 30],
        [null, null, "发放及时率", "100%", 20, 20],
        ["效益指标", "社会效益", "满意度", "≥90%", 50, 50],
      ]),
    ).tables[0];
    expect(t.indicators.map((i) => i.name)).toEqual(["数量指标", "发放及时率", "满意度"]);
    expect(t.subtotals).toEqual([]);
  });
});
