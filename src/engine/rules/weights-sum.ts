import type { Rule } from "./types";
import { Dec, show } from "../values/decimal";
import { FULL_MARKS, FUNDS_RESERVE_MIDPOINT, FUNDS_WEIGHT, INDICATORS_BESIDE_FUNDS } from "../standards";
import { rescale } from "../recalc/rescale";
import { posToA1 } from "../grid/address";
import type { Change } from "../changes/types";
import { blankWeightScored, roundingRoom, unreadableIn } from "./util";

/** Weights of the indicators (plus the 预算执行率 score) must add up to 100. */
export const weightsSum: Rule = {
  id: "weights-sum",
  severity: "error",
  description: { zh: `权重合计（含预算执行率分值）应为${FULL_MARKS}分`, en: `Weights (including the budget-execution score) must add up to ${FULL_MARKS}` },
  appliesTo: (t) => t.kind === "scoring" && t.hasWeights,
  check({ table, calc }) {
    const total = calc.weightTotal;
    if (!total || total.isZero() || total.eq(FULL_MARKS) || (table.fullMarks && total.eq(table.fullMarks)) || unreadableIn(table, "weight") || blankWeightScored(table, calc)) return [];
    // 33.33 × 3 = 99.99: shares rounded to two decimals are complete.
    const room = roundingRoom(table.indicators.filter((i) => i.weight?.value).length, table.weightPlaces);
    if (total.minus(FULL_MARKS).abs().lte(room) || total.minus(INDICATORS_BESIDE_FUNDS).abs().lte(room)) return [];
    // The national form reserves 10 for 预算执行率 in its funds block: 90 is complete there.
    const reserves = !!table.funds && !table.funds.weight?.value;
    if (reserves && total.eq(INDICATORS_BESIDE_FUNDS)) return [];
    const target = reserves && total.lt(FUNDS_RESERVE_MIDPOINT) ? INDICATORS_BESIDE_FUNDS : FULL_MARKS;
    const weighted = table.indicators.filter((i) => i.weight?.value);
    const fundsWeight = table.funds?.weight?.value ?? new Dec(0);
    const scaled = rescale(weighted.map((i) => i.weight!.value!), target.minus(fundsWeight), table.weightPlaces);
    const fix: Change[] = weighted.map((i, k) => ({
      kind: "set-value",
      sheet: table.sheet,
      cell: posToA1(i.weight!.pos),
      value: scaled[k].toNumber(),
      reason: `按比例调整权重，使合计为${show(target)}`,
    }));
    const pos = table.total?.weight?.pos ?? weighted[0]?.weight?.pos ?? table.indicators[0].nameCell;
    const alt = reserves
      ? { zh: `（或${INDICATORS_BESIDE_FUNDS}分另加预算执行率${FUNDS_WEIGHT}分）`, en: ` (or ${INDICATORS_BESIDE_FUNDS} plus ${FUNDS_WEIGHT} for budget execution)` }
      : { zh: "", en: "" };
    return [
      {
        pos,
        message: {
          zh: `各指标权重合计为${show(total)}分，应为${show(FULL_MARKS)}分${alt.zh}`,
          en: `the weights add up to ${show(total)}, not ${show(FULL_MARKS)}${alt.en}`,
        },
        data: { sum: total.toFixed(), expected: target.toFixed(), rescaled: scaled.map((d) => d.toFixed()) },
        fix,
      },
    ];
  },
};
