/** What the summary workbook reports: plain data, filled by the command that checked the files. */

export type SummarySeverity = "error" | "warning" | "info";

export interface SummaryTable {
  /** How `check` names the table: "表1 评分表!A3:H21". */
  label: string;
  unit: string | null;
  project: string | null;
  /** Decimal strings as the engine prints them; written to the sheet as numbers. */
  declaredScore: string | null;
  recalculatedScore: string | null;
  ruleScore: string | null;
  declaredGrade: string | null;
  grade: string | null;
  errors: number;
  warnings: number;
}

export interface SummaryFinding {
  /** Index into the file's tables, or null for a finding outside any table. */
  table: number | null;
  sheet: string;
  cell: string;
  rule: string;
  severity: SummarySeverity;
  message: string;
}

export interface SummaryFile {
  /** The file as reports name it (its path relative to the folder given). */
  file: string;
  /** Path from the summary's folder to the workbook a link should open, or null for no link. */
  link: string | null;
  /** Why the file could not be read; null when it was. */
  error: string | null;
  /** fix: why no marked copy was written; null when it was (or for check). */
  writeError?: string | null;
  tables: SummaryTable[];
  findings: SummaryFinding[];
}

export interface SummaryInput {
  files: SummaryFile[];
  /** What was checked, as given on the command line. */
  inputs: string[];
  rules: { id: string; severity: SummarySeverity; description: string }[];
  /** Settings used, as label → value. */
  settings: [string, string][];
  /** When the check ran (local time, as the reviewer reads it). */
  date: string;
  version: string;
}
