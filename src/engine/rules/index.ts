import type { Finding, Rule, RuleContext } from "./types";
import { posToA1 } from "../grid/address";
import { weightsSum } from "./weights-sum";
import { weightStructure } from "./weight-structure";
import { totalMismatch } from "./total-mismatch";
import { subtotalMismatch } from "./subtotal-mismatch";
import { formulaRange } from "./formula-range";
import { scoreExceedsWeight } from "./score-exceeds-weight";
import { deductionMismatch } from "./deduction-mismatch";
import { fullScoreBelowTarget } from "./full-score-below-target";
import { unexplainedDeduction } from "./unexplained-deduction";
import { scoreOffRule } from "./score-off-rule";
import { budgetExecution } from "./budget-execution";
import { gradeMismatch } from "./grade-mismatch";
import { narrativeMismatch } from "./narrative-mismatch";
import { unitMismatch } from "./unit-mismatch";
import { missingValue } from "./missing-value";
import { duplicateIndicator } from "./duplicate-indicator";
import { formulaUncached } from "./formula-uncached";
import { recognitionDoubt } from "./recognition-doubt";

/** Every check, in report order. Adding a check: write a Rule module and list it here. */
export const RULES: Rule[] = [
  weightsSum,
  weightStructure,
  totalMismatch,
  subtotalMismatch,
  formulaRange,
  scoreExceedsWeight,
  deductionMismatch,
  fullScoreBelowTarget,
  unexplainedDeduction,
  scoreOffRule,
  budgetExecution,
  gradeMismatch,
  narrativeMismatch,
  unitMismatch,
  missingValue,
  duplicateIndicator,
  formulaUncached,
  recognitionDoubt,
];

const defaultApplies = (ctx: RuleContext) => ctx.table.kind === "scoring";

/** A rule that threw on a table: kept in the analysis, never silently dropped. */
export interface RuleFailure {
  rule: string;
  table: number;
  message: string;
}

export const RULE_CRASHED = "rule-crashed";

/**
 * Runs one rule on one table. A rule that throws must not hide the others' findings: its failure is
 * recorded in `failures` and reported as one info finding (SCORECHECK_STRICT rethrows instead).
 */
export function runRule(rule: Rule, ctx: RuleContext, failures?: RuleFailure[]): Finding[] {
  const applies = rule.appliesTo ? rule.appliesTo(ctx.table) : defaultApplies(ctx);
  if (!applies || suppressed(rule, ctx)) return [];
  let reports;
  try {
    reports = rule.check(ctx);
  } catch (e) {
    if (strictMode()) throw e;
    const failure: RuleFailure = { rule: rule.id, table: ctx.table.index, message: e instanceof Error ? e.message : String(e) };
    failures?.push(failure);
    return [crashFinding(failure, ctx)];
  }
  return reports.map((r) => ({
    rule: rule.id,
    severity: rule.severity,
    sheet: r.sheet ?? ctx.table.sheet,
    cell: posToA1(r.pos),
    tableIndex: ctx.table.index,
    message: r.message,
    data: r.data,
    fix: r.fix,
  }));
}

/** Recognition could not decide something this rule's findings would rest on: the rule stays silent. */
function suppressed(rule: Rule, ctx: RuleContext): boolean {
  return (ctx.table.doubts ?? []).some((d) => d.suppresses?.includes(rule.id));
}

function crashFinding(f: RuleFailure, ctx: RuleContext): Finding {
  const { table } = ctx;
  return {
    rule: RULE_CRASHED,
    severity: "info",
    sheet: table.sheet,
    cell: posToA1({ row: table.range.top, col: table.range.left }),
    tableIndex: table.index,
    message: {
      zh: `检查“${f.rule}”在本表运行出错，该项未完成核查（${f.message}）`,
      en: `the check "${f.rule}" failed on this table and did not run to the end (${f.message})`,
    },
    data: { failedRule: f.rule, error: f.message },
  };
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** Tests set SCORECHECK_STRICT so that a rule's bug fails loudly; the add-in has no process. */
function strictMode(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return !!env?.SCORECHECK_STRICT;
}
