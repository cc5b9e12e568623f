import type { WorkbookSnapshot } from "./grid/types";
import type { ScoringTable, TextBlock } from "./model";
import { recognizeWorkbook } from "./recognize";
import { calculateTable, type TableCalc } from "./recalc/table-calc";
import { WorkbookIndex } from "./recalc/workbook-index";
import { RULES, runRule } from "./rules";
import type { Finding } from "./rules/types";
import { withDefaults, type EngineOptions } from "./options";

export interface Analysis {
  source: string;
  tables: ScoringTable[];
  calcs: TableCalc[];
  findings: Finding[];
  texts: TextBlock[];
  options: EngineOptions;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The engine's one entry point: recognise, recalculate and check a workbook snapshot. */
export function analyzeWorkbook(wb: WorkbookSnapshot, opts?: Partial<EngineOptions>): Analysis {
  const options = withDefaults(opts);
  const { tables, texts } = recognizeWorkbook(wb);
  const index = new WorkbookIndex(tables, texts);
  const calcs = tables.map((t) => calculateTable(t, index, options));
  const findings: Finding[] = [];
  for (const calc of calcs) {
    for (const rule of RULES) {
      if (options.disabledRules.includes(rule.id)) continue;
      findings.push(...runRule(rule, { table: calc.table, calc, calcs, options }));
    }
  }
  findings.sort((a, b) => a.tableIndex - b.tableIndex || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { source: wb.source, tables, calcs, findings, texts, options };
}
