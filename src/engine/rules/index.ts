import type { Finding, Rule, RuleContext } from "./types";
import { posToA1 } from "../grid/address";
import { weightsSum } from "./weights-sum";
import { weightStructure } from "./weight-structure";
import { totalMismatch } from "./total-mismatch";
import { subtotalMismatch } from "./subtotal-mismatch";
import { formulaRange } from "./formula-range";
import { scoreExceedsWeight } from "./score-exceeds-weight";
import { fullScoreBelowTarget } from "./full-score-below-target";
import { unexplainedDeduction } from "./unexplained-deduction";
import { scoreOffRule } from "./score-off-rule";
import { budgetExecution } from "./budget-execution";
import { gradeMismatch } from "./grade-mismatch";
import { narrativeMismatch } from "./narrative-mismatch";
import { unitMismatch } from "./unit-mismatch";
import { missingValue } from "./missing-value";
import { duplicateIndicator } from "./duplicate-indicator";

/** Every check, in report order. Adding a check: write a Rule module and list it here. */
export const RULES: Rule[] = [
  weightsSum,
  weightStructure,
  totalMismatch,
  subtotalMismatch,
  formulaRange,
  scoreExceedsWeight,
  fullScoreBelowTarget,
  unexplainedDeduction,
  scoreOffRule,
  budgetExecution,
  gradeMismatch,
  narrativeMismatch,
  unitMismatch,
  missingValue,
  duplicateIndicator,
];

const defaultApplies = (ctx: RuleContext) => ctx.table.kind === "scoring";

/** Runs one rule on one table; a rule that throws becomes no finding, never a crash. */
export function runRule(rule: Rule, ctx: RuleContext): Finding[] {
  const applies = rule.appliesTo ? rule.appliesTo(ctx.table) : defaultApplies(ctx);
  if (!applies) return [];
  let reports;
  try {
    reports = rule.check(ctx);
  } catch (e) {
    // A bug in one rule must not hide the others' findings; surface it in development.
    if (strictMode()) throw e;
    return [];
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

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** Tests set SCORECHECK_STRICT so that a rule's bug fails loudly; the add-in has no process. */
function strictMode(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return !!env?.SCORECHECK_STRICT;
}
