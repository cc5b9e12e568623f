import type { FindingSummary, Message, Severity, TableSummary } from "../engine";

/** A table as a batch reports it: the engine's summary plus the form's unit and the counts. */
export interface TableResult extends TableSummary {
  unit: string | null;
  /** Indicators the rule can't score (the rule total is then missing). */
  undetermined: number;
  errors: number;
  warnings: number;
}

export interface FindingResult {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  /** The table's index (表N is index + 1). */
  table: number;
  message: Message;
}

export interface ErrorResult extends Message {
  code: string;
}

/** One file's outcome: plain data, so it crosses from a worker thread unchanged. */
export interface FileResult {
  /** How reports name the file: its path relative to the folder given, or the path as given. */
  file: string;
  /** Absolute path of the input. */
  path: string;
  /** The legacy format it was converted from (".xls"), if any. */
  convertedFrom: string | null;
  /** Why it could not be read. */
  error: ErrorResult | null;
  tables: TableResult[];
  findings: FindingResult[];
  /** fix: the copy written, with what it changed. */
  fixed: { output: string; cells: number; marks: number } | null;
  /** fix: why no copy was written. */
  writeError: ErrorResult | null;
}

export const hasErrors = (r: FileResult) => r.findings.some((f) => f.severity === "error");

/** A file counts as failed in a batch when it has errors, couldn't be read or couldn't be written. */
export const failed = (r: FileResult) => r.error !== null || r.writeError !== null || hasErrors(r);

export type Lang = "zh-CN" | "en";

export const text = (m: Message, lang: Lang) => (lang === "en" ? m.en : m.zh);

export function findingJson(f: FindingResult, lang: Lang): FindingSummary {
  return { rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, table: f.table, message: text(f.message, lang) };
}

/** The `--json` record of one file: {file, tables, findings} as before, plus error/output where they apply. */
export function fileJson(r: FileResult, lang: Lang) {
  return {
    file: r.file,
    ...(r.error ? { error: text(r.error, lang) } : {}),
    ...(r.convertedFrom ? { convertedFrom: r.convertedFrom } : {}),
    tables: r.tables.map(({ undetermined: _u, ...t }) => t),
    findings: r.findings.map((f) => findingJson(f, lang)),
    ...(r.fixed ? { output: r.fixed.output } : {}),
    ...(r.writeError ? { writeError: text(r.writeError, lang) } : {}),
  };
}
