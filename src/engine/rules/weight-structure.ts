import type { Rule, Report } from "./types";
import type { ScoringTable } from "../model";
import { Dec, show, sum } from "../values/decimal";

type Category = "产出" | "效益" | "满意度" | "成本" | "other";

function categoryOf(level1: string | null): Category {
  const t = level1 ?? "";
  if (/满意/.test(t)) return "满意度";
  if (/产出/.test(t)) return "产出";
  if (/效益|效果/.test(t)) return "效益";
  if (/成本/.test(t)) return "成本";
  return "other";
}

const SPLIT: Record<"产出" | "效益" | "满意度", number> = { 产出: 50, 效益: 30, 满意度: 10 };

/** Whether the national 产出50/效益30/满意度10/预算执行率10 split is the form in use. */
function splitApplies(table: ScoringTable, mode: "auto" | "always" | "never"): boolean {
  if (mode === "never") return false;
  const cats = new Set(table.indicators.map((i) => categoryOf(i.level1)));
  const onlyNational = [...cats].every((c) => c === "产出" || c === "效益" || c === "满意度");
  if (!onlyNational || !cats.has("产出") || !cats.has("效益")) return false;
  return mode === "always" || !!table.funds;
}

/** Declared group weights equal their children; the 一级 split follows the national form. */
export const weightStructure: Rule = {
  id: "weight-structure",
  severity: "warning",
  description: {
    zh: "一级/二级指标分值与下级之和不符，或偏离产出50/效益30/满意度10/预算执行率10",
    en: "A declared group weight differs from its children, or the 一级 split departs from 50/30/10/10",
  },
  appliesTo: (t) => t.kind === "scoring" && t.hasWeights,
  check({ table, options }) {
    const out: Report[] = [];
    for (const g of table.groupWeights) {
      const members = table.indicators.filter((i) => g.memberRows.includes(i.row));
      const s = sum(members.map((i) => i.weight?.value));
      if (members.length && !s.eq(g.declared))
        out.push({
          pos: g.cell,
          message: {
            zh: `「${g.name}」标注${show(g.declared)}分，但下级指标权重合计${show(s)}分`,
            en: `"${g.name}" declares ${show(g.declared)} points, but its indicators weigh ${show(s)}`,
          },
          data: { declared: g.declared.toFixed(), computed: s.toFixed() },
        });
    }
    if (!splitApplies(table, options.split)) return out;
    const byCat = new Map<Category, Dec>();
    const firstCell = new Map<Category, ScoringTable["indicators"][number]>();
    for (const i of table.indicators) {
      const c = categoryOf(i.level1);
      byCat.set(c, (byCat.get(c) ?? new Dec(0)).plus(i.weight?.value ?? 0));
      if (!firstCell.has(c)) firstCell.set(c, i);
    }
    const parts: string[] = [];
    for (const [cat, expected] of Object.entries(SPLIT) as [keyof typeof SPLIT, number][]) {
      const got = byCat.get(cat);
      if (got && !got.eq(expected)) parts.push(`${cat}${show(got)}分（应为${expected}分）`);
    }
    if (parts.length) {
      const first = table.indicators[0];
      out.push({
        pos: first.nameCell,
        message: {
          zh: `一级指标分值为${parts.join("、")}，与“产出50、效益30、满意度10、预算执行率10”的统一设置不符`,
          en: `the 一级 weights (${parts.join(", ")}) depart from the standard split output 50, outcome 30, satisfaction 10, budget execution 10`,
        },
        data: Object.fromEntries([...byCat].map(([k, v]) => [k, v.toFixed()])),
      });
    }
    return out;
  },
};
