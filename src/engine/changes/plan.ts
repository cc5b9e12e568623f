import type { Decimal } from "decimal.js";
import { analyzeWorkbook, type Analysis } from "../analyze";
import { withChanges } from "./with-changes";
import type { WorkbookSnapshot } from "../grid/types";
import type { NumberCell, SummaryRow } from "../model";
import type { TableCalc } from "../recalc/table-calc";
import type { Finding } from "../rules/types";
import { SheetView } from "../grid/sheet-view";
import { parseA1, posToA1 } from "../grid/address";
import { dec, sum } from "../values/decimal";
import { gradeOf } from "../recalc/grade";
import { generateNarrative, narrativeLines } from "../narrative/generate";
import { summaryFormula } from "../rules/summary-fix";
import type { Change, ChangeSet, NarrativeLine } from "./types";

export interface FixOptions {
  /** Recalculate totals and subtotals as SUM formulas. */
  totals: boolean;
  /** Replace indicator scores by the rule's where the rule determines them. */
  rescore: boolean;
  /** Replace weights by a proportional rescaling when they don't add up. */
  rescaleWeights: boolean;
  /** Fill flagged cells by severity and attach a note. */
  marks: boolean;
  /** Add a 自评报告 sheet with the generated narrative. */
  narrative: boolean;
  /** Replace a total/subtotal that is already a correct formula (never by default). */
  overwriteFormulas: boolean;
}

export const DEFAULT_FIX: FixOptions = { totals: true, rescore: false, rescaleWeights: false, marks: true, narrative: true, overwriteFormulas: false };

/** Everything `fix` would write, as data: previewable, applicable by the xlsx writer or Office.js. */
export function planFix(analysis: Analysis, wb: WorkbookSnapshot, opts: Partial<FixOptions> = {}): ChangeSet {
  const o = { ...DEFAULT_FIX, ...opts };
  const views = new Map(wb.sheets.map((s) => [s.name, new SheetView(s)]));
  const changes: Change[] = [];
  for (const calc of analysis.calcs) {
    if (calc.table.kind !== "scoring") continue;
    const overrides = new Map<string, Decimal>();
    if (o.rescaleWeights) changes.push(...rescaledWeights(analysis, calc, overrides));
    if (o.rescore) changes.push(...rescored(calc, overrides));
    if (o.totals) {
      const sums = totals(calc, overrides, o.overwriteFormulas);
      changes.push(...sums, ...gradeChange(calc, sums, views));
    }
  }
  for (const c of changes) if (c.kind === "set-value" || c.kind === "set-formula") c.before = beforeState(views, c.sheet, c.cell);
  if (o.marks) changes.push(...markChanges(analysis.findings));
  if (o.narrative) {
    // The report describes the workbook as fixed (rescored scores, new totals), not as it came.
    const fixed = withChanges(wb, changes);
    const lines = reportLines(fixed === wb ? analysis : analyzeWorkbook(fixed, analysis.options));
    if (lines.length) changes.push({ kind: "add-sheet", name: REPORT_SHEET, lines });
  }
  return { title: { zh: "ScoreCheck 修正", en: "ScoreCheck fixes" }, changes };
}

/** The sheet the narrative goes to. */
export const REPORT_SHEET = "自评报告";

/** One mark per finding: a fill by severity and the finding as a note. */
export function markChanges(findings: Finding[]): Change[] {
  return findings.map((f) => ({ kind: "mark", sheet: f.sheet, cell: f.cell, severity: f.severity, note: `[ScoreCheck ${f.rule}] ${f.message.zh}` }));
}

export function reportLines(analysis: Analysis): NarrativeLine[] {
  const lines: NarrativeLine[] = [];
  for (const calc of analysis.calcs) {
    if (calc.table.kind !== "scoring") continue;
    if (lines.length) lines.push({ text: "", style: "body" });
    lines.push(...narrativeLines(generateNarrative(calc, analysis.findings)));
  }
  return lines;
}

function beforeState(views: Map<string, SheetView>, sheet: string, cell: string) {
  const v = views.get(sheet);
  const p = parseA1(cell);
  if (!v || !p) return { value: null, formula: null };
  return { value: v.value(p.row, p.col), formula: v.formula(p.row, p.col) };
}

const key = (sheet: string, cell: NumberCell) => `${sheet}!${posToA1(cell.pos)}`;

function rescaledWeights(analysis: Analysis, calc: TableCalc, overrides: Map<string, Decimal>): Change[] {
  const f = analysis.findings.find((x) => x.rule === "weights-sum" && x.tableIndex === calc.table.index);
  const fix = (f?.fix ?? []).filter((c): c is Extract<Change, { kind: "set-value" }> => c.kind === "set-value");
  for (const c of fix) {
    const ind = calc.table.indicators.find((i) => i.weight && posToA1(i.weight.pos) === c.cell);
    if (ind?.weight) overrides.set(key(calc.table.sheet, ind.weight), dec(c.value));
  }
  return fix.map((c) => ({ ...c }));
}

function rescored(calc: TableCalc, overrides: Map<string, Decimal>): Change[] {
  const out: Change[] = [];
  for (const c of calc.indicators) {
    const s = c.indicator.score;
    if (!s?.value || !c.ruleScore || c.assessment.band) continue;
    if (s.value.eq(c.ruleScore)) continue;
    overrides.set(key(calc.table.sheet, s), c.ruleScore);
    out.push({ kind: "set-value", sheet: calc.table.sheet, cell: posToA1(s.pos), value: c.ruleScore.toNumber(), reason: `按评分规则计分：${c.assessment.why.zh}` });
  }
  const f = calc.table.funds;
  if (f?.score?.value && calc.fundsRuleScore && !f.score.value.eq(calc.fundsRuleScore)) {
    overrides.set(key(calc.table.sheet, f.score), calc.fundsRuleScore);
    out.push({ kind: "set-value", sheet: calc.table.sheet, cell: posToA1(f.score.pos), value: calc.fundsRuleScore.toNumber(), reason: "按预算执行率计分" });
  }
  return out;
}

/** Total and subtotal cells as SUM formulas, with cached values from the (possibly rescored) rows. */
function totals(calc: TableCalc, overrides: Map<string, Decimal>, overwrite: boolean): Change[] {
  const t = calc.table;
  const out: Change[] = [];
  const valueOf = (c: NumberCell | null | undefined) => (c ? overrides.get(key(t.sheet, c)) ?? c.value : null);
  const rows: SummaryRow[] = [...t.subtotals, ...(t.total ? [t.total] : [])];
  for (const row of rows) {
    for (const which of ["weight", "score"] as const) {
      const cell = row[which];
      if (!cell) continue;
      const members = t.indicators.filter((i) => row.memberRows.includes(i.row)).map((i) => valueOf(i[which]));
      const funds = row.kind === "total" ? valueOf(which === "weight" ? t.funds?.weight : t.funds?.score) : null;
      const computed = sum([...members, funds]);
      const formula = summaryFormula(t, row, cell, which);
      if (cell.formula && !overwrite && sameFormula(cell.formula, formula)) continue;
      if (cell.formula && !overwrite && cell.value && cell.value.eq(computed)) continue;
      out.push({ kind: "set-formula", sheet: t.sheet, cell: posToA1(cell.pos), formula, value: computed.toNumber(), reason: `${row.label}按明细行求和` });
    }
  }
  return out;
}

/**
 * The declared grade follows the recalculated total: the grade character in its cell is replaced
 * ("评价等级：良" → "评价等级：优"), leaving the rest of the text alone.
 */
function gradeChange(calc: TableCalc, sums: Change[], views: Map<string, SheetView>): Change[] {
  const declared = calc.table.declaredGrade;
  const totalCell = calc.table.total?.score;
  if (!declared) return [];
  const rewritten = totalCell && sums.find((c) => c.kind === "set-formula" && c.cell === posToA1(totalCell.pos));
  const total = rewritten && rewritten.kind === "set-formula" && rewritten.value !== null ? dec(rewritten.value) : calc.table.total?.score?.value ?? calc.scoreTotal;
  if (!total) return [];
  const grade = gradeOf(total);
  if (grade === declared.grade) return [];
  const text = views.get(calc.table.sheet)?.value(declared.pos.row, declared.pos.col);
  if (typeof text !== "string" || text.split(declared.grade).length !== 2) return [];
  return [{ kind: "set-value", sheet: calc.table.sheet, cell: posToA1(declared.pos), value: text.replace(declared.grade, grade), reason: `等级按总分 ${total.toFixed()} 分评定为“${grade}”` }];
}

function sameFormula(a: string, b: string): boolean {
  const n = (s: string) => s.replace(/\s|\$/g, "").toUpperCase();
  return n(a) === n(b);
}
