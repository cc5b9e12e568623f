import type { Severity } from "../engine";
import { type FileResult, type Lang, text } from "./result";

const WORDS = {
  "zh-CN": {
    table: (n: number) => `表${n}`,
    colon: "：",
    aside: (x: string) => `（${x}）`,
    none: "未找到绩效评分表",
    indicators: "指标",
    items: "项",
    weights: "权重合计",
    scores: "得分合计",
    declared: "填报",
    rule: "规则得分",
    grade: "等级",
    unit: "单位",
    target: "目标表（无权重/得分）",
    scale: { fraction: "权重按小数（合计为1）读取，已换算为分", percent: "权重按百分比读取，已换算为分", relative: "二级/三级权重按占一级的比例读取，已换算为分" },
    error: "错误",
    warning: "提醒",
    info: "信息",
    clean: "未发现问题",
    unreadable: "无法读取",
    converted: (ext: string) => `（由 ${ext} 经 LibreOffice 转换后读取）`,
    undetermined: (n: number) => `${n}项指标无法按规则计分`,
    counts: (e: number, w: number) => `${e} 个错误，${w} 个提醒`,
  },
  en: {
    table: (n: number) => `Table ${n}`,
    colon: ": ",
    aside: (x: string) => ` (${x})`,
    none: "no scoring table found",
    indicators: "indicators",
    items: "",
    weights: "weights",
    scores: "scores",
    declared: "stated",
    rule: "rule score",
    grade: "grade",
    unit: "unit",
    target: "target table (no weights or scores)",
    scale: { fraction: "weights read as fractions of 1, shown in points", percent: "weights read as percentages, shown in points", relative: "weights read as shares of their 一级, shown in points" },
    error: "error",
    warning: "warning",
    info: "info",
    clean: "no findings",
    unreadable: "cannot be read",
    converted: (ext: string) => ` (converted from ${ext} by LibreOffice)`,
    undetermined: (n: number) => `${n} indicator(s) cannot be scored by rule`,
    counts: (e: number, w: number) => `${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}`,
  },
} as const;

const MARK: Record<Severity, string> = { error: "✖", warning: "⚠", info: "ℹ" };

/** How check names a table: 表N, N = the table's index in the workbook + 1 (narrative --table N alike). */
export const tableNumber = (index: number) => index + 1;

/** The readable report of one file, as `check` prints it. */
export function formatResult(r: FileResult, lang: Lang): string {
  const w = WORDS[lang];
  const out: string[] = [r.file + (r.convertedFrom ? w.converted(r.convertedFrom) : "")];
  if (r.error) {
    out.push(`  ${MARK.error} ${w.unreadable}${w.colon}${text(r.error, lang)}`);
    return out.join("\n");
  }
  if (r.tables.length === 0) out.push(`  ${w.none}`);
  for (const s of r.tables) {
    const name = [s.title, s.projectName].filter(Boolean).join(" · ");
    out.push(`  ${w.table(tableNumber(s.index))}  ${s.sheet}!${s.range}${name ? "  " + name : ""}${s.unit ? `  ${w.unit}${w.colon}${s.unit}` : ""}`);
    if (s.kind === "target") {
      out.push(`       ${w.target}  ${w.indicators} ${s.indicators}${w.items}`);
    } else {
      const parts = [`${w.indicators} ${s.indicators}${w.items}`];
      if (s.weightTotal) parts.push(`${w.weights} ${s.weightTotal}${s.declaredWeightTotal ? w.aside(`${w.declared} ${s.declaredWeightTotal}`) : ""}`);
      if (s.scoreTotal) parts.push(`${w.scores} ${s.scoreTotal}${s.declaredScoreTotal ? w.aside(`${w.declared} ${s.declaredScoreTotal}`) : ""}`);
      if (s.ruleScoreTotal) parts.push(`${w.rule} ${s.ruleScoreTotal}`);
      else if (s.undetermined) parts.push(w.undetermined(s.undetermined));
      if (s.grade) parts.push(`${w.grade} ${s.grade}${s.declaredGrade ? w.aside(`${w.declared} ${s.declaredGrade}`) : ""}`);
      out.push(`       ${parts.join("  ")}`);
      if (s.weightScale !== "points") out.push(`       ${w.scale[s.weightScale]}`);
    }
    for (const f of r.findings.filter((x) => x.table === s.index)) {
      const where = f.sheet === s.sheet ? f.cell : `${f.sheet}!${f.cell}`;
      out.push(`    ${MARK[f.severity]} ${w[f.severity]}  ${where.padEnd(6)} ${f.rule}  ${text(f.message, lang)}`);
    }
  }
  const errors = r.findings.filter((f) => f.severity === "error").length;
  const warnings = r.findings.filter((f) => f.severity === "warning").length;
  out.push(`  ${r.findings.length ? w.counts(errors, warnings) : w.clean}`);
  return out.join("\n");
}

export interface Tally {
  files: number;
  withErrors: number;
  clean: number;
  unreadable: number;
}

export function tallyLine(t: Tally, lang: Lang): string {
  return lang === "en"
    ? `${t.files} files: ${t.withErrors} with errors, ${t.clean} without, ${t.unreadable} unreadable`
    : `共 ${t.files} 个文件：${t.withErrors} 个有错误，${t.clean} 个无错误，${t.unreadable} 个无法读取`;
}
