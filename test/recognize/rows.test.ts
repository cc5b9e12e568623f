/** Step 3 — classify rows: what each row under the header is, and where the table ends. */
import { SheetView } from "../../src/engine/grid/sheet-view";
import { mapColumns } from "../../src/engine/recognize/columns";
import { locateHeader } from "../../src/engine/recognize/locate";
import { classifyRows } from "../../src/engine/recognize/rows";
import type { SheetSnapshot } from "../../src/engine/grid/types";
import { sheet } from "../support/grid";
import { errors } from "./helpers";

function kinds(s: SheetSnapshot, headerRow = 0) {
  const view = new SheetView(s);
  const header = locateHeader(view, headerRow, { left: view.left, right: view.right })!;
  const { columns, left } = mapColumns(view, header);
  const others = Object.entries(columns.roles)
    .filter(([role]) => !role.startsWith("level"))
    .map(([, c]) => c as number);
  const out = classifyRows(view, { header, columns, left, right: header.right, dataLeft: Math.min(...others) });
  return { kinds: out.rows.map((r) => `${r.row + 1}:${r.kind}`), end: out.end, bottom: out.bottom + 1 };
}

describe("classify rows", () => {
  it("a total whose label is merged from left of the table's columns, under a vertical section label", () => {
    const s = sheet(
      "表",
      [
        ["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "分值", "得分"],
        [null, "产出指标", "数量指标", "补助人数", 50, 50],
        [null, "效益指标", "社会效益", "满意度", 40, 40],
        ["合计", null, null, null, 90, 90],
      ],
      ["A1:A3", "A4:D4"],
    );
    expect(kinds(s)).toEqual({ kinds: ["2:indicator", "3:indicator", "4:total"], end: "total", bottom: 4 });
  });

  it("a total label in a column left of the header (年度绩效指标完成情况 spanning the block)", () => {
    const s = sheet("表", [
      [null, "一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["年度绩效指标完成情况", "产出指标", "数量指标", "补助人数", 50, 50],
      [null, "效益指标", "社会效益", "满意度", 50, 50],
      ["总分", null, null, null, 100, 100],
    ]);
    expect(kinds(s).kinds).toEqual(["2:indicator", "3:indicator", "4:total"]);
  });

  it("一级 rows carrying their weight with figures are headings, never indicators", () => {
    const s = sheet("表", [
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["决策(20分)", null, null, { f: "SUM(D3:D4)", v: 20 }, { f: "SUM(E3:E4)", v: 19 }],
      [null, "项目立项", "立项依据充分性", 10, 10],
      [null, "绩效目标", "目标明确性", 10, 9],
    ]);
    expect(kinds(s).kinds).toEqual(["2:heading", "3:indicator", "4:indicator"]);
  });

  it("a 续表 line and a repeated header continue the table; placeholders stay out", () => {
    const s = sheet("表", [
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["产出指标", "数量指标", "补助人数", 50, 50],
      [null, null, "指标2:", null, null],
      ["（续表）"],
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["产出指标", "质量指标", "合格率", 50, 50],
      ["合计", null, null, 100, 100],
    ]);
    expect(kinds(s).kinds).toEqual(["2:indicator", "3:placeholder", "4:continuation", "5:repeated-header", "6:indicator", "7:total"]);
  });

  it("a row with a weight and no name right under an indicator is a further part of it", () => {
    const s = sheet(
      "表",
      [
        ["一级指标", "三级指标", "分值", "理由"],
        ["效果", "是否产生收益", 5, "①"],
        [null, null, 5, "②"],
      ],
      ["B2:B3"],
    );
    expect(kinds(s).kinds).toEqual(["2:indicator", "3:part"]);
  });

  it("a page break inside an indicator: the rows under the 续表 line and the repeated header are still its parts", () => {
    const s = sheet(
      "表",
      [
        ["一级指标", "三级指标", "分值", "理由"],
        ["效果", "是否产生收益", 5, "①"],
        [null, null, 5, "②"],
        ["续表1"],
        ["一级指标", "三级指标", "分值", "理由"],
        [null, null, 5, "③"],
        [null, "是否提高效率", 5, "①"],
      ],
      ["B2:B3"],
    );
    expect(kinds(s).kinds).toEqual(["2:indicator", "3:part", "4:continuation", "5:repeated-header", "6:part", "7:indicator"]);
    // Only right after the repeated header: a figure row further down stays what it was.
    const gap = sheet("表", [
      ["一级指标", "三级指标", "分值", "理由"],
      ["效果", "是否产生收益", 5, "①"],
      ["续表1"],
      ["一级指标", "三级指标", "分值", "理由"],
      [null, "是否提高效率", 5, "①"],
      [null, null, 5, "②"],
    ]);
    expect(kinds(gap).kinds).toEqual(["2:indicator", "3:continuation", "4:repeated-header", "5:indicator", "6:part"]);
    // The whole analysis: every part counts toward the total, and nothing is called wrong.
    const quarters = s.values.map((r) => r.map((v) => (v === 5 ? 25 : v)));
    const withTotal = sheet("表", [...quarters, ["合计", null, 100, null]], ["B2:B3"]);
    expect(errors(withTotal)).toEqual([]);
  });

  it("ends at three blank rows, unless the rows after them go on inside a group", () => {
    const rows = [
      ["一级指标", "二级指标", "三级指标", "得分"],
      ["部门绩效(45分)", "履职成效(20分)", "部门特性指标", null],
      [],
      [],
      [],
      [null, "满意度(25分)", "公众满意度(25分)", null],
    ];
    expect(kinds(sheet("表", rows)).bottom).toBe(6);
    const next = [...rows.slice(0, 5), ["另一表", "二级指标"]];
    expect(kinds(sheet("表", next)).end).toBe("blank-run");
  });

  it("after blank rows, the same header under 一级 whose weights in the names already make 100 starts the next table", () => {
    const table = [
      ["一级指标", "二级指标", "三级指标", "得分"],
      ["部门决策(40分)", "目标任务(40分)", "相关性(40分)", null],
      ["部门管理(60分)", "预算执行(60分)", "执行率(60分)", null],
    ];
    expect(kinds(sheet("表", [...table, [], [], ...table]))).toMatchObject({ end: "new-header", bottom: 3 });
    // While the groups so far make less than 100, a header after a blank row continues the table.
    const half = [table[0], table[1]];
    expect(kinds(sheet("表", [...half, [], ...half.slice(0, 1), table[2]]))).toMatchObject({ end: "sheet-end", bottom: 5 });
  });

  it("a title line of the next table ends this one", () => {
    const s = sheet("表", [
      ["一级指标", "三级指标", "分值", "得分"],
      ["产出", "人数", 100, 100],
      ["乙项目绩效自评表"],
    ]);
    expect(kinds(s)).toMatchObject({ end: "title", bottom: 2 });
  });
});

describe("footnote and signature lines under a table without a total", () => {
  const body = [
    ["一级指标", "二级指标", "三级指标", "分值"],
    ["产出指标", "数量指标", "补助人数", 60],
    ["效益指标", "社会效益", "满意度", 40],
  ];

  it("a 说明 paragraph ends the table", () => {
    const s = sheet("表", [...body, ["说明：1.本表由项目实施单位填报，主管部门审核；2.偏差原因须逐项说明。"]]);
    expect(kinds(s)).toEqual({ kinds: ["2:indicator", "3:indicator"], end: "narrative", bottom: 3 });
  });

  it("a 填表人 / 联系电话 line ends the table, also when the phone number is a figure of its own", () => {
    const s = sheet("表", [...body, ["填表人：张明", null, "联系电话：", 88886666]]);
    expect(kinds(s)).toEqual({ kinds: ["2:indicator", "3:indicator"], end: "narrative", bottom: 3 });
    expect(kinds(sheet("表", [...body, ["注：满意度按问卷结果计"]])).end).toBe("narrative");
  });

  it("a 备注 row inside the table is still a remark, not the end", () => {
    const s = sheet("表", [...body.slice(0, 2), ["备注", "无", null, null], body[2], ["合计", null, null, 100]], ["B3:D3"]);
    expect(kinds(s).end).toBe("total");
  });
});

describe("rows of remarks inside a table", () => {
  it("其他需要说明事项 with one merged cell across the figures is a note, not an indicator", () => {
    const s = sheet(
      "表",
      [
        ["一级指标", "二级指标", "三级指标", "指标值", "分值", "得分"],
        ["产出指标", "数量指标", "人数", "100人", 100, 100],
        ["其他需要说明事项", null, null, "无", null, null],
        ["总分", null, null, null, 100, 100],
      ],
      ["A3:C3", "D3:F3"],
    );
    expect(kinds(s).kinds).toEqual(["2:indicator", "3:other", "4:total"]);
  });
});
