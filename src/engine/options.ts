import type { ReverseRule } from "./recalc/assess";
import { ROUNDING_TOLERANCE } from "./standards";

export interface EngineOptions {
  /** Reverse (≤) indicators missed: target ÷ actual × weight ("ratio") or the linear rule. */
  reverseRule: ReverseRule;
  /** Tolerance for totals after rounding to the table's precision. */
  tolerance: string;
  /** Whether the 产出50/效益30/满意度10/预算执行率10 split is required: auto = national form only. */
  split: "auto" | "always" | "never";
  lang: "zh-CN" | "en";
  /** Rule ids switched off. */
  disabledRules: string[];
}

export const DEFAULT_OPTIONS: EngineOptions = {
  reverseRule: "ratio",
  tolerance: ROUNDING_TOLERANCE,
  split: "auto",
  lang: "zh-CN",
  disabledRules: [],
};

export function withDefaults(o?: Partial<EngineOptions>): EngineOptions {
  return { ...DEFAULT_OPTIONS, ...(o ?? {}) };
}
