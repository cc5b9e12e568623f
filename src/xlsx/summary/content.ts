import type { Cell, SheetSpec } from "./sheet";
import type { StyleName } from "./styles";
import type { SummaryFile, SummaryInput, SummarySeverity } from "./types";
import { sheetLocation } from "./xml";

export const SUMMARY_SHEETS = { overview: "汇总", findings: "问题明细", about: "说明" } as const;

export const OVERVIEW_HEADER = ["文件", "单位/部门", "项目名称", "表格", "填报总分", "重算总分", "规则得分", "填报等级", "重算等级", "错误数", "提醒数", "主要问题", "状态"];
export const FINDINGS_HEADER = ["文件", "工作表", "单元格", "规则", "严重程度", "说明"];

export const SEVERITY_ZH: Record<SummarySeverity, string> = { error: "错误", warning: "提醒", info: "信息" };

/** How many findings 主要问题 spells out before "等 N 条". */
const MAIN_PROBLEMS = 3;

const num = (s: string | null): Cell => (s === null || s === "" || !Number.isFinite(Number(s)) ? s : Number(s));

export function statusText(f: SummaryFile, errors: number): string {
  if (f.error !== null) return `无法读取：${f.error}`;
  const status = errors > 0 ? "有错误" : "无错误";
  return f.writeError ? `${status}；未写入修正副本：${f.writeError}` : status;
}

function mainProblems(messages: string[]): string {
  const shown = messages.slice(0, MAIN_PROBLEMS).join("；");
  return messages.length > MAIN_PROBLEMS ? `${shown}；等 ${messages.length} 条` : shown;
}

/** 汇总: one row per table (one per workbook without tables or unreadable). */
export function overviewSheet(files: SummaryFile[]): SheetSpec {
  const rows: Cell[][] = [OVERVIEW_HEADER];
  const rowStyles: (StyleName | null)[] = [null];
  for (const f of files) {
    if (f.error !== null) {
      rows.push([f.file, null, null, null, null, null, null, null, null, null, null, null, statusText(f, 0)]);
      rowStyles.push("unreadableRow");
      continue;
    }
    if (f.tables.length === 0) {
      const issues = f.findings.map((x) => x.message);
      rows.push([f.file, null, null, "未找到绩效评分表", null, null, null, null, null, 0, 0, mainProblems(issues), statusText(f, 0)]);
      rowStyles.push(null);
      continue;
    }
    f.tables.forEach((t, i) => {
      const issues = f.findings.filter((x) => x.table === i && x.severity !== "info").map((x) => x.message);
      const status = statusText(f, t.errors);
      rows.push([f.file, t.unit, t.project, t.label, num(t.declaredScore), num(t.recalculatedScore), num(t.ruleScore), t.declaredGrade, t.grade, t.errors, t.warnings, mainProblems(issues), status]);
      rowStyles.push(t.errors > 0 ? "errorRow" : null);
    });
  }
    // 单位, 项目名称, 主要问题 and 状态 wrap, so the sheet fits a screen (and a printed page) across.
  return { name: SUMMARY_SHEETS.overview, rows, rowStyles, header: true, maxWidth: 40, columnMax: { 1: 24, 2: 26, 11: 48, 12: 24 }, wrap: true, landscape: true };
}

/** 问题明细: one row per finding, the cell linked where the workbook sits beside the summary. */
export function findingsSheet(files: SummaryFile[]): SheetSpec {
  const rows: Cell[][] = [FINDINGS_HEADER];
  for (const f of files)
    for (const x of f.findings) {
      const cell: Cell = f.link ? { text: x.cell, link: f.link, location: sheetLocation(x.sheet, x.cell) } : x.cell;
      rows.push([f.file, x.sheet, cell, x.rule, SEVERITY_ZH[x.severity], x.message]);
    }
  return { name: SUMMARY_SHEETS.findings, rows, header: true, maxWidth: 80, wrap: true, landscape: true };
}

/** 说明: what was checked, by which rules and settings, when and by which version. */
export function aboutSheet(input: SummaryInput): SheetSpec {
  const read = input.files.filter((f) => f.error === null);
  const withErrors = read.filter((f) => f.tables.some((t) => t.errors > 0));
  const tables = read.reduce((n, f) => n + f.tables.length, 0);
  const rows: Cell[][] = [
    ["ScoreCheck 评分表核查 · 汇总说明"],
    [],
    ["核查内容"],
    ["核查对象", input.inputs.join("；")],
    ["工作簿", `${input.files.length} 个（${withErrors.length} 个有错误，${read.length - withErrors.length} 个无错误，${input.files.length - read.length} 个无法读取）`],
    ["评分表", `${tables} 张`],
    ["说明", "逐表重算权重、得分、小计、合计与等级，并按下列规则核查；“重算总分”为各项得分之和，“规则得分”为按评分规则计算的得分。"],
    [],
    ["核查规则"],
    ["规则", "严重程度", "说明"],
    ...input.rules.map((r): Cell[] => [r.id, SEVERITY_ZH[r.severity], r.description]),
    [],
    ["设置"],
    ...input.settings.map(([k, v]): Cell[] => [k, v]),
    [],
    ["核查时间", input.date],
    ["ScoreCheck 版本", input.version],
  ];
  const headings = new Set(["核查内容", "核查规则", "设置"]);
  const rowStyles = rows.map((r, i): StyleName | null => (i === 0 || (r.length === 1 && headings.has(String(r[0]))) ? "heading" : r[0] === "规则" && r[1] === "严重程度" ? "header" : null));
  return { name: SUMMARY_SHEETS.about, rows, rowStyles, maxWidth: 60, columnMax: { 0: 40 }, wrap: true };
}

export function summarySheets(input: SummaryInput): SheetSpec[] {
  return [overviewSheet(input.files), findingsSheet(input.files), aboutSheet(input)];
}
