import { analyzeWorkbook, type Analysis } from "../analyze";
import { withChanges } from "./with-changes";
import type { WorkbookSnapshot } from "../grid/types";
import type { SummaryRow } from "../model";
import type { Finding } from "../rules/types";
import { RULES } from "../rules";
import { parseA1, posToA1 } from "../grid/address";
import { dec, sum } from "../values/decimal";
import { gradeOf, onHundred } from "../recalc/grade";
import { generateNarrative, narrativeLines } from "../narrative/generate";
import { summaryFormula } from "../rules/summary-fix";
import type { CellState, Change, ChangeSet, NarrativeLine } from "./types";

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

/** Passes of fixing and re-analysing before the planner stops (ESLint's fixer stops at 10 too). */
export const MAX_FIX_PASSES = 10;

/**
 * Which option lets a rule's own fix be applied. A rule missing here has its fixes offered in the
 * findings but never applied by `fix`.
 */
export const FIX_OPTION: Readonly<Record<string, "totals" | "rescore" | "rescaleWeights">> = {
  "weights-sum": "rescaleWeights",
  "total-mismatch": "totals",
  "subtotal-mismatch": "totals",
  "formula-range": "totals",
  "score-exceeds-weight": "rescore",
  "deduction-mismatch": "rescore",
  "full-score-below-target": "rescore",
  "score-off-rule": "rescore",
  "budget-execution": "rescore",
  "unexplained-deduction": "rescore",
};

type Write = Extract<Change, { kind: "set-value" | "set-formula" }>;

/**
 * Everything `fix` would write, as data: previewable, applicable by the .xlsx writer or a gateway.
 *
 * In the manner of ESLint's fixer, what changes figures is the rules' own fix data (Finding.fix):
 * each pass applies the fixes of the enabled rules that touch no cell another fix of the pass
 * already claims (the first by rule order wins; the other is deferred to the next pass), then
 * analyses the workbook with those changes made, until a pass finds nothing new to fix or
 * MAX_FIX_PASSES is reached. So a rescaled weight's new rule score, or a rescored row's total, is
 * fixed in the same run, and running `fix` on its own output changes no figure. With `totals`, the
 * totals and subtotals still held as numbers then become the same SUM formulas, and the declared
 * grade follows the total.
 */
export function planFix(analysis: Analysis, wb: WorkbookSnapshot, opts: Partial<FixOptions> = {}): ChangeSet {
  const o = { ...DEFAULT_FIX, ...opts };
  const fixed = fixToFixedPoint(analysis, wb, o);
  const writes = new Map<string, Write>(fixed.writes.map((c) => [`${c.sheet}!${c.cell}`, c]));
  let final = fixed;
  if (o.totals) {
    const sums = formulaTotals(fixed.analysis, o.overwriteFormulas);
    const extra = [...sums, ...grades(fixed.analysis, fixed.snapshot, sums)].filter((c) => !holds(fixed.snapshot, c));
    for (const c of extra) writes.set(`${c.sheet}!${c.cell}`, c);
    if (extra.length) {
      const snapshot = withChanges(fixed.snapshot, extra);
      final = { ...fixed, snapshot, analysis: analyzeWorkbook(snapshot, analysis.options) };
    }
  }
  // In reading order (sheet, row, column), each with what its cell held before the first pass.
  const sheetIndex = new Map(wb.sheets.map((x, i) => [x.name, i]));
  const at = (c: Write) => parseA1(c.cell) ?? { row: 0, col: 0 };
  const ordered = [...writes.values()].sort((a, b) => (sheetIndex.get(a.sheet) ?? 0) - (sheetIndex.get(b.sheet) ?? 0) || at(a).row - at(b).row || at(a).col - at(b).col);
  const changes: Change[] = ordered.map((c) => ({ ...c, before: stateOf(wb, c.sheet, c.cell) }));
  if (o.marks) changes.push(...markChanges(analysis.findings));
  if (o.narrative) {
    // The report describes the workbook as fixed (rescored scores, new totals), not as it came.
    const lines = reportLines(final.analysis);
    if (lines.length) changes.push({ kind: "add-sheet", name: REPORT_SHEET, lines });
  }
  return { title: { zh: "ScoreCheck 修正", en: "ScoreCheck fixes" }, changes };
}

interface Fixed {
  /** One write per cell, the last pass's, in the order the cells were first fixed. */
  writes: Write[];
  snapshot: WorkbookSnapshot;
  analysis: Analysis;
  /** Passes that applied something. */
  passes: number;
  /** False when MAX_FIX_PASSES ran out with fixes still appearing. */
  settled: boolean;
}

/** The rules' fixes applied pass by pass, re-analysed, until no new fix appears. */
export function fixToFixedPoint(analysis: Analysis, wb: WorkbookSnapshot, opts: Partial<FixOptions> = {}, maxPasses = MAX_FIX_PASSES): Fixed {
  const o = { ...DEFAULT_FIX, ...opts };
  const writes = new Map<string, Write>();
  let snapshot = wb;
  let current = analysis;
  for (let pass = 0; pass < maxPasses; pass++) {
    const batch = passFixes(current, snapshot, o);
    if (!batch.length) return { writes: [...writes.values()], snapshot, analysis: current, passes: pass, settled: true };
    for (const c of batch) {
      const k = `${c.sheet}!${c.cell}`;
      writes.delete(k);
      writes.set(k, c);
    }
    snapshot = withChanges(snapshot, batch);
    current = analyzeWorkbook(snapshot, analysis.options);
  }
  return { writes: [...writes.values()], snapshot, analysis: current, passes: maxPasses, settled: passFixes(current, snapshot, o).length === 0 };
}

/**
 * One pass: the enabled rules' fixes in rule order, each whole or not at all, none touching a cell
 * an earlier one claims, none that would write what the cell already holds.
 */
export function passFixes(analysis: Analysis, wb: WorkbookSnapshot, o: FixOptions): Write[] {
  const order = new Map(RULES.map((r, i) => [r.id, i]));
  const candidates = analysis.findings
    .filter((f) => f.fix?.length && FIX_OPTION[f.rule] && o[FIX_OPTION[f.rule]])
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (order.get(a.f.rule) ?? 0) - (order.get(b.f.rule) ?? 0) || a.i - b.i);
  const claimed = new Set<string>();
  const out: Write[] = [];
  for (const { f } of candidates) {
    const fix = f.fix!.filter((c): c is Write => c.kind === "set-value" || c.kind === "set-formula").filter((c) => !holds(wb, c) && (o.overwriteFormulas || !keepsFormula(analysis, wb, c)));
    if (!fix.length) continue;
    const cells = fix.map((c) => `${c.sheet}!${c.cell.toUpperCase()}`);
    if (cells.some((k) => claimed.has(k))) continue; // deferred: the next pass analyses again
    for (const k of cells) claimed.add(k);
    out.push(...fix.map((c) => ({ ...c, cell: c.cell.toUpperCase() })));
  }
  return out;
}

/** The cell already holds what the change would write. */
function holds(wb: WorkbookSnapshot, c: Write): boolean {
  const now = stateOf(wb, c.sheet, c.cell);
  if (c.kind === "set-value") return now.formula === null && now.value === c.value;
  return now.formula !== null && sameFormula(now.formula, c.formula) && now.value === c.value;
}

/**
 * A formula of the user's whose value is already right is kept (unless overwriteFormulas): a
 * total written another way (=G5+G6…) is not wrong.
 */
function keepsFormula(analysis: Analysis, wb: WorkbookSnapshot, c: Write): boolean {
  const now = stateOf(wb, c.sheet, c.cell);
  if (now.formula === null || c.kind !== "set-formula") return false;
  return c.value !== null && typeof now.value === "number" && dec(now.value).eq(dec(c.value)) && !analysis.findings.some((f) => f.rule === "formula-range" && f.sheet === c.sheet && f.cell === c.cell);
}

function stateOf(wb: WorkbookSnapshot, sheet: string, cell: string): CellState {
  const s = wb.sheets.find((x) => x.name === sheet);
  const p = parseA1(cell);
  if (!s || !p) return { value: null, formula: null };
  return { value: s.values[p.row - s.top]?.[p.col - s.left] ?? null, formula: s.formulas?.[p.row - s.top]?.[p.col - s.left] ?? null };
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

/**
 * Total and subtotal cells as SUM formulas with the values their rows now add up to: a total held as
 * a number becomes the formula (its figure unchanged once the rules' fixes have settled); a formula
 * of the user's stays unless overwriteFormulas.
 */
function formulaTotals(analysis: Analysis, overwrite: boolean): Write[] {
  const out: Write[] = [];
  for (const calc of analysis.calcs) {
    const t = calc.table;
    if (t.kind !== "scoring") continue;
    const rows: SummaryRow[] = [...t.subtotals, ...(t.total ? [t.total] : [])];
    for (const row of rows) {
      for (const which of ["weight", "score"] as const) {
        const cell = row[which];
        if (!cell) continue;
        const members = t.indicators.filter((i) => row.memberRows.includes(i.row)).map((i) => i[which]?.value ?? null);
        const funds = row.kind === "total" ? (which === "weight" ? t.funds?.weight : t.funds?.score)?.value ?? null : null;
        const computed = sum([...members, funds]);
        const formula = summaryFormula(t, row, cell, which);
        if (cell.formula && !overwrite && sameFormula(cell.formula, formula)) continue;
        if (cell.formula && !overwrite && cell.value && cell.value.eq(computed)) continue;
        out.push({ kind: "set-formula", sheet: t.sheet, cell: posToA1(cell.pos), formula, value: computed.toNumber(), reason: `${row.label}按明细行求和` });
      }
    }
  }
  return out;
}

/**
 * The declared grade follows the recalculated total: the grade character in its cell is replaced
 * ("评价等级：良" → "评价等级：优"), leaving the rest of the text alone.
 */
function grades(analysis: Analysis, wb: WorkbookSnapshot, sums: Write[]): Write[] {
  const out: Write[] = [];
  for (const calc of analysis.calcs) {
    const declared = calc.table.declaredGrade;
    if (calc.table.kind !== "scoring" || !declared) continue;
    const totalCell = calc.table.total?.score;
    const rewritten = totalCell && sums.find((c) => c.kind === "set-formula" && c.sheet === calc.table.sheet && c.cell === posToA1(totalCell.pos));
    const total = rewritten && rewritten.kind === "set-formula" && rewritten.value !== null ? dec(rewritten.value) : calc.table.total?.score?.value ?? calc.scoreTotal;
    if (!total) continue;
    if (calc.gradeScale === "unreadable") continue;
    const grade = gradeOf(onHundred(total, calc.table.fullMarks), calc.gradeScale);
    if (grade === null || grade === declared.grade) continue;
    const text = stateOf(wb, calc.table.sheet, posToA1(declared.pos)).value;
    if (typeof text !== "string" || text.split(declared.grade).length !== 2) continue;
    out.push({ kind: "set-value", sheet: calc.table.sheet, cell: posToA1(declared.pos), value: text.replace(declared.grade, grade), reason: `等级按总分 ${total.toFixed()} 分评定为“${grade}”` });
  }
  return out;
}

function sameFormula(a: string, b: string): boolean {
  const n = (s: string) => s.replace(/\s|\$/g, "").toUpperCase();
  return n(a) === n(b);
}
