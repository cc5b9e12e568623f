import type { WorkbookSnapshot } from "./grid/types";
import type { ScoringTable, TextBlock } from "./model";
import { recognizeWorkbook } from "./recognize";
import { calculateTable, type TableCalc } from "./recalc/table-calc";
import { WorkbookIndex } from "./recalc/workbook-index";
import { RULES, runRule, type RuleFailure } from "./rules";
import type { Finding } from "./rules/types";
import { withDefaults, type EngineOptions } from "./options";
import { computeUncachedFormulas, type UncomputedCell } from "./formula/workbook";

export interface Analysis {
  source: string;
  tables: ScoringTable[];
  calcs: TableCalc[];
  findings: Finding[];
  texts: TextBlock[];
  options: EngineOptions;
  /** Formula cells without a cached value that could not be evaluated: unknown values, never 0. */
  uncomputed: UncomputedCell[];
  /** Rules that threw on a table; each also appears as a `rule-crashed` info finding. */
  ruleFailures: RuleFailure[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The engine's one entry point: recognise, recalculate and check a workbook snapshot. */
export function analyzeWorkbook(wb: WorkbookSnapshot, opts?: Partial<EngineOptions>): Analysis {
  const options = withDefaults(opts);
  // Files written by other programs may hold formulas without cached values: evaluate them first.
  const formulas = computeUncachedFormulas(wb);
  const { tables, texts } = recognizeWorkbook(formulas.workbook);
  const index = new WorkbookIndex(tables, texts, formulas.uncomputed, formulas.workbook.sheets);
  const calcs = tables.map((t) => calculateTable(t, index, options));
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  for (const calc of calcs) {
    for (const rule of RULES) {
      if (options.disabledRules.includes(rule.id)) continue;
      findings.push(...runRule(rule, { table: calc.table, calc, calcs, options }, ruleFailures));
    }
  }
  findings.sort((a, b) => a.tableIndex - b.tableIndex || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { source: wb.source, tables, calcs, findings, texts, options, uncomputed: formulas.uncomputed, ruleFailures };
}
