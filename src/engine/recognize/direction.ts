import type { Direction } from "../model";
import type { Comparator, IndicatorValue } from "../values/indicator-value";
import { COST_GROUP, MONEY_UNIT, POSITIVE_NAME, REVERSE_NAME, REVERSE_UNDONE } from "../text/vocabulary";


/**
 * Which way an indicator counts: the 指标性质 column wins, then the target's comparator, then a
 * change written in words, then what the name says (成本 and error rates are reverse).
 */
export function directionOf(
  nature: Comparator | "qualitative" | null,
  target: IndicatorValue | null,
  name: string,
  level2: string | null,
): Direction {
  const c = nature ?? target?.comparator ?? null;
  if (c === "qualitative") return "qualitative";
  if (c === ">=" || c === ">") return "positive";
  if (c === "<=" || c === "<") return "reverse";
  if (target?.kind === "text") return "qualitative";
  if (c === "=") return "equal";
  if (target?.kind !== "number") return "unknown";
  // "同比下降10%": the figure is the size of a fall, and a larger fall meets it, whatever the name.
  if (target.change) return "positive";
  const tail = rateTail(name);
  const costly = tail ? tail === "reverse" : REVERSE_NAME.test(name) && !REVERSE_UNDONE.test(name);
  const costGroup = !!level2 && COST_GROUP.test(level2) && !!target.unit && MONEY_UNIT.test(target.unit);
  return costly || costGroup ? "reverse" : "positive";
}

/**
 * A rate's own word decides which way it counts, not a word earlier in its name: 投诉举报按时办结率
 * and 事故隐患整改率 count up, 事故发生率 and 药占比 down.
 */
function rateTail(name: string): "positive" | "reverse" | null {
  if (/满意(度|率)$/.test(name)) return "positive";
  const m = /.{0,2}(率|比例|占比)$/.exec(name);
  if (!m) return null;
  return REVERSE_NAME.test(m[0]) && !REVERSE_UNDONE.test(m[0]) ? "reverse" : "positive";
}

/** Whether nothing but the default said which way a numeric indicator counts (no ≥/≤, no 性质, no telling name). */
export function directionAssumed(nature: Comparator | "qualitative" | null, target: IndicatorValue | null, name: string, level2: string | null): boolean {
  if (nature || target?.comparator || target?.change || target?.kind !== "number" || POSITIVE_NAME.test(name)) return false;
  return directionOf(nature, target, name, level2) === "positive";
}
