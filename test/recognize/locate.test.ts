/** Step 1 — locate header candidates: where a table's header is, in which band of columns. */
import { SheetView } from "../../src/engine/grid/sheet-view";
import { findBands, locateHeader, sameLayout } from "../../src/engine/recognize/locate";
import { sheet } from "../support/grid";
import { moved, recognize } from "./helpers";

const header = ["一级指标", "二级指标", "三级指标", "分值", "得分"];
const body = [
  ["产出指标", "数量指标", "补助人数", 60, 60],
  ["效益指标", "社会效益", "满意度", 40, 38],
  ["合计", null, null, 100, 98],
];

describe("locate header candidates", () => {
  it("reads a one-row header and rejects rows holding figures", () => {
    const view = new SheetView(sheet("表", [header, ...body]));
    const all = { left: view.left, right: view.right };
    expect(locateHeader(view, 0, all)?.words.map((w) => w.role)).toEqual(["level1", "level2", "level3", "weight", "score"]);
    expect(locateHeader(view, 1, all)).toBeNull();
  });

  it("takes sub-titles under an unnamed header cell into the header (采集数据项 over 数据项1 | 数据项2)", () => {
    const view = new SheetView(sheet("表", [[...header, "采集数据项"], [null, null, null, null, null, "数据项1", "数据项2"], ...body]));
    expect(locateHeader(view, 0, { left: 0, right: view.right })?.rows).toEqual([0, 1]);
  });

  it("accepts a 指标体系 header of names and explanations only", () => {
    const view = new SheetView(sheet("表", [["评价内容", "评价指标(分值)", "指标说明", "评分标准"]]));
    expect(locateHeader(view, 0, { left: 0, right: 3 })?.words.map((w) => w.role)).toEqual(["level1", "level3", "explain", "explain"]);
  });

  it("a repeated header may differ in wording, never in the role of a column", () => {
    const view = new SheetView(
      sheet("表", [
        ["一级指标", "二级指标", "三级指标", "目标值", "分值", "指标"],
        ["产出指标", "数量指标", "补助人数", "100人", 60],
        ["一级指标", "二级指标", "三级指标", "目标值", "分值", "指标值"],
        ["产出指标", "数量指标", "补助人数", "100人", 60],
        ["一级指标", "二级指标", "三级指标", "得分", "分值"],
      ]),
    );
    const band = { left: 0, right: 5 };
    const [a, b, c] = [0, 2, 4].map((r) => locateHeader(view, r, band)!);
    expect(sameLayout(a, b)).toBe(true);
    expect(sameLayout(a, c)).toBe(false);
  });
});

describe("bands and positions", () => {
  it("splits two tables side by side at an empty column, each with its own header", () => {
    const rows = [header, ...body].map((r, i) => [...r, null, ...[header, ...body][i]]);
    const view = new SheetView(sheet("并排", rows));
    expect(findBands(view)).toEqual([
      { left: 0, right: 4 },
      { left: 6, right: 10 },
    ]);
    const r = recognize(sheet("并排", rows));
    expect(r.tables.map((t) => [t.range.left, t.range.right, t.indicators.length])).toEqual([
      [0, 4, 2],
      [6, 10, 2],
    ]);
  });

  it("splits them under a title merged across both", () => {
    const rows = [["两项目绩效评价得分表"], ...[header, ...body].map((r) => [...r, null, ...r])];
    const r = recognize(sheet("并排", rows, ["A1:K1"]));
    expect(r.tables.map((t) => [t.range.left, t.range.right, t.indicators.length])).toEqual([
      [0, 4, 2],
      [6, 10, 2],
    ]);
  });

  it("does not split at a column left empty by a lost merge (name spanning two columns)", () => {
    const rows = [
      ["一级指标", "二级指标", "三级指标", null, "分值", "得分"],
      ["产出指标", "数量指标", "补助人数", null, 60, 60],
      ["效益指标", "社会效益", "满意度", null, 40, 40],
    ];
    expect(findBands(new SheetView(sheet("表", rows)))).toEqual([{ left: 0, right: 5 }]);
    expect(recognize(sheet("表", rows)).tables[0].indicators).toHaveLength(2);
  });

  it("does not split at an empty column inside a table (PDF conversion): figures or deeper names on its right", () => {
    const rows = [
      ["一级指标", "权重", "二级指标", "分值", null, "三级指标", "目标值", "分值"],
      ["产出", 60, "数量", 100, null, "补助人数", "100人", 100],
      ["效益", 40, "社会效益", 100, null, "满意度", "≥90%", 100],
    ];
    expect(findBands(new SheetView(sheet("表", rows)))).toEqual([{ left: 0, right: 7 }]);
    const figures = rows.map((r) => [r[0], r[2], r[5], r[6], null, r[7]]);
    expect(findBands(new SheetView(sheet("表", figures)))).toEqual([{ left: 0, right: 5 }]);
    // Two tables side by side still split, also when the right one begins with its 三级 names only.
    const two = [header, ...body].map((r, i) => [...r, null, ...[header, ...body][i].slice(2)]);
    expect(findBands(new SheetView(sheet("并排", two))).length).toBe(2);
  });

  it("reads a table that starts anywhere on the sheet, in absolute coordinates", () => {
    const r = recognize(moved(sheet("偏移", [header, ...body], ["A3:C3"]), 7, 4));
    expect(r.tables[0].range).toEqual({ top: 7, left: 4, bottom: 10, right: 8 });
    expect(r.tables[0].total?.labelCell).toEqual({ row: 10, col: 4 });
  });

  it("reads two tables one after another, each ending at its total", () => {
    const r = recognize(sheet("上下", [["甲项目绩效自评表"], header, ...body, [], ["乙项目绩效自评表"], header, ...body]));
    expect(r.tables.map((t) => [t.title, t.range.top, t.range.bottom])).toEqual([
      ["甲项目绩效自评表", 1, 4],
      ["乙项目绩效自评表", 7, 10],
    ]);
  });
});

describe("two tables one after another without a total or a title", () => {
  it("a header after a blank line, under weights already complete, starts the next table", () => {
    const noTotal = [header, ...body.slice(0, 2)];
    const r = recognize(sheet("上下", [...noTotal, [], ...noTotal]));
    expect(r.tables.map((t) => [t.range.top, t.range.bottom])).toEqual([
      [0, 2],
      [4, 6],
    ]);
  });

  it("a header repeated where a page broke, with weights still to come, continues the table", () => {
    const half = [header, ["产出指标", "数量指标", "补助人数", 60, 60]];
    const r = recognize(sheet("续", [...half, [], header, ["效益指标", "社会效益", "满意度", 40, 38], ["合计", null, null, 100, 98]]));
    expect(r.tables.map((t) => [t.range.top, t.range.bottom, t.indicators.length])).toEqual([[0, 5, 2]]);
  });
});

describe("a single name column titled with a heading word", () => {
  it("评价指标 | 分值 | 得分 names the indicators' column", () => {
    const r = recognize(
      sheet("简表", [
        ["评价指标", "分值", "得分"],
        ["资金到位率", 40, 40],
        ["群众满意度", 60, 57],
        ["合计", 100, 97],
      ]),
    );
    expect(r.tables[0].indicators.map((i) => i.name)).toEqual(["资金到位率", "群众满意度"]);
    expect(r.tables[0].total?.score?.value?.toFixed()).toBe("97");
  });
});
