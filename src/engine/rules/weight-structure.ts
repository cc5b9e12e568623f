import type { Rule, Report } from "./types";
import type { ScoringTable } from "../model";
import type { TableCalc } from "../recalc/table-calc";
import { isUnknown } from "../recalc/table-calc";
import { Dec, show, sum } from "../values/decimal";
import { NATIONAL_SPLIT, nationalSplitText, type SplitCategory } from "../standards";
import { agrees } from "./util";

type Category = Exclude<SplitCategory, "预算执行率"> | "other";

function categoryOf(level1: string | null): Category {
  const t = level1 ?? "";
  if (/满意/.test(t)) return "满意度";
  if (/产出/.test(t)) return "产出";
  if (/效益/.test(t)) return "效益";
  return "other";
}

/**
 * The national project form (财预〔2020〕10号 附1): a funds block that scores 预算执行率 and 一级
 * 产出/效益/满意度 only. Recognition names the form where it can (`table.form`); otherwise it is told
 * from the table. Department-wide and third-party tables (决策/过程/产出/效益 such as 20/20/30/30,
 * 投入/过程/产出/效果) are legitimate and never held to 50/30/10/10.
 */
export function isNationalProjectForm(table: ScoringTable): boolean {
  const form = (table as { form?: string }).form;
  if (form !== undefined) return form === "national-project";
  const f = table.funds;
  const scoresExecution = !!f && (!!f.statedRate || !!f.weight || (!!f.budget && !!f.executed));
  if (!scoresExecution) return false;
  const cats = new Set(table.indicators.map((i) => categoryOf(i.level1)));
  return cats.size === 3 && cats.has("产出") && cats.has("效益") && cats.has("满意度");
}

function splitApplies(table: ScoringTable, mode: "auto" | "always" | "never"): boolean {
  if (mode === "never") return false;
  if (mode === "always") {
    const cats = new Set(table.indicators.map((i) => categoryOf(i.level1)));
    return !cats.has("other") && cats.has("产出") && cats.has("效益");
  }
  return isNationalProjectForm(table);
}

/** Declared group weights equal their children; on the national form the 一级 split is 50/30/10/10. */
export const weightStructure: Rule = {
  id: "weight-structure",
  severity: "warning",
  description: {
    zh: `一级/二级指标分值与下级之和不符，或国家项目支出绩效自评表偏离${nationalSplitText("zh")}`,
    en: `A declared group weight differs from its children, or the national project form's 一级 split departs from ${nationalSplitText("en")}`,
  },
  appliesTo: (t) => t.kind === "scoring" && t.hasWeights,
  check({ table, calc, options }) {
    const out: Report[] = [...groupChecks(table, calc, options.tolerance)];
    if (!splitApplies(table, options.split)) return out;
    const split = splitCheck(table, calc);
    if (split) out.push(split);
    return out;
  },
};

function groupChecks(table: ScoringTable, calc: TableCalc, tolerance: string): Report[] {
  const out: Report[] = [];
  for (const g of table.groupWeights) {
    const members = table.indicators.filter((i) => g.memberRows.includes(i.row));
    // A member without a readable weight leaves the group's sum unknown: missing-value tells it.
    if (!members.length || members.some((i) => !i.weight?.value || isUnknown(calc, i.weight.pos))) continue;
    const s = sum(members.map((i) => i.weight?.value));
    if (agrees(g.declared, s, table.weightPlaces, tolerance)) continue;
    out.push({
      pos: g.cell,
      message: {
        zh: `「${g.name}」标注${show(g.declared)}分，但下级指标权重合计${show(s)}分`,
        en: `"${g.name}" declares ${show(g.declared)} points, but its indicators weigh ${show(s)}`,
      },
      data: { declared: g.declared.toFixed(), computed: s.toFixed() },
    });
  }
  return out;
}

function splitCheck(table: ScoringTable, calc: TableCalc): Report | null {
  if (table.indicators.some((i) => !i.weight?.value || isUnknown(calc, i.weight.pos))) return null;
  const byCat = new Map<Category, Dec>();
  for (const i of table.indicators) {
    const c = categoryOf(i.level1);
    byCat.set(c, (byCat.get(c) ?? new Dec(0)).plus(i.weight!.value!));
  }
  const parts: { zh: string; en: string }[] = [];
  for (const cat of ["产出", "效益", "满意度"] as const) {
    const got = byCat.get(cat);
    const expected = NATIONAL_SPLIT[cat];
    if (got && !got.eq(expected)) parts.push({ zh: `${cat}${show(got)}分（应为${expected}分）`, en: `${cat} ${show(got)} (should be ${expected})` });
  }
  const fundsWeight = table.funds?.weight?.value;
  if (fundsWeight && !fundsWeight.eq(NATIONAL_SPLIT.预算执行率))
    parts.push({ zh: `预算执行率${show(fundsWeight)}分（应为${NATIONAL_SPLIT.预算执行率}分）`, en: `budget execution ${show(fundsWeight)} (should be ${NATIONAL_SPLIT.预算执行率})` });
  if (!parts.length) return null;
  return {
    pos: table.indicators[0].nameCell,
    message: {
      zh: `一级指标分值为${parts.map((p) => p.zh).join("、")}，与“${nationalSplitText("zh")}”的统一设置不符`,
      en: `the 一级 weights (${parts.map((p) => p.en).join(", ")}) depart from the standard split ${nationalSplitText("en")}`,
    },
    data: Object.fromEntries([...byCat].map(([k, v]) => [k, v.toFixed()])),
  };
}
