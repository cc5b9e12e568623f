import type { Rule } from "./types";
import { Dec, show } from "../values/decimal";
import { rescale } from "../recalc/rescale";
import { posToA1 } from "../grid/address";
import type { Change } from "../changes/types";

const HUNDRED = new Dec(100);
const NINETY = new Dec(90);

/** Weights of the indicators (plus the 预算执行率 score) must add up to 100. */
export const weightsSum: Rule = {
  id: "weights-sum",
  severity: "error",
  description: { zh: "权重合计（含预算执行率分值）应为100分", en: "Weights (including the budget-execution score) must add up to 100" },
  appliesTo: (t) => t.kind === "scoring" && t.hasWeights,
  check({ table, calc }) {
    const total = calc.weightTotal;
    if (!total || total.isZero() || total.eq(HUNDRED)) return [];
    // The national form reserves 10 for 预算执行率 in its funds block: 90 is complete there.
    const reserves = !!table.funds && !table.funds.weight?.value;
    if (reserves && total.eq(NINETY)) return [];
    const target = reserves && total.lt(95) ? NINETY : HUNDRED;
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
    const alt = reserves ? { zh: "（或90分另加预算执行率10分）", en: " (or 90 plus 10 for budget execution)" } : { zh: "", en: "" };
    return [
      {
        pos,
        message: {
          zh: `各指标权重合计为${show(total)}分，应为100分${alt.zh}`,
          en: `the weights add up to ${show(total)}, not 100${alt.en}`,
        },
        data: { sum: total.toFixed(), expected: target.toFixed(), rescaled: scaled.map((d) => d.toFixed()) },
        fix,
      },
    ];
  },
};
