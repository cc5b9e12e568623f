import type { Rule } from "./types";
import { gradeBandsText, gradeOf, GRADE_EN, onHundred, scaleText } from "../standards";
import { agrees, show } from "./util";

/** The declared grade must follow the total (bands in the standards module). */
export const gradeMismatch: Rule = {
  id: "grade-mismatch",
  severity: "error",
  description: { zh: "评价等级与总分不符", en: "The declared grade doesn't match the total" },
  check({ table, calc, options }) {
    const declared = table.declaredGrade;
    if (!declared) return [];
    // The grade follows the real total: the rows' sum where it is known. A grade that fits the rows
    // but not a wrong stated total is the total's error (total-mismatch), not the grade's.
    const stated = table.total?.score?.value ?? null;
    // A stated total that agrees with the rows (90 over 89.995 at the table's precision) is the one graded.
    const total = stated && calc.scoreTotal && agrees(stated, calc.scoreTotal, table.scorePlaces, options.tolerance) ? stated : (calc.scoreTotal ?? stated ?? calc.ruleScoreTotal);
    if (!total) return [];
    if (calc.gradeScale === "unreadable") return [];
    const scale = calc.gradeScale;
    const right = gradeOf(onHundred(total, table.fullMarks), scale);
    if (right === null || declared.grade === right) return [];
    const bands = scale ? { zh: `表中所列等级划分：${scaleText(scale)}`, en: `the table's own scale: ${scaleText(scale)}` } : { zh: gradeBandsText("zh"), en: gradeBandsText("en") };
    return [
      {
        pos: declared.pos,
        message: {
          zh: `评价等级填“${declared.grade}”，但总分${show(total)}对应“${right}”（${bands.zh}）`,
          en: `the grade says "${declared.grade}" (${GRADE_EN[declared.grade]}), but a total of ${show(total)} is "${right}" (${GRADE_EN[right]}; ${bands.en})`,
        },
        data: { declared: declared.grade, expected: right, total: total.toFixed() },
      },
    ];
  },
};
