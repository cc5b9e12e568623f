/**
 * Step 10 — excerpts. A report's 扣分情况 list (指标名称 | 分值 | 得分 | 扣分原因) repeats rows of the
 * workbook's scoring table; read as a table of its own it would be a table of 40 points. A table
 * all of whose indicators, with their weights, are rows of a larger table is an excerpt of it.
 */
import type { ScoringTable } from "../model";
import { key } from "../text/normalize";
import { Dec } from "../values/decimal";

export function dropExcerpts(tables: ScoringTable[]): ScoringTable[] {
  const rowKey = (name: string, weight: string | undefined) => `${key(name)}|${weight ?? ""}`;
  // The funds block's 预算执行率 is one of the larger table's scored rows too.
  const rowsOf = (t: ScoringTable) =>
    new Set([...t.indicators.map((i) => rowKey(i.name, i.weight?.value?.toFixed())), ...(t.funds?.weight?.value ? [rowKey("预算执行率", t.funds.weight.value.toFixed())] : [])]);
  const scoring = tables.filter((t) => t.kind === "scoring");
  const sets = new Map(scoring.map((t) => [t, rowsOf(t)]));
  return tables.filter((t) => {
    // A table of its own carries the full 100 points; an excerpt carries the rows it lists.
    const weights = t.indicators.reduce((a, i) => a.plus(i.weight?.value ?? 0), new Dec(0));
    if (t.kind !== "scoring" || t.total?.weight?.value?.eq(100) || weights.eq(100)) return true;
    // A table with a funds block of its own is a project's form, however like another's its rows are.
    if (t.funds && t.funds.weight) return true;
    const own = [...sets.get(t)!];
    const sameProject = (u: ScoringTable) => !t.projectName || !u.projectName || t.projectName === u.projectName;
    // A 扣分情况 list names a few rows; a table with its own total row and nearly all of another's
    // rows is a unit's own form (二级单位 sharing their 部门's indicators, one row left out).
    const ownForm = (u: ScoringTable) => !!t.total && t.indicators.length * 3 > u.indicators.length * 2;
    return !scoring.some((u) => u !== t && u.indicators.length > t.indicators.length && sameProject(u) && !ownForm(u) && own.every((k) => sets.get(u)!.has(k)));
  });
}
