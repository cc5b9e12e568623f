import type { CellPos } from "../grid/types";
import type { ScoringTable } from "../model";
import type { TableCalc } from "../recalc/table-calc";
import type { EngineOptions } from "../options";
import type { Change } from "../changes/types";

export type Severity = "error" | "warning" | "info";

export interface Message {
  zh: string;
  en: string;
}

/** One inconsistency: which rule, where, and why in plain language. */
export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell to look at. */
  cell: string;
  tableIndex: number;
  message: Message;
  /** Figures a fix or a report needs (declared, computed, rows…). */
  data?: Record<string, unknown>;
  /** Changes that would correct it, where a correction is mechanical. */
  fix?: Change[];
}

/** What a rule reports; the runner adds rule id, severity, sheet and table. */
export interface Report {
  pos: CellPos;
  /** Another sheet than the table's (narrative text). */
  sheet?: string;
  message: Message;
  data?: Record<string, unknown>;
  fix?: Change[];
}

export interface RuleContext {
  table: ScoringTable;
  calc: TableCalc;
  /** All tables of the workbook, for rules that look across them. */
  calcs: TableCalc[];
  options: EngineOptions;
}

/** A check in the spirit of an ESLint rule: a stable id, a severity, a description, a check. */
export interface Rule {
  id: string;
  severity: Severity;
  description: Message;
  /** Tables this rule looks at; default: scoring tables. */
  appliesTo?: (table: ScoringTable) => boolean;
  check(ctx: RuleContext): Report[];
}
