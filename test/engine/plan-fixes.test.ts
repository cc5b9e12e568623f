/**
 * Each rule's own fix, tested for its output in the manner of ESLint's RuleTester: the rule alone
 * runs on a table, its fixes are applied, and the workbook must then differ from the input in exactly
 * the cells of `output` (and the rule must report nothing more there). Every rule whose fixes these
 * cases produce is one the planner knows (FIX_OPTION).
 */
import { analyzeWorkbook } from "../../src/engine/analyze";
import { FIX_OPTION } from "../../src/engine/changes/plan";
import { withChanges } from "../../src/engine/changes/with-changes";
import { toA1 } from "../../src/engine/grid/address";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/engine/grid/types";
import { RULES } from "../../src/engine/rules";
import type { Rule } from "../../src/engine/rules/types";
import { budgetExecution } from "../../src/engine/rules/budget-execution";
import { formulaRange } from "../../src/engine/rules/formula-range";
import { fullScoreBelowTarget } from "../../src/engine/rules/full-score-below-target";
import { scoreExceedsWeight } from "../../src/engine/rules/score-exceeds-weight";
import { scoreOffRule } from "../../src/engine/rules/score-off-rule";
import { subtotalMismatch } from "../../src/engine/rules/subtotal-mismatch";
import { totalMismatch } from "../../src/engine/rules/total-mismatch";
import { unexplainedDeduction } from "../../src/engine/rules/unexplained-deduction";
import { weightsSum } from "../../src/engine/rules/weights-sum";
import { sheet } from "../support/grid";
import { cleanRows, layoutA, type Row } from "../support/tables";

type Out = CellValue | { formula: string; value: CellValue };

interface FixCase {
  name: string;
  sheets: SheetSnapshot[];
  /** Every cell the fixes change (Sheet!A1, or A1 on the first sheet), with what it holds after. */
  output: Record<string, Out>;
}

const alone = (rule: Rule, wb: WorkbookSnapshot) =>
  analyzeWorkbook(wb, { disabledRules: RULES.filter((r) => r.id !== rule.id).map((r) => r.id) }).findings.filter((f) => f.rule === rule.id);

function cells(wb: WorkbookSnapshot): Map<string, Out> {
  const out = new Map<string, Out>();
  for (const s of wb.sheets)
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = s.formulas?.[r]?.[c] ?? null;
        const k = `${s.name === wb.sheets[0].name ? "" : `${s.name}!`}${toA1(s.top + r, s.left + c)}`;
        if (v !== null || f) out.set(k, f ? { formula: f, value: v } : v);
      }),
    );
  return out;
}

function testFix(rule: Rule, cases: FixCase[]): void {
  describe(`${rule.id} fix`, () => {
    it("is applied by the planner under an option", () => {
      expect(FIX_OPTION[rule.id]).toBeDefined();
    });
    for (const c of cases) {
      it(c.name, () => {
        const wb = { source: c.name, sheets: c.sheets };
        const found = alone(rule, wb);
        expect(found.length).toBeGreaterThan(0);
        const fixed = withChanges(wb, found.flatMap((f) => f.fix ?? []));
        const before = cells(wb);
        const changed = Object.fromEntries([...cells(fixed)].filter(([k, v]) => JSON.stringify(before.get(k) ?? null) !== JSON.stringify(v)));
        expect(changed).toEqual(c.output);
        expect(alone(rule, fixed).map((f) => `${f.cell} ${f.message.zh}`)).toEqual([]);
      });
    }
  });
}

const withRow = (i: number, row: Row): Row[] => cleanRows().map((r, k) => (k === i ? row : r));
const table = (rows: Row[], total?: [unknown, unknown]) => [layoutA({ rows, total: total ?? [100, rows.reduce((s, r) => s + Number(r[6]), 0)] })];

testFix(weightsSum, [
  {
    // 9 + 10 + 10 + 20 + 20 + 20 + 10 = 99, rescaled in whole points: the largest remainder (20 → 20.20) takes the point.
    name: "weights adding to 99 are rescaled to 100",
    sheets: table(withRow(0, ["决策指标", "项目立项", "立项依据充分性", "充分", "充分", 9, 9]), [100, 99]),
    output: { F7: 21 },
  },
]);

testFix(totalMismatch, [
  { name: "a score total off by 0.5 becomes the SUM of its rows", sheets: table(cleanRows(), [100, 99.5]), output: { G11: { formula: "=SUM(G4:G10)", value: 100 } } },
  { name: "a weight total of 90 becomes the SUM of its rows", sheets: table(cleanRows(), [90, 100]), output: { F11: { formula: "=SUM(F4:F10)", value: 100 } } },
]);

testFix(subtotalMismatch, [
  {
    name: "a 投入 subtotal of 20 over 10 + 9.8",
    sheets: [
      sheet("评分表", [
        ["评分表", "二级指标", "三级指标", null, "指标分值", "评价得分"],
        [null, null, "投入:", null, 20, 20],
        [null, "项目目标", "项目立项规范性", null, 10, 10],
        [null, null, "绩效目标合理性", null, 10, 9.8],
        [null, null, "产出:", null, 80, 80],
        [null, "项目产出", "实际完成率", null, 40, 40],
        [null, null, "质量达标率", null, 40, 40],
        [null, "综合得分:", null, null, 100, 99.8],
      ]),
    ],
    output: { F2: { formula: "=SUM(F3:F4)", value: 19.8 } },
  },
]);

testFix(formulaRange, [
  {
    name: "a SUM that skips the last row covers every row",
    sheets: table(cleanRows(), [{ f: "SUM(F4:F10)", v: 100 }, { f: "SUM(G4:G9)", v: 90 }]),
    output: { G11: { formula: "=SUM(G4:G10)", value: 100 } },
  },
]);

testFix(scoreExceedsWeight, [{ name: "11 of 10 becomes 10", sheets: table(withRow(0, ["决策指标", "项目立项", "立项依据充分性", "充分", "充分", 10, 11])), output: { G4: 10 } }]);

testFix(fullScoreBelowTarget, [
  { name: "96% against ≥98% scored 20/20 gets 96 ÷ 98 × 20", sheets: table(withRow(4, ["产出指标", "质量指标", "发放准确率", "≥98%", "96%", 20, 20])), output: { G8: 19.59 } },
  { name: "55 against ≤50 scored full gets 50 ÷ 55 × 20", sheets: table(withRow(4, ["产出指标", "成本指标", "人均成本", "≤50元", "55元", 20, 20])), output: { G8: 18.18 } },
]);

testFix(unexplainedDeduction, [
  { name: "是/是 scored 19 of 20 with no reason gets the full 20", sheets: table(withRow(5, ["效益指标", "社会效益指标", "促进社会和谐发展", "是", "是", 20, 19, "是否促进社会和谐发展"])), output: { G9: 20 } },
  { name: "98% against ＞95% scored 9 of 10 gets 10", sheets: table(withRow(6, ["满意度指标", "满意度指标", "百姓满意度", "＞95%", "98%", 10, 9])), output: { G10: 10 } },
]);

testFix(scoreOffRule, [
  { name: "96% of 98% scored 9 of 10 gets the rule's 9.8", sheets: table(withRow(6, ["满意度指标", "满意度指标", "百姓满意度", "98%", "96%", 10, 9])), output: { G10: 9.8 } },
]);

const funds = (score: number) =>
  layoutA({
    above: [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], ["年度资金总额", 200, 200, 180, 10, "90%", score], []],
    rows: cleanRows().map((r, i) => (i === 0 ? [r[0], r[1], r[2], r[3], r[4], 0, 0, r[7]] : r)),
  });

testFix(budgetExecution, [{ name: "180 of 200 spent scored 10 of 10 gets 9", sheets: [funds(10)], output: { G2: 9 } }]);
