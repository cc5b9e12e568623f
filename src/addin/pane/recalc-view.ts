import type { TableCalc } from "../../engine/recalc/table-calc";
import { posToA1 } from "../../engine/grid/address";
import { show } from "../../engine/values/decimal";

/** One line of the declared-versus-recalculated comparison. */
export interface CompareRow {
  kind: "subtotal" | "total" | "rule" | "grade" | "indicator";
  label: string;
  cell: string | null;
  declaredWeight: string;
  weight: string;
  declaredScore: string;
  score: string;
  /** Declared and recalculated differ. */
  differs: boolean;
  why?: { zh: string; en: string };
}

const DASH = "—";

/**
 * The 重新计算 tab's comparison for one scoring table: each subtotal and the total beside the sums
 * of their rows, the rule score, the grade, and every indicator whose score departs from the rule.
 */
export function compareRows(calc: TableCalc): CompareRow[] {
  const t = calc.table;
  const rows: CompareRow[] = [];
  for (const s of calc.subtotals) {
    const dw = s.row.weight?.value ?? null;
    const ds = s.row.score?.value ?? null;
    rows.push({
      kind: "subtotal",
      label: s.row.label,
      cell: s.row.score ? posToA1(s.row.score.pos) : null,
      declaredWeight: show(dw),
      weight: show(s.weightSum),
      declaredScore: show(ds),
      score: show(s.scoreSum),
      differs: (!!dw && !dw.eq(s.weightSum)) || (!!ds && !ds.eq(s.scoreSum)),
    });
  }
  const tw = t.total?.weight?.value ?? null;
  const ts = t.total?.score?.value ?? null;
  rows.push({
    kind: "total",
    label: t.total?.label ?? "合计",
    cell: t.total?.score ? posToA1(t.total.score.pos) : null,
    declaredWeight: show(tw),
    weight: show(calc.weightTotal),
    declaredScore: show(ts),
    score: show(calc.scoreTotal),
    differs: (!!tw && !!calc.weightTotal && !tw.eq(calc.weightTotal)) || (!!ts && !!calc.scoreTotal && !ts.eq(calc.scoreTotal)),
  });
  if (calc.ruleScoreTotal)
    rows.push({ kind: "rule", label: "规则得分", cell: null, declaredWeight: DASH, weight: DASH, declaredScore: show(calc.scoreTotal), score: show(calc.ruleScoreTotal), differs: !!calc.scoreTotal && !calc.scoreTotal.eq(calc.ruleScoreTotal) });
  const declaredGrade = t.declaredGrade?.grade ?? DASH;
  rows.push({ kind: "grade", label: "等级", cell: t.declaredGrade ? posToA1(t.declaredGrade.pos) : null, declaredWeight: DASH, weight: DASH, declaredScore: declaredGrade, score: calc.grade ?? DASH, differs: !!t.declaredGrade && !!calc.grade && t.declaredGrade.grade !== calc.grade });
  for (const c of calc.indicators) {
    const declared = c.indicator.score?.value;
    if (!declared || !c.ruleScore || c.assessment.band || declared.eq(c.ruleScore)) continue;
    rows.push({
      kind: "indicator",
      label: c.indicator.name,
      cell: posToA1(c.indicator.score!.pos),
      declaredWeight: show(c.indicator.weight?.value),
      weight: show(c.indicator.weight?.value),
      declaredScore: show(declared),
      score: show(c.ruleScore),
      differs: true,
      why: c.assessment.why,
    });
  }
  return rows;
}
