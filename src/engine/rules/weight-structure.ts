import type { Rule, Report } from "./types";
import type { Indicator, ScoringTable } from "../model";
import type { TableCalc } from "../recalc/table-calc";
import { isUnknown } from "../recalc/table-calc";
import { Dec, show, sum } from "../values/decimal";
import { NATIONAL_SPLIT, nationalSplitText, type SplitCategory } from "../standards";
import { agrees } from "./util";

type Category = SplitCategory | "other";

function categoryOf(ind: Indicator): Category {
  const t = ind.level1 ?? "";
  if (/预算执行/.test(t) || /^预算执行率$/.test(ind.name)) return "预算执行率";
  if (/满意/.test(t)) return "满意度";
  if (/产出/.test(t)) return "产出";
  if (/效益/.test(t)) return "效益";
  return "other";
}

/** The 10 points of 预算执行率: a funds block that scores it, or an indicator row of that name. */
function scoresExecution(table: ScoringTable): boolean {
  const f = table.funds;
  if (f && (!!f.statedRate || !!f.weight || (!!f.budget && !!f.executed))) return true;
  return table.indicators.some((i) => categoryOf(i) === "预算执行率");
}

/**
 * The national project form (财预〔2020〕10号 附1): 一级 产出/效益/满意度 beside 10 points of
 * 预算执行率. Recognition names the form (`table.form`); without it the form is told from the table.
 * Either way the 预算执行率 part must be there: a 产出/效益/满意度 table whose indicators carry all 100
 * points (older and third-party tables) cannot follow 50/30/10/10. Department-wide and third-party
 * tables (决策/过程/产出/效益 such as 20/20/30/30, 投入/过程/产出/效果) are legitimate as they are.
 */
export function isNationalProjectForm(table: ScoringTable): boolean {
  if (!scoresExecution(table)) return false;
  // 预算执行 worth other than 10 (湖北's and 云南's 20 + 80) is a provincial form with its own split.
  const execution = table.funds?.weight?.value ?? table.indicators.find((i) => categoryOf(i) === "预算执行率")?.weight?.value;
  if (execution && !execution.eq(NATIONAL_SPLIT.预算执行率)) return false;
  if (table.form !== undefined && table.form !== "unknown") return table.form === "national-project";
  // Undecided: the national form's 一级 and nothing else (a 一级 may hold only placeholder rows).
  const cats = new Set(table.indicators.map(categoryOf));
  cats.delete("预算执行率");
  return !cats.has("other") && cats.has("产出") && cats.size >= 2;
}

function splitApplies(table: ScoringTable, mode: "auto" | "always" | "never"): boolean {
  if (mode === "never") return false;
  if (mode === "auto" && !isNationalProjectForm(table)) return false;
  // Only 产出/效益/满意度 (and 预算执行率) can be held to the split: another 一级 (成本 on some
  // provinces' forms) takes its points from somewhere the split does not say.
  const cats = new Set(table.indicators.map(categoryOf));
  // Without a 满意度 indicator its 10 points are said to move to 产出/效益: the split is then unknown.
  return !cats.has("other") && cats.has("产出") && cats.has("满意度");
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
    if (agrees(g.declared, s, table.weightPlaces, tolerance, members.length)) continue;
    out.push({
      pos: g.cell,
      message: {
        zh: `“${g.name}”标注${show(g.declared)}分，但下级指标权重合计${show(s)}分`,
        en: `"${g.name}" declares ${show(g.declared)} points, but its indicators weigh ${show(s)}`,
      },
      data: { declared: g.declared.toFixed(), computed: s.toFixed() },
    });
  }
  return out;
}

function splitCheck(table: ScoringTable, calc: TableCalc): Report | null {
  // A weight nobody could compute or read leaves the split unknown; a blank weight is an unweighted row.
  if (table.indicators.some((i) => i.weight && (isUnknown(calc, i.weight.pos) || i.weight.unreadable))) return null;
  const byCat = new Map<Category, Dec>();
  for (const i of table.indicators) {
    const c = categoryOf(i);
    byCat.set(c, (byCat.get(c) ?? new Dec(0)).plus(i.weight?.value ?? 0));
  }
  const parts: { zh: string; en: string }[] = [];
  for (const cat of ["产出", "效益", "满意度", "预算执行率"] as const) {
    // A 一级 of the form with no indicator under it (only placeholder rows) carries 0 points.
    const got = byCat.get(cat) ?? (cat === "产出" || cat === "效益" ? new Dec(0) : undefined);
    const expected = NATIONAL_SPLIT[cat];
    if (got && !got.eq(expected)) parts.push({ zh: `${cat}${show(got)}分（应为${expected}分）`, en: `${cat} ${show(got)} (should be ${expected})` });
  }
  const fundsWeight = table.funds?.weight?.value;
  if (fundsWeight && !byCat.has("预算执行率") && !fundsWeight.eq(NATIONAL_SPLIT.预算执行率))
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
