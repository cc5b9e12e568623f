import { type FileResult, type Lang, text } from "../result";

/** fix's line for one file: what was written, or why not. */
export function fixLine(r: FileResult, lang: Lang, single: boolean): string {
  const en = lang === "en";
  const e = r.findings.filter((f) => f.severity === "error").length;
  const w = r.findings.filter((f) => f.severity === "warning").length;
  if (r.error) return en ? `${r.file}: not written, cannot be read: ${text(r.error, lang)}` : `${r.file}：未写入，无法读取：${text(r.error, lang)}`;
  if (r.writeError || !r.fixed) return en ? `${r.file}: not written: ${r.writeError ? text(r.writeError, lang) : ""}` : `${r.file}：未写入：${r.writeError ? text(r.writeError, lang) : ""}`;
  const conv = r.convertedFrom ? (en ? ` (converted from ${r.convertedFrom}: written as .xlsx)` : `（由 ${r.convertedFrom} 转换，已写为 .xlsx）`) : "";
  const what = en
    ? `${r.fixed.cells} cell(s) recalculated, ${r.fixed.marks} mark(s), ${r.findings.length} finding(s) (${e} errors, ${w} warnings)`
    : `重算 ${r.fixed.cells} 个单元格，标记 ${r.fixed.marks} 处，共 ${r.findings.length} 条核查结果（${e} 个错误，${w} 个提醒）`;
  if (single) return en ? `wrote ${r.fixed.output}${conv}: ${what}` : `已写入 ${r.fixed.output}${conv}：${what}`;
  return en ? `${r.file} → ${r.fixed.output}${conv}: ${what}` : `${r.file} → ${r.fixed.output}${conv}：${what}`;
}
