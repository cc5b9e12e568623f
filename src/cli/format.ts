import type { Analysis } from "../engine/analyze";
import { countLine, summarizeTable } from "../engine/report";

type Lang = "zh-CN" | "en";

const WORDS = {
  "zh-CN": {
    table: "表",
    none: "未找到绩效评分表",
    indicators: "指标",
    items: "项",
    weights: "权重合计",
    scores: "得分合计",
    declared: "填报",
    rule: "规则得分",
    grade: "等级",
    target: "目标表（无权重/得分）",
    error: "错误",
    warning: "提醒",
    info: "信息",
    clean: "未发现问题",
  },
  en: {
    table: "Table",
    none: "no scoring table found",
    indicators: "indicators",
    items: "",
    weights: "weights",
    scores: "scores",
    declared: "stated",
    rule: "rule score",
    grade: "grade",
    target: "target table (no weights or scores)",
    error: "error",
    warning: "warning",
    info: "info",
    clean: "no findings",
  },
} as const;

const MARK = { error: "✖", warning: "⚠", info: "ℹ" } as const;

/** The readable report of one file, as the CLI prints it. */
export function formatAnalysis(a: Analysis, lang: Lang): string {
  const w = WORDS[lang];
  const out: string[] = [a.source];
  if (a.calcs.length === 0) out.push(`  ${w.none}`);
  for (const calc of a.calcs) {
    const s = summarizeTable(calc);
    const name = [s.title, s.projectName].filter(Boolean).join(" · ");
    out.push(`  ${w.table}${s.index + 1}  ${s.sheet}!${s.range}${name ? "  " + name : ""}`);
    if (s.kind === "target") {
      out.push(`       ${w.target}  ${w.indicators} ${s.indicators}${w.items}`);
    } else {
      const parts = [`${w.indicators} ${s.indicators}${w.items}`];
      if (s.weightTotal) parts.push(`${w.weights} ${s.weightTotal}${s.declaredWeightTotal ? `（${w.declared} ${s.declaredWeightTotal}）` : ""}`);
      if (s.scoreTotal) parts.push(`${w.scores} ${s.scoreTotal}${s.declaredScoreTotal ? `（${w.declared} ${s.declaredScoreTotal}）` : ""}`);
      if (s.ruleScoreTotal) parts.push(`${w.rule} ${s.ruleScoreTotal}`);
      else if (calc.undetermined) parts.push(lang === "en" ? `${calc.undetermined} indicator(s) cannot be scored by rule` : `${calc.undetermined}项指标无法按规则计分`);
      if (s.grade) parts.push(`${w.grade} ${s.grade}${s.declaredGrade ? `（${w.declared} ${s.declaredGrade}）` : ""}`);
      out.push(`       ${parts.join("  ")}`);
    }
    const fs = a.findings.filter((f) => f.tableIndex === calc.table.index);
    for (const f of fs) {
      const where = f.sheet === calc.table.sheet ? f.cell : `${f.sheet}!${f.cell}`;
      out.push(`    ${MARK[f.severity]} ${w[f.severity]}  ${where.padEnd(6)} ${f.rule}  ${lang === "en" ? f.message.en : f.message.zh}`);
    }
  }
  out.push(`  ${a.findings.length ? countLine(a.findings, lang) : w.clean}`);
  return out.join("\n");
}
