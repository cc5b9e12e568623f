import type { Rule } from "./types";
import { gradeBandsText, gradeOf, GRADE_EN } from "../standards";
import { show } from "./util";

/** The declared grade must follow the total (bands in the standards module). */
export const gradeMismatch: Rule = {
  id: "grade-mismatch",
  severity: "error",
  description: { zh: "评价等级与总分不符", en: "The declared grade doesn't match the total" },
  check({ table, calc }) {
    const declared = table.declaredGrade;
    if (!declared) return [];
    const stated = table.total?.score?.value ?? null;
    const basis = stated ?? calc.scoreTotal ?? calc.ruleScoreTotal;
    if (!basis) return [];
    const expected = gradeOf(basis);
    const fromRows = calc.scoreTotal ? gradeOf(calc.scoreTotal) : expected;
    if (declared.grade === expected && declared.grade === fromRows) return [];
    const right = declared.grade !== expected ? expected : fromRows;
    const total = declared.grade !== expected ? basis : calc.scoreTotal!;
    return [
      {
        pos: declared.pos,
        message: {
          zh: `评价等级填“${declared.grade}”，但总分${show(total)}对应“${right}”（${gradeBandsText("zh")}）`,
          en: `the grade says "${declared.grade}" (${GRADE_EN[declared.grade]}), but a total of ${show(total)} is "${right}" (${GRADE_EN[right]}; ${gradeBandsText("en")})`,
        },
        data: { declared: declared.grade, expected: right, total: total.toFixed() },
      },
    ];
  },
};
