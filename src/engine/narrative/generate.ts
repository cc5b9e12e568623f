import type { Finding } from "../rules/types";
import type { TableCalc } from "../recalc/table-calc";
import type { Indicator } from "../model";
import type { NarrativeLine } from "../changes/types";
import { show, sum } from "../values/decimal";
import { posToA1 } from "../grid/address";
import { givesReason } from "../rules/util";
import { EXECUTION_REASON_BELOW, FULL_MARKS, gradeRangesText, nationalSplitText } from "../standards";

export interface NarrativeSection {
  key: "conclusion" | "deductions" | "problems" | "measures";
  heading: string;
  paragraphs: string[];
}

export interface Narrative {
  title: string;
  sections: NarrativeSection[];
}

const CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

function path(ind: Indicator): string {
  return [ind.level1, ind.level2].filter(Boolean).join("—");
}

/**
 * The report sections in the style of published 自评报告: 评价结论, 扣分情况, 存在问题, 整改措施.
 * Every figure comes from the table and its recalculation.
 */
export function generateNarrative(calc: TableCalc, findings: Finding[]): Narrative {
  // Notes (info) are about reading the workbook, not problems of the table: they stay out of the report.
  const own = findings.filter((f) => f.tableIndex === calc.table.index && f.severity !== "info");
  const name = calc.table.projectName ?? calc.table.title ?? `${calc.table.sheet}评分表`;
  return {
    title: `${name}绩效自评报告（核查稿）`,
    sections: [conclusion(calc, own, name), deductions(calc), problems(calc, own), measures(own)],
  };
}

function conclusion(calc: TableCalc, own: Finding[], name: string): NarrativeSection {
  const t = calc.table;
  const p: string[] = [];
  const count = `共设${calc.weightedCount}项${t.hasWeights ? "计分" : ""}指标`;
  if (calc.scoreTotal && calc.weightTotal) {
    const missed = calc.indicators.filter((c) => c.assessment.status === "missed" || c.assessment.status === "partial").length;
    const reach = missed === 0 ? "项目实施达到预期的年度绩效目标" : `项目实施基本达到年度绩效目标，${missed}项指标未完全达到目标值`;
    p.push(
      `${name}绩效自评价评分表${count}，权重合计${show(calc.weightTotal)}分。经核查，${reach}，各项得分合计${show(calc.scoreTotal)}分，评价等级为“${calc.grade ?? "—"}”。`,
    );
    const declared = t.total?.score?.value;
    if (declared && !declared.eq(calc.scoreTotal))
      p.push(`评分表“${t.total!.label}”行填报得分${show(declared)}分，与各项得分合计${show(calc.scoreTotal)}分不符，应以核查结果为准。`);
    if (calc.ruleScoreTotal && !calc.ruleScoreTotal.eq(calc.scoreTotal))
      p.push(`按公布的评分规则重新计算，得分为${show(calc.ruleScoreTotal)}分。`);
  } else if ((t.hasWeights && !calc.weightTotal) || (t.hasScores && !calc.scoreTotal)) {
    p.push(`${name}绩效自评价评分表${count}。表中部分公式没有保存计算结果且无法计算，权重或得分合计无法确定，请在 Excel 中重新计算并保存后复核。`);
  } else if (calc.weightTotal) {
    const r = calc.ruleScoreTotal;
    p.push(`${name}绩效指标表${count}，权重合计${show(calc.weightTotal)}分，表中未填列得分${r ? `；按评分规则计算，各项指标得分合计${show(r)}分` : ""}。`);
  } else {
    p.push(`${name}绩效目标表共列${t.indicators.length}项指标，未设权重与得分。`);
  }
  const errors = own.filter((f) => f.severity === "error").length;
  const warnings = own.filter((f) => f.severity === "warning").length;
  p.push(errors + warnings === 0 ? "评分表权重、得分及合计经核对无误。" : `核查发现${errors}处错误、${warnings}处需说明事项，详见“存在问题”。`);
  return { key: "conclusion", heading: "评价结论", paragraphs: p };
}

function deductions(calc: TableCalc): NarrativeSection {
  const rows = calc.indicators.filter((c) => {
    const w = c.indicator.weight?.value;
    const s = c.indicator.score?.value;
    return w && s && s.lt(w);
  });
  if (!calc.table.hasScores) return { key: "deductions", heading: "扣分情况", paragraphs: ["评分表未填列得分，无扣分记录。"] };
  if (rows.length === 0) return { key: "deductions", heading: "扣分情况", paragraphs: ["各项指标均得满分，无扣分。"] };
  const total = sum(rows.map((c) => c.indicator.weight!.value!.minus(c.indicator.score!.value!)));
  const p = [`共${rows.length}项指标扣分，合计扣${show(total)}分：`];
  rows.forEach((c, i) => {
    const ind = c.indicator;
    const w = ind.weight!.value!;
    const s = ind.score!.value!;
    const where = path(ind) ? `（${path(ind)}）` : "";
    const reason = givesReason(ind.basis?.text)
      ? `扣分原因：${ind.basis!.text.replace(/[。.]$/, "")}。`
      : c.assessment.status === "missed" || c.assessment.status === "partial"
        ? `扣分原因：${c.assessment.why.zh}。`
        : "评分依据未说明扣分原因，需补充。";
    const rule = c.ruleScore && !c.ruleScore.eq(s) && c.assessment.status !== "met" ? `按评分规则应得${show(c.ruleScore)}分。` : "";
    p.push(`${i + 1}. ${ind.name}${where}：分值${show(w)}分，得分${show(s)}分，扣${show(w.minus(s))}分。${reason}${rule}`);
  });
  return { key: "deductions", heading: "扣分情况", paragraphs: p };
}

const PROBLEM_TITLES: Record<string, string> = {
  "weights-sum": "权重设置不规范",
  "weight-structure": "指标分值结构与要求不符",
  "total-mismatch": "总分计算有误",
  "subtotal-mismatch": "小计计算有误",
  "formula-range": "合计公式引用范围有误",
  "score-exceeds-weight": "得分超出分值",
  "deduction-mismatch": "得分与分值、扣分不符",
  "full-score-below-target": "未完成目标却得满分",
  "unexplained-deduction": "扣分依据不充分",
  "score-off-rule": "得分与评分规则不符",
  "budget-execution": "预算执行率计分有误",
  "grade-mismatch": "评价等级与总分不符",
  "narrative-mismatch": "报告文字与评分表不一致",
  "unit-mismatch": "指标值填写不规范",
  "missing-value": "指标信息填写不完整",
  "duplicate-indicator": "指标设置重复",
};

function problems(calc: TableCalc, own: Finding[]): NarrativeSection {
  const p: string[] = [];
  const byRule = new Map<string, Finding[]>();
  for (const f of own) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  let n = 0;
  for (const [rule, fs] of byRule) {
    const head = `（${CN_NUM[n++] ?? n}）${PROBLEM_TITLES[rule] ?? rule}。`;
    const detail = fs.slice(0, 6).map((f) => `${f.message.zh}（${f.sheet}!${f.cell}）`).join("；");
    const more = fs.length > 6 ? `等${fs.length}处` : "";
    p.push(`${head}${detail}${more}。`);
  }
  // Misses already told as a finding at their score cell are not told twice.
  const flagged = new Set(own.filter((f) => f.sheet === calc.table.sheet).map((f) => f.cell));
  const missed = calc.indicators.filter((c) => c.assessment.status === "missed" && !(c.indicator.score && flagged.has(posToA1(c.indicator.score.pos))));
  if (missed.length && !byRule.has("score-off-rule"))
    p.push(`（${CN_NUM[n++] ?? n}）部分指标未完成年度目标：${missed.map((c) => `${c.indicator.name}${c.assessment.why.zh}`).join("；")}。`);
  if (p.length === 0) p.push("经核查，评分表权重、得分、合计与等级一致，未发现问题。");
  return { key: "problems", heading: "存在问题", paragraphs: p };
}

const MEASURES: Record<string, string> = {
  "weights-sum": `按照一级指标分值统一设置要求调整各项指标权重，确保权重合计为${FULL_MARKS}分。`,
  "weight-structure": `核对一级、二级指标分值与下级指标权重之和；国家项目支出绩效自评表按${nationalSplitText("zh", "分")}的统一设置调整。`,
  "total-mismatch": "总分、小计改为按明细行公式求和，杜绝手工填写合计。",
  "subtotal-mismatch": "总分、小计改为按明细行公式求和，杜绝手工填写合计。",
  "formula-range": "修正合计公式的引用范围，确保每一行计入且仅计入一次。",
  "score-exceeds-weight": "各项得分不得超过该指标分值上限，超出部分予以更正。",
  "deduction-mismatch": "按“得分＝分值－扣分”逐项核对得分，扣分超过分值的按0分计。",
  "full-score-below-target": "对未达到年度指标值的指标，按实际完成值与目标值之比计分，并分析偏差原因、提出改进措施。",
  "unexplained-deduction": "在评分依据（偏差原因分析）中逐项写明扣分理由；无扣分理由的应给满分。",
  "score-off-rule": "按公布的评分规则重新计算得分，定性指标得分应落在对应档次区间内。",
  "budget-execution": `按全年执行数÷全年预算数重新计算预算执行率，并按执行率×分值计分；执行率低于${EXECUTION_REASON_BELOW}%的说明原因。`,
  "grade-mismatch": `按${gradeRangesText()}重新确定评价等级。`,
  "narrative-mismatch": "统一自评报告、情况表与评分表中的得分和等级表述。",
  "unit-mismatch": "统一目标值与实际完成值的计量单位，实际完成值填写实际数值，不照抄目标表述。",
  "missing-value": "补齐指标的目标值、实际完成值、权重和得分。",
  "duplicate-indicator": "合并或区分名称重复的指标，避免重复计分。",
};

function measures(own: Finding[]): NarrativeSection {
  const seen = new Set<string>();
  const p: string[] = [];
  for (const f of own) {
    const m = MEASURES[f.rule];
    if (!m || seen.has(m)) continue;
    seen.add(m);
    p.push(`${p.length + 1}. ${m}`);
  }
  if (p.length === 0) p.push("1. 继续做好绩效目标管理和自评工作，确保评分有据可查、结果真实准确。");
  p.push(`${p.length + 1}. 加强自评结果审核，自评报告报送前对照评分表逐项复核得分、合计与等级。`);
  return { key: "measures", heading: "整改措施", paragraphs: p };
}

/** "一、评价结论": a section's numbered heading as the reports write it (index from 0). */
export function sectionHeading(index: number, heading: string): string {
  return `${CN_NUM[index] ?? index + 1}、${heading}`;
}

/** Lines for a worksheet: title, then each heading (一、评价结论) and its paragraphs. */
export function narrativeLines(n: Narrative): NarrativeLine[] {
  const lines: NarrativeLine[] = [{ text: n.title, style: "title" }];
  n.sections.forEach((s, i) => {
    lines.push({ text: sectionHeading(i, s.heading), style: "heading" });
    for (const para of s.paragraphs) lines.push({ text: para, style: "body" });
  });
  return lines;
}

export function narrativeText(n: Narrative): string {
  return narrativeLines(n)
    .map((l) => l.text)
    .join("\n");
}
