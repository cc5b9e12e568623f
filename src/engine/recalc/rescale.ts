import type { Decimal } from "decimal.js";
import { Dec, sum } from "../values/decimal";

/**
 * Scales weights proportionally so they add up to `target` exactly at `places` decimals
 * (largest-remainder rounding: the units lost to rounding go to the largest remainders).
 */
export function rescale(weights: Decimal[], target: Decimal, places: number): Decimal[] {
  const total = sum(weights);
  if (total.isZero()) return weights.map(() => new Dec(0));
  const unit = new Dec(10).pow(-places);
  const exact = weights.map((w) => w.times(target).div(total));
  const floored = exact.map((x) => x.div(unit).floor().times(unit));
  let missing = target.minus(sum(floored)).div(unit).round().toNumber();
  const order = exact
    .map((x, i) => ({ i, rem: x.minus(floored[i]) }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  const out = [...floored];
  for (const { i } of order) {
    if (missing <= 0) break;
    out[i] = out[i].plus(unit);
    missing--;
  }
  return out;
}
