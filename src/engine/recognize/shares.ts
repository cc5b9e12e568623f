/**
 * Step 5 — weights given through the structure rather than on each row: a sole child carries its
 * group's weight; 二级/三级 weights written as shares of their 一级 (adding up to 100 inside each
 * 一级 while the 一级 weights add up to the table's 100) become points.
 */
import type { Decimal } from "decimal.js";
import type { CellPos } from "../grid/types";
import type { Doubt, GroupWeight, Indicator, NumberCell } from "../model";
import { HUNDRED, sum } from "../values/decimal";
import type { Body } from "./fold";

/**
 * In a 指标体系 whose weights are in the names, an indicator without one that is its group's only
 * member carries the group's weight ("(一)项目前期工作(7分)" over "1.可行性研究报告").
 */
export function inheritSoleChild(body: Body): Body {
  const indicators = body.indicators.map((ind) => {
    if (ind.weight?.value) return ind;
    const own = body.groupWeights
      .filter((g) => g.memberRows.length === 1 && g.memberRows[0] === ind.row)
      .sort((a, b) => b.level - a.level)[0];
    return own ? { ...ind, weight: { value: own.declared, pos: own.cell } } : ind;
  });
  // Bare names that carry nothing after all are placeholders of the template.
  const bare = new Set(body.bareRows.filter((r) => !indicators.find((i) => i.row === r)?.weight?.value));
  const keep = (rows: number[]) => rows.filter((r) => !bare.has(r));
  return {
    ...body,
    indicators: indicators.filter((i) => !bare.has(i.row)),
    groupWeights: body.groupWeights.map((g) => ({ ...g, memberRows: keep(g.memberRows) })),
    subtotals: body.subtotals.map((s) => ({ ...s, memberRows: keep(s.memberRows) })),
    total: body.total ? { ...body.total, memberRows: keep(body.total.memberRows) } : null,
    skippedRows: [...body.skippedRows, ...bare].sort((a, b) => a - b),
    bareRows: [],
  };
}

/**
 * No weight column and no weight in any name, but the block's label declares its points
 * ("年度绩效目标1 (80分)"): the indicators share them equally (湖北's rule) when the scores confirm it
 * — none above the share, at least one equal to it. Said as a doubt, since it is a reading.
 */
export function shareSectionEqually(body: Body, section: { value: Decimal; pos: CellPos } | undefined): { body: Body; doubts: Doubt[] } {
  const n = body.indicators.length;
  if (!section || n === 0 || body.indicators.some((i) => i.weight?.value)) return { body, doubts: [] };
  const share = section.value.div(n);
  const scores = body.indicators.map((i) => i.score?.value ?? null);
  const confirmed = scores.every((s) => s !== null && s.lte(share)) && scores.some((s) => s!.eq(share));
  if (!confirmed) return { body, doubts: [] };
  const indicators = body.indicators.map((i) => ({ ...i, weight: { value: share, pos: section.pos } }));
  const message = {
    zh: `表内未列分值：按“${section.value.toFixed()}分”由${n}项指标平均分配，每项${share.toFixed()}分（各项得分均不超过该分值）`,
    en: `no weight column: the block's ${section.value.toFixed()} points are read as shared equally by its ${n} indicators, ${share.toFixed()} each (no score exceeds that)`,
  };
  return { body: { ...body, indicators }, doubts: [{ pos: section.pos, message }] };
}

/** Whether the indicator weights are shares of their 一级: 100 inside every 一级, the 一级 adding to the full marks. */
export function sharesOfLevel1(body: Body): boolean {
  const level1 = body.groupWeights.filter((g) => g.level === 1);
  if (level1.length < 2) return false;
  const full = body.total?.weight?.value ?? HUNDRED;
  if (exactShares(body, level1, full)) return true;
  // One slip (a 一级 of 45 for 50, a share list adding to 95) must not turn shares into points: read
  // as points the weights come to several times the total, read as shares to within a slip of it.
  const asPoints = sum(body.indicators.map((i) => i.weight?.value ?? null));
  const asShares = sum(level1.map((g) => g.declared.times(sum(membersOf(body.indicators, g).map((i) => i.weight?.value ?? null))).div(100)));
  return level1.some((g) => !g.declared.eq(100)) && asPoints.gte(full.times(2)) && asShares.minus(full).abs().lte(10);
}

function exactShares(body: Body, level1: Body["groupWeights"], full: Decimal): boolean {
  if (!sum(level1.map((g) => g.declared)).eq(full)) return false;
  let scaled = false;
  for (const g of level1) {
    const members = membersOf(body.indicators, g);
    if (members.length === 0) continue;
    if (!sum(members.map((i) => i.weight?.value)).eq(100)) return false;
    if (!g.declared.eq(100)) scaled = true;
  }
  return scaled;
}

/** Indicator and 二级 weights turned from shares of their 一级 into points. */
export function sharesToPoints(body: Body): Body {
  const factorOf = new Map<number, Decimal>();
  const level1 = body.groupWeights.filter((g) => g.level === 1);
  for (const g of level1) for (const r of g.memberRows) factorOf.set(r, g.declared.div(100));
  const scale = (c: NumberCell | null, row: number): NumberCell | null => {
    const f = factorOf.get(row);
    return c?.value && f ? { ...c, value: c.value.times(f) } : c;
  };
  const groupWeights = body.groupWeights.map((g) => {
    if (g.level === 1) return g;
    const f = g.memberRows.length ? factorOf.get(g.memberRows[0]) : undefined;
    return f ? { ...g, declared: g.declared.times(f) } : g;
  });
  return { ...body, indicators: body.indicators.map((i) => ({ ...i, weight: scale(i.weight, i.row) })), groupWeights };
}

/**
 * 二级 weights declared as shares of their 一级 ("决策 20分" with 二级 "项目立项 50%") while the
 * indicators are in points: when inside every 一级 the 二级 add up to 100 and some 一级 is not
 * 100, each 二级 is that share of its 一级's points.
 */
export function level2SharesToPoints(groups: GroupWeight[]): GroupWeight[] {
  const out = groups.map((g) => ({ ...g }));
  const families = out
    .filter((g) => g.level === 1)
    .map((g1) => {
      const inside = new Set(g1.memberRows);
      return { g1, children: out.filter((g) => g.level === 2 && g.memberRows.length > 0 && g.memberRows.every((r) => inside.has(r))) };
    })
    .filter((f) => f.children.length > 0);
  const shares = families.every((f) => sum(f.children.map((c) => c.declared)).eq(100));
  if (!shares || !families.some((f) => !f.g1.declared.eq(100))) return out;
  for (const { g1, children } of families) for (const c of children) c.declared = c.declared.times(g1.declared).div(100);
  return out;
}

function membersOf(indicators: Indicator[], g: GroupWeight): Indicator[] {
  const rows = new Set(g.memberRows);
  return indicators.filter((i) => rows.has(i.row));
}
