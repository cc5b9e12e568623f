import type { Analysis } from "./analyze";
import type { TableCalc } from "./recalc/table-calc";
import type { Finding } from "./rules/types";
import { rangeToA1 } from "./grid/address";
import { str } from "./values/decimal";

/** A table as the JSON report and the task pane show it. */
export interface TableSummary {
  index: number;
  sheet: string;
  range: string;
  kind: "scoring" | "target";
  title: string | null;
  projectName: string | null;
  indicators: number;
  weightTotal: string | null;
  scoreTotal: string | null;
  declaredWeightTotal: string | null;
  declaredScoreTotal: string | null;
  ruleScoreTotal: string | null;
  grade: string | null;
  declaredGrade: string | null;
  /** How the weights were written (totals are always in points): points, fraction, percent or relative (shares of the 一级). */
  weightScale: "points" | "fraction" | "percent" | "relative";
}

export interface FindingSummary {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  table: number;
  message: string;
}

export function summarizeTable(calc: TableCalc): TableSummary {
  const t = calc.table;
  return {
    index: t.index,
    sheet: t.sheet,
    range: rangeToA1(t.range),
    kind: t.kind,
    title: t.title,
    projectName: t.projectName,
    indicators: calc.weightedCount,
    weightTotal: str(calc.weightTotal),
    scoreTotal: str(calc.scoreTotal),
    declaredWeightTotal: str(t.total?.weight?.value),
    declaredScoreTotal: str(t.total?.score?.value),
    ruleScoreTotal: str(calc.ruleScoreTotal),
    grade: calc.grade,
    declaredGrade: t.declaredGrade?.grade ?? null,
    weightScale: t.weightScale ?? "points",
  };
}

export function summarizeFinding(f: Finding, lang: "zh-CN" | "en"): FindingSummary {
  return { rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, table: f.tableIndex, message: lang === "en" ? f.message.en : f.message.zh };
}

export function counts(findings: Finding[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    infos: findings.filter((f) => f.severity === "info").length,
  };
}

/** "3 个错误，5 个提醒" / "3 errors, 5 warnings". */
export function countLine(findings: Finding[], lang: "zh-CN" | "en"): string {
  const c = counts(findings);
  if (lang === "en") return `${c.errors} error${c.errors === 1 ? "" : "s"}, ${c.warnings} warning${c.warnings === 1 ? "" : "s"}`;
  return `${c.errors} 个错误，${c.warnings} 个提醒`;
}

export function analysisJson(a: Analysis, lang: "zh-CN" | "en") {
  return {
    file: a.source,
    tables: a.calcs.map(summarizeTable),
    findings: a.findings.map((f) => summarizeFinding(f, lang)),
  };
}
