/**
 * Rows slid a column by a PDF conversion are read one column over only when the arithmetic proves
 * it (their 分值 and 得分 are figures there and the rows then add up to the total row); otherwise
 * they stay unread and are said so, never accused.
 */
import { analyzeWorkbook } from "../../src/engine/analyze";
import { summarizeTable } from "../../src/engine/report";
import { sheet, workbook } from "../support/grid";

const analyze = (rows: Parameters<typeof sheet>[1]) => analyzeWorkbook(workbook(sheet("Sheet1", rows)));
const findings = (a: ReturnType<typeof analyze>) => a.findings.map((f) => `${f.severity} ${f.rule} ${f.cell}`);

const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"];
const row = (l1: string | null, l2: string | null, name: string, target: string, actual: string, w: number, s: number) => [l1, l2, name, target, actual, w, s, s < w ? "部分学员延期结业" : null];

/** A row slid left by a lost 二级 merge, under a total row stating `total` as the score. */
const slidLeft = (total: number) => [
  header,
  row("产出指标", "数量指标", "培训人数", "≥100人", "100人", 30, 30),
  [null, "培训课时", "≥40课时", "42课时", 10, 9, "部分课时顺延", null],
  row("效益指标", "社会效益指标", "就业率", "≥80%", "85%", 50, 48),
  row("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", 10, 10),
  ["总分", null, null, null, null, 100, total, null],
];

describe("an indicator row slid a column", () => {
  it("right (a cell added after the name): read one column over, said as a note", () => {
    const a = analyze([
      header,
      row("产出指标", "数量指标", "培训人数", "≥100人", "100人", 40, 40),
      ["产出指标", "时效指标", "按期完成率", null, "100%", "100%", 20, 20],
      row("效益指标", "社会效益指标", "就业率", "≥80%", "85%", 30, 28),
      row("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", 10, 10),
      ["总分", null, null, null, null, 100, 98, null],
    ]);
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 4, weightTotal: "100", scoreTotal: "98" });
    const slid = a.calcs[0].table.indicators[1];
    expect(slid).toMatchObject({ name: "按期完成率", weight: { pos: { col: 6 } }, score: { pos: { col: 7 } } });
    expect(slid.target).toMatchObject({ kind: "number", percent: true });
    expect(slid.target?.number?.toString()).toBe("100");
    expect(findings(a)).toEqual(["info recognition-doubt G3"]);
  });

  it("left (a lost 二级 merge): stays in the group above, named by the cell under the name title", () => {
    const a = analyze(slidLeft(97));
    expect(summarizeTable(a.calcs[0])).toMatchObject({ indicators: 4, weightTotal: "100", scoreTotal: "97" });
    expect(a.calcs[0].table.indicators[1]).toMatchObject({ name: "培训课时", level2: "数量指标" });
    expect(findings(a)).toEqual(["info recognition-doubt E3"]);
  });

  it("read where the weights prove it, the score total that still differs is said and not accused", () => {
    const a = analyze(slidLeft(95));
    expect(summarizeTable(a.calcs[0])).toMatchObject({ weightTotal: "100", scoreTotal: "97" });
    expect(findings(a)).toEqual(["info recognition-doubt E3"]);
    expect(a.findings[0].message.zh).toContain("未作核对");
  });

  it("is left as it stands without a total row to prove it", () => {
    const a = analyze([
      header,
      row("产出指标", "数量指标", "培训人数", "≥100人", "100人", 40, 40),
      ["产出指标", "时效指标", "按期完成率", null, "100%", "100%", 20, 20],
      row("效益指标", "社会效益指标", "就业率", "≥80%", "85%", 30, 28),
    ]);
    expect(a.calcs[0].table.indicators[1].weight?.value ?? null).toBeNull();
    expect(findings(a).filter((f) => f.startsWith("error"))).toEqual([]);
  });
});
