import { analyzeWorkbook } from "../../src/engine/analyze";
import { sheet, workbook } from "../support/grid";

const header = ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "扣分", "得分", "扣分原因"];
const table = (rows: (string | number | null)[][], total: number) =>
  analyzeWorkbook(workbook(sheet("评分表", [header, ...rows, ["合计", null, null, 100, null, null, total, null]])));
const findings = (a: ReturnType<typeof table>) => a.findings.filter((f) => f.severity !== "info").map((f) => `${f.severity} ${f.rule} ${f.cell}`);

describe("deduction-mismatch: 得分 = 分值 − 扣分", () => {
  it("is silent where every row agrees, whatever way the 扣分 is typed", () => {
    const a = table(
      [
        ["决策", "项目立项", "立项依据充分性", 40, "充分得40分", 0, 40, null],
        ["产出", "产出数量", "实际完成率", 40, "按比例得分", "-2", 38, "完成95%"],
        ["效益", "社会效益", "受益群众", 20, "达标得20分", "扣1分", 19, "个别未达标"],
      ],
      97,
    );
    expect(findings(a)).toEqual([]);
  });
  it("says a score that is not its points less the deduction", () => {
    const a = table(
      [
        ["决策", "项目立项", "立项依据充分性", 40, "充分得40分", 0, 40, null],
        ["产出", "产出数量", "实际完成率", 40, "按比例得分", 2, 37, "完成95%"],
        ["效益", "社会效益", "受益群众", 20, "达标得20分", 1, 19, "个别未达标"],
      ],
      96,
    );
    expect(findings(a)).toEqual(["error deduction-mismatch G3"]);
    expect(a.findings.find((f) => f.rule === "deduction-mismatch")?.message.zh).toContain("应得38分");
  });
  it("leaves 0 for deductions beyond the points (扣完为止)", () => {
    const a = table(
      [
        ["决策", "项目立项", "立项依据充分性", 40, "充分得40分", 0, 40, null],
        ["产出", "产出数量", "实际完成率", 40, "每项扣10分，扣完为止", 50, 0, "未完成"],
        ["效益", "社会效益", "受益群众", 20, "达标得20分", 0, 20, null],
      ],
      60,
    );
    expect(findings(a).filter((f) => f.includes("deduction"))).toEqual([]);
  });
  it("a 扣分项 row whose points are only in the 扣分 column takes them off the total", () => {
    const a = table(
      [
        ["决策", "项目立项", "立项依据充分性", 40, "充分得40分", 0, 40, null],
        ["产出", "产出数量", "实际完成率", 60, "按比例得分", 0, 60, null],
        ["扣分项", null, "审计发现问题", null, "每项扣1分", 3, null, "三项问题"],
      ],
      97,
    );
    expect(findings(a)).toEqual([]);
  });
});
