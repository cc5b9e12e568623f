import type { Decimal } from "decimal.js";
import type { Grade } from "../model";

/** 优 ≥ 90; 良 80–<90; 中 60–<80; 差 < 60. */
export function gradeOf(total: Decimal): Grade {
  if (total.gte(90)) return "优";
  if (total.gte(80)) return "良";
  if (total.gte(60)) return "中";
  return "差";
}

export const GRADE_EN: Record<Grade, string> = { 优: "excellent", 良: "good", 中: "fair", 差: "poor" };
