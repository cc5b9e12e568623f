import { dirname, relative, resolve, sep } from "node:path";
import { RULES, withDefaults } from "../engine";
import type { SummaryFile, SummaryInput } from "../xlsx/summary";
import type { Args } from "./args";
import { tableNumber } from "./format";
import type { ErrorResult, FileResult } from "./result";

/** How the summary's 表格 column names a table: the same 表N as the text report. */
export const tableLabel = (t: { index: number; sheet: string; range: string }) => `表${tableNumber(t.index)} ${t.sheet}!${t.range}`;

/** A relative link Excel, WPS and LibreOffice all follow: "/" separators, only %, # and spaces escaped. */
export function linkTo(summaryPath: string, target: string): string {
  const rel = relative(dirname(resolve(summaryPath)), resolve(target)).split(sep).join("/");
  return rel.replace(/%/g, "%25").replace(/#/g, "%23").replace(/ /g, "%20");
}

/** An error's Chinese reason without the file name it starts with (the row already names the file). */
export function reason(e: ErrorResult, file: string): string {
  const names = [file, file.split("/").pop() ?? file];
  for (const n of names) if (e.zh.startsWith(`${n}：`)) return e.zh.slice(n.length + 1);
  return e.zh;
}

function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  const off = -d.getTimezoneOffset();
  const zone = `UTC${off >= 0 ? "+" : "-"}${p(Math.floor(Math.abs(off) / 60))}:${p(Math.abs(off) % 60)}`;
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}（${zone}）`;
}

export function summaryFile(r: FileResult, summaryPath: string): SummaryFile {
  return {
    file: r.file,
    link: r.error ? null : linkTo(summaryPath, r.fixed?.output ?? r.path),
    error: r.error ? reason(r.error, r.file) : null,
    writeError: r.writeError ? reason(r.writeError, r.file) : null,
    // A target table (no weights or scores) has no totals to show.
    tables: r.tables.map((t) => ({
      label: t.kind === "target" ? `${tableLabel(t)}（目标表）` : tableLabel(t),
      unit: t.unit,
      project: t.projectName,
      declaredScore: t.kind === "target" ? null : t.declaredScoreTotal,
      recalculatedScore: t.kind === "target" ? null : t.scoreTotal,
      ruleScore: t.kind === "target" ? null : t.ruleScoreTotal,
      declaredGrade: t.declaredGrade,
      grade: t.grade,
      errors: t.errors,
      warnings: t.warnings,
    })),
    findings: r.findings.map((f) => {
      const table = r.tables.findIndex((t) => t.index === f.table);
      return { table: table < 0 ? null : table, sheet: f.sheet, cell: f.cell, rule: f.rule, severity: f.severity, message: f.message.zh };
    }),
  };
}

export function summaryInput(results: FileResult[], args: Args, summaryPath: string, version: string, now = new Date()): SummaryInput {
  const engine = withDefaults({ reverseRule: args.reverseRule });
  const settings: [string, string][] = [
    ["反向指标（≤）未达标的计分", engine.reverseRule === "linear" ? "线性法（--reverse-rule linear）" : "比例法：目标值 ÷ 实际值 × 权重（默认）"],
    ["合计取整容差", engine.tolerance],
    ["产出50/效益30/满意度10/预算执行率10 结构", engine.split === "auto" ? "仅对全国通用格式核查" : engine.split === "always" ? "始终核查" : "不核查"],
    ["停用的规则", engine.disabledRules.length ? engine.disabledRules.join("、") : "无"],
  ];
  if (args.command === "fix") {
    const what = ["合计、小计改为 SUM 公式"];
    if (args.rescore) what.push("按规则重算得分");
    if (args.rescaleWeights) what.push("权重按比例调整为 100");
    if (args.marks) what.push("问题单元格按严重程度标色并加批注");
    if (args.narrative) what.push("添加“自评报告”工作表");
    settings.push(["修正副本", `${what.join("，")}；输出到 ${args.output}`]);
  }
  return {
    files: results.map((r) => summaryFile(r, summaryPath)),
    inputs: args.files,
    rules: RULES.map((r) => ({ id: r.id, severity: r.severity, description: r.description.zh })),
    settings,
    date: localDate(now),
    version,
  };
}
