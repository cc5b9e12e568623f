import type { Rule, Report } from "./types";
import { norm } from "../text/normalize";
import { GRADE_WORDS } from "../text/vocabulary";
import { Dec, placesOf, round, show } from "../values/decimal";
import { gradeOf, onHundred } from "../standards";
import type { ScoringTable, TextBlock } from "../model";
import { namesOf, tablesNamedIn } from "../recalc/linked-text";

const SCORE_QUOTE = /(自评价得分|自评得分|自评价总分|自评总分|自评分|评价得分|综合得分|总得分|最终得分|项目得分|绩效得分|评价总分|得分合计)(?:为|是|共|达到|达|:|：)*(\d{1,3}(?:\.\d{1,3})?)(?:分|(?=\s*(?:[，,。；;、）)]|$)))/g;
const GRADE_QUOTE = /(评价等级|评价等次|评价结果等次|绩效等级|自评等级|等级|等次)(?:为|是|评定为|评为|:|：)*["“「『]?(优秀|良好|中等|合格|不合格|较差|优|良|中|差)(?!于|化|先|势|质|的)/g;
/** A grade in brackets right after a quoted score: "综合得分95.5分（良）". */
const GRADE_AFTER_SCORE = /(自评价得分|自评得分|自评总分|自评分|评价得分|综合得分|总得分|最终得分|项目得分|绩效得分|评价总分)(?:为|是|:|：)*\d{1,3}(?:\.\d{1,3})?分?\s*\((优秀|良好|中等|优|良|中|差)\)/g;

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

/** What follows a band's bound ("90分（含）以上", "80分至90分"): a scale, not a claim. */
const BOUND_AFTER = /^\s*(\(含\)|（含）|以上|以下|及以上|及以下|至|到|-|－|～|~|—)/;
/** Instructions and examples ("填表说明", "示例：某项目自评得分为85分"). */
const INSTRUCTION = /^(填表说明|填报说明|说明|注|备注|示例|填写示例|例如|例|评分办法|评分方法|计分办法|计分方法|评分标准|评价标准)[:：\d．.、]|示例|例如|举例/;
/** The full scale stated ("评价采用百分制，自评总分为100分"). */
const SCALE = /(百分制|满分|总分值|分值为|设置为|设定为|分值设置|评价总分|总分为100)/;
const BAND_MARK = /(以上|以下|\(含\)|至|-|～|~)/;
const EARLIER_YEAR = /(上年|上一年|去年|往年|前年|上年度|以前年度|上轮|上一轮|上期|上次)/;
/** A review's result ("财政复核意见：经复核，该项目绩效自评得分为96.5分"): another party's figure. */
const REVIEW = /(复核意见|经复核|复核后|审核意见|经审核|评审意见|复审|复评|重点评价|重点绩效评价)/;
/** Another party's, an average's or a future score: 主管部门评价得分, 平均自评得分, 力争下年度自评得分. */
const NOT_OURS = /(主管部门|财政部门|财政局|财政评价|财政重点|第三方|评价机构|专家组|专家\d|专家[一二三四五六七八九十]|平均|力争|下年|下一年|明年|计划|预计|争取|目标为|考核|考评|调查|测评|排名|原自评|调整前|所属|下属|二级单位|子项目|我县|我市|我区|我省|全县|全市|督导|营商|问卷|学生评价|学生对|展演|竞赛|比赛)/;
/** A part's score: one 一级's or 二级's (产出评价得分50分, 服务对象满意度综合得分10分). */
const PART_BEFORE = /(产出|效益|满意度|决策|过程|投入|效果|管理|成本|数量|质量|时效|指标|执行率|预算执行|该部分|该项|此项)$/;
/** A clause about one part of the table: an 一级/二级 or the funds block named before the score. */
const PART_CLAUSE = /(产出指标|效益指标|满意度指标|产出|效益|满意度|决策|过程|投入|效果|成本指标|预算执行|执行率|该部分|该项(?!目)|此项(?!目))/;
/** What makes a clause about the whole table all the same. */
const WHOLE_CLAUSE = /(该项目|本项目|本次项目|此次项目|项目评价|项目整体|整体|总体|综合|总分|合计|本单位|本部门|项目自评|绩效自评得分|自评结论)/;
/** A band of the scale within the clause: "90分（含）以上的", "80-90分". */
const BOUND_IN_CLAUSE = /\d+分?\s*\(含\)|(以上|以下)[的，,]|\d+\s*分?\s*[-—~～至到]\s*\d+\s*分/;
/** Another project named by its own name before the score: "同期实施的…小型水库除险加固项目自评得分88分". */
const PROJECT_NAMED = /([\u4e00-\u9fff\d]{4,30}?)(项目|工程|专项资金|补助资金|资金)/g;
/** The grade of something else (工程质量等级为优良, 物业服务质量等级为良好). */
const OTHER_GRADE = /(质量|服务|工程|安全|信用|卫生|环境|等级评定|考核|考评|风险|水质|路况|评估|督导|技术状况|验收|档案|示范|体质|测试|财政管理)[^，,。；;]{0,6}$/;
const BAND_GRADE = /为["“]?(优秀|良好|中等|优|良|中|差)/g;

/**
 * Whether a quoted score or grade is this table's own claim: not a band of the scale, an example,
 * the full marks, another year's or one indicator's score, nor about another table the clause names.
 */
function claimOf(text: string, m: RegExpMatchArray, table: ScoringTable, tables: ScoringTable[], years: string[]): boolean {
  const at = m.index ?? 0;
  const sentenceStart = Math.max(text.lastIndexOf("。", at - 1), -1) + 1;
  const sentenceEnd = text.indexOf("。", at);
  const sentence = text.slice(sentenceStart, sentenceEnd < 0 ? undefined : sentenceEnd);
  const clauseStart = Math.max(...["。", "；", ";", "！", "!", "\n"].map((c) => text.lastIndexOf(c, at - 1))) + 1;
  const clause = text.slice(clauseStart, at);
  if (BOUND_AFTER.test(text.slice(at + m[0].length)) || BOUND_IN_CLAUSE.test(clause)) return false;
  // A scale listed in one sentence (…为优；…为良；…为中): its grades are bands, not claims.
  if (new Set([...sentence.matchAll(BAND_GRADE)].map((g) => GRADE_WORDS[g[1]])).size >= 2 && BAND_MARK.test(sentence)) return false;
  if (INSTRUCTION.test(text) || REVIEW.test(sentence)) return false;
  if (EARLIER_YEAR.test(clause)) return false;
  // A department's whole (本部门整体支出…) beside a project's table is the department's score.
  if (table.form !== "department" && /部门整体/.test(clause)) return false;
  // Years of reports and dates (2024年3月) are not the years scores belong to.
  const clauseYears = [...clause.matchAll(/(20\d{2})年(?!\d{1,2}月)/g)].map((y) => y[1]);
  if (years.length && clauseYears.some((y) => !years.includes(y))) return false;
  // "2021年度…96.29分，本年度…99.79分": a dated score beside this year's is the other year's.
  if (!years.length && clauseYears.length && /(本年度|本年|今年|当年)/.test(sentence)) return false;
  // Scores of several years in one sentence, and no year of the table's own to tell which is its.
  if (!years.length && new Set([...sentence.matchAll(/(20\d{2})年/g)].map((y) => y[1])).size >= 2) return false;
  // One indicator's, one 一级's or the funds block's score, not the table's.
  const before = text.slice(Math.max(clauseStart, at - 10), at).replace(/[”"」』]$/, "");
  // A site or section of the project (…城关小学点, 一标段): its own score.
  if (/(点|标段|片区|分校|校区|分部)$/.test(before)) return false;
  if (PART_BEFORE.test(before) || /指标得分$/.test(before) || table.indicators.some((i) => i.level1 && before.endsWith(norm(i.level1)))) return false;
  // Within the comma-part before the score, the nearer of a part's name and the whole's decides:
  // "该项目产出指标（50分）自评得分48分" is 产出's.
  const part = clause.slice(Math.max(clause.lastIndexOf("，"), clause.lastIndexOf(","), -1) + 1);
  const lastAt = (re: RegExp) => Math.max(-1, ...[...part.matchAll(new RegExp(re.source, "g"))].map((x) => x.index ?? -1));
  const partAt = lastAt(PART_CLAUSE);
  const wholeAt = lastAt(WHOLE_CLAUSE);
  if (partAt > wholeAt) return false;
  // "…，预算执行率97.53%，项目自评得分98.5分": the comma-part's own 项目 says whose score it is.
  const partSaysWhole = wholeAt >= 0 || /项目$/.test(part);
  if (!partSaysWhole && PART_CLAUSE.test(clause) && !WHOLE_CLAUSE.test(clause)) return false;
  if (table.indicators.some((i) => i.name.length >= 3 && clause.includes(norm(i.name)))) return false;
  // The quote's own words count too: "与财政评价得分90分", "原自评得分97分".
  if (NOT_OURS.test(clause + m[1]) || /原$/.test(clause)) return false;
  if (/等级|等次/.test(m[0]) && OTHER_GRADE.test(text.slice(clauseStart, at))) return false;
  const named = tablesNamedIn(clause, tables);
  if (named.length) return named[named.length - 1].table === table;
  if (namesAnotherProject(clause, table)) return false;
  const inText = tablesNamedIn(text, tables);
  return !inText.length || inText.some((n) => n.table === table);
}

/** What may stand beside a claim in a line of its own: heading numbers, a grade or score line. */
const STANDALONE = /^[（(一二三四五六七八九十、.\d)）]*((自评等级|评价等级|等级|自评得分|得分)[:：为]?(优秀|良好|中等|优|良|中|差|\d+(\.\d+)?分?)?)?$/;

const CN_DIGIT: Record<string, string> = { 〇: "0", 零: "0", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };
/** "二〇二二年度" read as 2022年度, so another year's score is known as such. */
function digitYears(text: string): string {
  return text.replace(/([〇零一二三四五六七八九]{4})(?=年)/g, (y) => [...y].map((c) => CN_DIGIT[c]).join(""));
}

/** A report's heading for the whole result: 自评结论, 评价结论, 综合评价. */
const CONCLUSION_HEADING = /^[（(一二三四五六七八九十、.\d\s)）]*(绩效)?(自评结论|评价结论|自评结果|评价结果|综合评价|总体评价|总体结论|自评情况)/;

/**
 * Whether the text says the score is the whole table's, not a section's or another thing's: a line
 * of the table's own (just under it or just above its header), a 情况表 row whose label opens it, a
 * sentence naming the project or the whole (该项目, 综合, 总分, 项目自评…), or a 自评结论 paragraph.
 * A score in a section's paragraph (产出指标完成情况 … 自评得分49分) names nothing of the sort.
 */
function speaksForWhole(t: TextBlock, text: string, m: RegExpMatchArray, table: ScoringTable): boolean {
  if (t.rowLabel !== undefined) return t.rowLabel;
  const at = m.index ?? 0;
  const sentenceStart = Math.max(text.lastIndexOf("。", at - 1), -1) + 1;
  const sentenceEnd = text.indexOf("。", at);
  const sentence = text.slice(sentenceStart, sentenceEnd < 0 ? undefined : sentenceEnd + 1);
  if (WHOLE_CLAUSE.test(sentence) || /^经自评/.test(sentence)) return true;
  // "各项指标共扣分4.5分，最终得分96.5分": a total's own word in a sentence about the evaluation.
  if (/^(综合|总|最终|项目|绩效)/.test(m[1]) && /(指标|扣分|自评|绩效|项目)/.test(sentence)) return true;
  // A line that says nothing but the result ("自评得分：95分", "（二）评价等级：良"): the cover's or report's own.
  if (STANDALONE.test(text.replace(m[0], "").replace(/[,，;；。\s]/g, ""))) return true;
  if (namesOf(table).some((n) => sentence.includes(n))) return true;
  return CONCLUSION_HEADING.test(text);
}

/** "同期实施的2023年小型水库除险加固项目自评得分88分": a project named by a name that is not this table's. */
function namesAnotherProject(clause: string, table: ScoringTable): boolean {
  const own = norm(table.projectName ?? "").replace(/^20\d{2}年度?/, "");
  for (const m of clause.matchAll(PROJECT_NAMED)) {
    const name = m[1].replace(/^(同期实施的|同期|另|其他|以及|和|与)/, "").replace(/^20\d{2}年度?/, "");
    if (/^(该|本|此|各|全部|所有|整体)/.test(name) || name.length < 4) continue;
    if (!own || (!own.includes(name) && !name.includes(own))) return true;
  }
  return false;
}

/** Text in the workbook (评价结论, 自评得分 in a header) that quotes another score or grade. */
export const narrativeMismatch: Rule = {
  id: "narrative-mismatch",
  severity: "error",
  description: { zh: "报告文字中的得分或等级与评分表不符", en: "Text in the workbook states a score or grade that differs from the table" },
  appliesTo: (t) => t.kind === "scoring" && t.hasScores,
  check({ table, calc, calcs, options }) {
    const total = calc.scoreTotal;
    if (!total) return [];
    // Grades are judged on the table's own scale where it states one; on one not understood, not at all.
    const grade = calc.gradeScale === "unreadable" ? null : gradeOf(onHundred(total, table.fullMarks), calc.gradeScale);
    const tables = calcs.map((c) => c.table).filter((t) => t.kind === "scoring");
    // The table's year: in its title, its project name, or a （2023年度） line just above it.
    // (A 填报日期 line above gives the following year: only 年度 lines say the table's.)
    const above = calc.texts.filter((x) => x.sheet === table.sheet && x.pos.row < table.range.top && x.pos.row >= table.range.top - 6).map((x) => x.text);
    const years = [
      ...[...`${table.title ?? ""} ${table.projectName ?? ""}`.matchAll(/(20\d{2})\s*年/g)].map((y) => y[1]),
      ...[...above.join(" ").matchAll(/(20\d{2})\s*年度/g)].map((y) => y[1]),
    ];
    const out: Report[] = [];
    for (const t of calc.texts) {
      const text = digitYears(norm(t.text));
      for (const m of text.matchAll(SCORE_QUOTE)) {
        if (reported(text, m) || !claimOf(text, m, table, tables, years) || !speaksForWhole(t, text, m, table)) continue;
        const quoted = new Dec(m[2]);
        // "满分100分" / "评价采用百分制，自评总分为100分": the full marks, not a result.
        if (quoted.eq(100) && (SCALE.test(text.slice(Math.max(0, (m.index ?? 0) - 20), m.index)) || /总分/.test(m[1]))) continue;
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
      // The table's own grade line (评价等级：优) is grade-mismatch's to report, once.
      const d = table.declaredGrade?.pos;
      const ownGradeLine = !!d && t.sheet === table.sheet && t.pos.row === d.row && t.pos.col === d.col;
      for (const m of ownGradeLine || grade === null ? [] : [...text.matchAll(GRADE_QUOTE), ...text.matchAll(GRADE_AFTER_SCORE)]) {
        if (reported(text, m) || !claimOf(text, m, table, tables, years) || !speaksForWhole(t, text, m, table)) continue;
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
