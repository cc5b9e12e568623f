/**
 * Step 8 — which form the table is: the national project form (产出 · 效益 · 满意度, the only one the
 * 50/30/10/10 split applies to), a province's own project form, a department-wide form, a
 * financial/third-party evaluation, or unknown. Read from the 一级 categories, the title and the
 * funds block; a split that is legitimate for one form is never judged by another's.
 */
import { CATEGORY_WORDS, DEPARTMENT_FORM_WORDS, THIRD_PARTY_FORM_WORDS, type FormCategory } from "../text/vocabulary";
import type { Decimal } from "decimal.js";
import type { TableForm } from "../model";

export function categoryOf(level1: string): FormCategory | null {
  for (const { category, words } of CATEGORY_WORDS) if (words.test(level1)) return category;
  return null;
}

export interface FormEvidence {
  /** 一级 names (indicators' 一级, group names, heading subtotals). */
  level1Names: string[];
  /** Title, sheet name and project/department label text around the table. */
  captions: string[];
  hasFundsBlock: boolean;
  /** Points the funds block's 预算执行率 carries, if it says (the national form gives it 10). */
  fundsWeight: Decimal | null;
}

export function readForm(e: FormEvidence): TableForm {
  const cats = new Set<FormCategory | "other">(e.level1Names.map((n) => categoryOf(n) ?? "other"));
  const caption = e.captions.join(" ");
  const department = DEPARTMENT_FORM_WORDS.test(caption);
  const evaluation = THIRD_PARTY_FORM_WORDS.test(caption);
  const national = [...cats].every((c) => c === "产出" || c === "效益" || c === "满意度" || c === "成本" || c === "预算执行");
  if (department) return "department";
  const ownFundsSplit = e.fundsWeight !== null && !e.fundsWeight.eq(10);
  if (national && cats.has("产出") && cats.has("效益")) {
    if (ownFundsSplit) return "provincial-project";
    return evaluation && !e.hasFundsBlock ? "unknown" : "national-project";
  }
  if (cats.has("投入") && (cats.has("效果") || cats.has("过程"))) return "department";
  if (cats.has("决策") && cats.has("过程")) return "third-party";
  if (evaluation && cats.has("产出")) return "third-party";
  return "unknown";
}
