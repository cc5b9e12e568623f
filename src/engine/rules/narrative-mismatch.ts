import type { Rule, Report } from "./types";
import { norm } from "../text/normalize";
import { GRADE_WORDS } from "../text/vocabulary";
import { Dec, placesOf, round, show } from "../values/decimal";
import { gradeOf } from "../standards";

const SCORE_QUOTE = /(自评价得分|自评得分|自评价总分|自评总分|评价得分|综合得分|总得分|最终得分|项目得分|绩效得分|评价总分|得分合计)(?:为|是|共|:|：)*(\d{1,3}(?:\.\d{1,3})?)分/g;
const GRADE_QUOTE = /(评价等级|评价等次|评价结果等次|绩效等级|自评等级|等级|等次)(?:为|是|评定为|评为|:|：)*["“「『]?(优秀|良好|中等|合格|不合格|较差|优|良|中|差)(?!于|化|先|势|质)/g;

// Paired quotation marks only: an ASCII " opens and closes alike, so it cannot tell.
const OPEN = "“「『‘";
const CLOSE = "”」』’";

/**
 * A claim inside quotation marks is reported speech (a review's "文字称“自评价得分99分”", this
 * tool's own 存在问题 paragraph among them), not the text's own statement of the score.
 */
function reported(text: string, m: RegExpMatchArray): boolean {
  const start = m.index ?? 0;
  const end = start + m[0].length;
  let open = -1;
  for (let i = start - 1; i >= 0 && open < 0; i--) {
    if (CLOSE.includes(text[i])) return false;
    if (OPEN.includes(text[i])) open = i;
  }
  if (open < 0) return false;
  for (let i = end; i < text.length; i++) if (CLOSE.includes(text[i])) return true;
  return false;
}

/** Text in the workbook (评价结论, 自评得分 in a header) that quotes another score or grade. */
export const narrativeMismatch: Rule = {
  id: "narrative-mismatch",
  severity: "error",
  description: { zh: "报告文字中的得分或等级与评分表不符", en: "Text in the workbook states a score or grade that differs from the table" },
  appliesTo: (t) => t.kind === "scoring" && t.hasScores,
  check({ table, calc, options }) {
    const total = calc.scoreTotal;
    if (!total) return [];
    const grade = gradeOf(total);
    const out: Report[] = [];
    for (const t of calc.texts) {
      const text = norm(t.text);
      for (const m of text.matchAll(SCORE_QUOTE)) {
        if (reported(text, m)) continue;
        const quoted = new Dec(m[2]);
        const places = Math.max(placesOf(quoted), 0);
        if (round(total, places).eq(quoted) || total.minus(quoted).abs().lte(options.tolerance)) continue;
        out.push({
          pos: t.pos,
          sheet: t.sheet,
          message: {
            zh: `文字称“${m[0]}”，但评分表（${table.sheet}）各项得分合计为${show(total)}分`,
            en: `the text says "${m[0]}", but the scores in the table (${table.sheet}) add up to ${show(total)}`,
          },
          data: { quoted: quoted.toFixed(), computed: total.toFixed(), kind: "score" },
        });
      }
      for (const m of text.matchAll(GRADE_QUOTE)) {
        if (reported(text, m)) continue;
        const quoted = GRADE_WORDS[m[2]];
        if (!quoted || quoted === grade) continue;
        out.push({
          pos: t.pos,
          sheet: t.sheet,
          message: {
            zh: `文字称“${m[0]}”，但评分表总分${show(total)}对应等级“${grade}”`,
            en: `the text says "${m[0]}", but the table's total of ${show(total)} is grade "${grade}"`,
          },
          data: { quoted, computed: grade, kind: "grade" },
        });
      }
    }
    return out;
  },
};
