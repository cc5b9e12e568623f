import type { Rule, Report } from "./types";
import type { CellPos } from "../grid/types";
import type { Indicator } from "../model";
import { label, labelEn, show } from "./util";
import { isUnknown } from "../recalc/table-calc";
import { ADJUSTMENT_LABEL } from "../text/vocabulary";

const FIELDS = [
  { role: "target", zh: "目标值", en: "target" },
  { role: "actual", zh: "实际完成值", en: "actual" },
  { role: "weight", zh: "权重/分值", en: "weight" },
  { role: "score", zh: "得分", en: "score" },
] as const;

function state(ind: Indicator, role: (typeof FIELDS)[number]["role"]): { missing: boolean; why?: string } {
  if (role === "target") return { missing: !ind.target || ind.target.kind === "empty", why: ind.target?.kind === "error" ? ind.target.raw : undefined };
  if (role === "actual") return { missing: !ind.actual || ind.actual.kind === "empty", why: ind.actual?.kind === "error" ? ind.actual.raw : undefined };
  const cell = role === "weight" ? ind.weight : ind.score;
  if (!cell) return { missing: true };
  return { missing: cell.value === null, why: cell.unreadable };
}

/** A template's placeholder row ("/", "……") is not an indicator with gaps. */
const PLACEHOLDER = /^([/／\\—–\-－_…·.]+)$/;
/** "规章制度建立与否", "是否按时完成": the name states the target itself. */
const YES_NO = /(与否|是否)|^是否/;

/** Every indicator row needs its target, actual, weight and score (where the form has the column). */
export const missingValue: Rule = {
  id: "missing-value",
  severity: "warning",
  description: { zh: "指标行缺少目标值、实际值、权重或得分", en: "A blank target, actual, weight or score in an indicator row" },
  appliesTo: () => true,
  check({ table, calc }) {
    const out: Report[] = [];
    const roles = table.columns.roles;
    // A 指标体系 (weights only, no target or actual columns) whose 得分 column is blank on every row
    // is a form to be filled in later, not thirty gaps.
    const allBlank = table.indicators.every((i) => state(i, "score").missing);
    const template = roles.target === undefined && roles.actual === undefined && allBlank;
    // A form whose 得分 column is blank throughout has not been scored yet: one line, not one per row.
    const noScores = allBlank && table.indicators.length >= 5;
    const unfilled = new Set<string>(template || noScores ? ["score"] : []);
    // A blank form (表样) leaves its actuals, and perhaps its targets, empty throughout as well.
    for (const role of ["actual", "target"] as const)
      if (noScores && roles[role] !== undefined && table.indicators.every((i) => state(i, role).missing)) unfilled.add(role);
    if (noScores && !template && roles.score !== undefined && table.kind === "scoring")
      out.push({
        pos: { row: table.headerRows[0], col: roles.score },
        message: { zh: `得分列全部未填写（${table.indicators.length}项指标），表格尚未评分`, en: `the score column is blank on all ${table.indicators.length} indicators: the form has not been scored yet` },
        data: { field: "score", reason: "unfilled" },
      });
    for (const ind of table.indicators) {
      // A placeholder row, or one marked "/" (not applicable this year), has no gaps to report.
      if (PLACEHOLDER.test(ind.name.trim()) || calc.notApplicableRows.has(ind.row)) continue;
      // "扣分项 | … | -2": a deduction (or bonus) row has a score and nothing else.
      if ((ind.adjustment || ADJUSTMENT_LABEL.test(ind.name.trim())) && !ind.weight?.value) continue;
      for (const f of FIELDS) {
        const col = roles[f.role];
        if (col === undefined || unfilled.has(f.role)) continue;
        if ((f.role === "weight" || f.role === "score") && table.kind !== "scoring") continue;
        // A row whose group carries the points (分值 merged down, or beside the 二级) has no gap.
        if (f.role === "weight" && calc.groupWeightedRows.has(ind.row)) continue;
        const pos: CellPos = { row: ind.row, col };
        // A formula that could not be evaluated is not a blank: formula-uncached tells it once.
        if (isUnknown(calc, pos)) continue;
        const s = state(ind, f.role);
        if (!s.missing && !s.why) continue;
        if (f.role === "target" && s.missing && !s.why && (ind.weight?.value?.isZero() || YES_NO.test(ind.name))) continue;
        out.push({
          pos,
          message: s.why
            ? { zh: `${label(ind)}的${f.zh}无法读取：${s.why}`, en: `${labelEn(ind)}: the ${f.en} cannot be read (${s.why})` }
            : { zh: `${label(ind)}未填写${f.zh}`, en: `${labelEn(ind)} has no ${f.en}` },
          data: { field: f.role, reason: s.why ?? null },
        });
      }
    }
    // A total or subtotal figure that cannot be read (#N/A, #REF!, a date): its check could not be made.
    for (const row of [...table.subtotals, ...(table.total ? [table.total] : [])])
      for (const [cell, zh, en] of [[row.weight, "权重", "weight"], [row.score, "得分", "score"]] as const) {
        if (!cell?.unreadable || cell.value !== null || isUnknown(calc, cell.pos)) continue;
        out.push({
          pos: cell.pos,
          message: { zh: `“${row.label}”行的${zh}无法读取：${cell.unreadable}，未能核对`, en: `the ${en} of the “${row.label}” row cannot be read (${cell.unreadable}), so it was not checked` },
          data: { field: `${row.kind}-${en}`, reason: cell.unreadable },
        });
      }
    const blank = calc.blankFundsScore;
    const scoredElsewhere = table.indicators.some((i) => /预算执行率/.test(i.name) && i.score?.value);
    if (table.kind === "scoring" && blank && !scoredElsewhere && !unfilled.has("score") && !isUnknown(calc, blank)) {
      const w = table.funds!.weight!.value!;
      out.push({
        pos: blank,
        message: { zh: `预算执行率设有分值${show(w)}分，但未填写得分`, en: `budget execution carries ${show(w)} points but has no score` },
        data: { field: "funds-score", reason: null },
      });
    }
    return out;
  },
};
