import type { Direction } from "../model";
import type { Comparator, IndicatorValue } from "../values/indicator-value";

const REVERSE_NAME = /(投诉|差错|错误|事故|失误|违规|违纪|超支|损失|发生率|流失率|冒领率|成本|费用|支出额|单价|单位成本|能耗|延误|滞留|积压|空置)/;
const MONEY_UNIT = /^(元|万元|亿元|千元)$/;

/**
 * Which way an indicator counts: the 指标性质 column wins, then the target's comparator,
 * then what the name says (成本 and error rates are reverse).
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
  const costly = REVERSE_NAME.test(name) && !/(节约|节省|降低|下降|减少)/.test(name);
  const costGroup = !!level2 && /成本/.test(level2) && !!target.unit && MONEY_UNIT.test(target.unit);
  return costly || costGroup ? "reverse" : "positive";
}
