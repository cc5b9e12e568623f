import { parseScale } from "../../src/engine/recognize/grade-scale";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { sheet, workbook } from "../support/grid";
import { norm } from "../../src/engine/text/normalize";

const bands = (text: string) => parseScale(norm(text))?.map((b) => `${b.word}${b.inclusive ? "≥" : ">"}${b.min.toString()}`);

describe("a grading scale as tables state it", () => {
  it.each([
    ["90分（含）以上为优秀；75分（含）至90分为良好；60分（含）至75分为合格；60分以下为不合格", ["优秀≥90", "良好≥75", "合格≥60", "不合格≥0"]],
    ["优秀≥85，良好70-84，合格60-69，不合格<60", ["优秀≥85", "良好≥70", "合格≥60", "不合格≥0"]],
    ["得分90分以上（不含90分）为优，80分以上（不含80分）至90分（含）为良，60分（含）至80分（含）为中，60分以下为差", ["优>90", "良>80", "中≥60", "差≥0"]],
    ["“优”（90分≤得分≤100分）、“良”（80分≤得分<90分）、“中”（60分≤得分<80分）、“差”（得分<60分）", ["优≥90", "良≥80", "中≥60", "差≥0"]],
    ["自评得分90分（含）以上的，评价等次为优；80分（含）至90分的，评价等次为良；60分以下的，评价等次为差", ["优≥90", "良≥80", "差≥0"]],
    ["评价结果分为优、良、中、差四个等级：90分（含）以上为优，80分（含）至90分为良", ["优≥90", "良≥80"]],
  ])("%s", (text, expected) => expect(bands(text)).toEqual(expected));
});

describe("the grade judged on the table's own scale", () => {
  const table = (grade: string, note: string) =>
    analyzeWorkbook(
      workbook(
        sheet("评分表", [
          ["一级指标", "二级指标", "三级指标", "分值", "得分"],
          ["决策", "项目立项", "立项依据", 40, 30],
          ["产出", "产出数量", "完成率", 60, 48],
          ["合计", null, null, 100, 78],
          [`评价等级：${grade}`],
          [note],
        ]),
      ),
    );
  const errors = (a: ReturnType<typeof table>) => a.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.cell}`);
  const scale = "注：90分（含）以上为优秀，75分（含）至90分为良好，60分（含）至75分为合格，60分以下为不合格。";
  it("良好 at 78 under 75–90 is right", () => expect(errors(table("良好", scale))).toEqual([]));
  it("优秀 at 78 under the same scale is a slip, said with the table's own bands", () => {
    const a = table("优秀", scale);
    expect(errors(a)).toEqual(["grade-mismatch A5"]);
    expect(a.findings.find((f) => f.rule === "grade-mismatch")?.message.zh).toContain("表中所列等级划分");
  });
  it("a scale laid out in cells is no grade given", () => {
    const a = analyzeWorkbook(
      workbook(
        sheet("评分表", [
          ["一级指标", "二级指标", "三级指标", "分值", "得分"],
          ["决策", "项目立项", "立项依据", 40, 30],
          ["产出", "产出数量", "完成率", 60, 48],
          ["合计", null, null, 100, 78],
          ["评价等级", "优", "90分以上", "良", "80-89分", "中", "60-79分"],
        ]),
      ),
    );
    expect(a.calcs[0].table.declaredGrade).toBeNull();
    expect(errors(a)).toEqual([]);
  });
});
