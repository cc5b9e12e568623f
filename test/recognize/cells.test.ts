import { analyzeWorkbook } from "../../src/engine/analyze";
import { sheet, workbook } from "../support/grid";

const header = ["一级指标", "二级指标", "三级指标", "分值", "得分"];
const analyze = (scores: (string | number)[], total: number | string = 95) =>
  analyzeWorkbook(
    workbook(
      sheet("评分表", [
        header,
        ["产出", "数量", "完成数量", 40, scores[0]],
        ["效益", "社会效益", "受益人数", 40, scores[1]],
        ["满意度", "满意度", "群众满意度", 20, scores[2]],
        ["合计", null, null, 100, total],
      ]),
    ),
  );
const scores = (a: ReturnType<typeof analyze>) => a.calcs[0].table.indicators.map((i) => i.score?.value?.toString() ?? null);
const errors = (a: ReturnType<typeof analyze>) => a.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.cell}`);

describe("a score written out of its points", () => {
  it("“得分/满分” and “满分/得分” alike: the figure beside the row's points is the score", () => {
    const a = analyze(["38/40", "40/37", "20/20"]);
    expect(scores(a)).toEqual(["38", "37", "20"]);
    expect(errors(a)).toEqual([]);
  });
  it("neither figure the row's points: unread, never accused", () => {
    const a = analyze(["38/45", 37, 20]);
    expect(scores(a)).toEqual([null, "37", "20"]);
    expect(errors(a)).toEqual([]);
  });
  it("a score above its points written so is still said", () => {
    expect(errors(analyze(["42/40", 37, 20], 99))).toEqual(["score-exceeds-weight E2"]);
  });
});

describe("two figures in one cell", () => {
  it("are no score, and raise nothing but a note", () => {
    const a = analyze(["40\n38", 37, 20]);
    expect(scores(a)).toEqual([null, "37", "20"]);
    expect(errors(a)).toEqual([]);
  });
});
