import { parseA1, posToA1, show, type TableCalc } from "../../engine";

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

/** Where a cell sits in the analysed tables: the row's name and its place in table order. */
export interface CellPlace {
  /** The row's own name as the workbook has it; null for the grade cell (the pane names it). */
  label: string | null;
  order: number;
}

/**
 * Names the row a proposed change writes to (the indicator, 小计, 合计 or 等级) and gives it a sort
 * key in table order (table, then row, then column), so the preview reads like the table.
 */
export function cellPlaces(calcs: TableCalc[]): (sheet: string, cell: string) => CellPlace | null {
  const rows = new Map<string, { label: string | null; table: number }>();
  for (const calc of calcs) {
    const t = calc.table;
    const put = (row: number, label: string | null) => rows.set(`${t.sheet}!${row}`, { label, table: t.index });
    for (const i of t.indicators) put(i.row, i.name);
    for (const s of calc.subtotals) put(s.row.row, s.row.label);
    if (t.total) put(t.total.row, t.total.label);
    if (t.declaredGrade) put(t.declaredGrade.pos.row, null);
  }
  return (sheet, cell) => {
    const p = parseA1(cell);
    if (!p) return null;
    const hit = rows.get(`${sheet}!${p.row}`);
    return { label: hit ? hit.label : "", order: (hit?.table ?? 999) * 1e9 + p.row * 1e4 + p.col };
  };
}
