import Decimal from "decimal.js";

/** One Decimal class for the engine: 40 significant digits, Excel's ROUND (half away from zero). */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export const ZERO = new Dec(0);
export const HUNDRED = new Dec(100);

export function dec(x: number | string | Decimal): Decimal {
  return new Dec(x);
}

/** Round half away from zero to `places` decimals (decimal.js ROUND_HALF_UP is away from zero). */
export function round(x: Decimal, places = 2): Decimal {
  return x.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

export function sum(xs: Iterable<Decimal | null | undefined>): Decimal {
  let s = new Dec(0);
  for (const x of xs) if (x) s = s.plus(x);
  return s;
}

/** Decimal places a number was written with (3 → 0, 19.8 → 1); for a table's own precision. */
export function placesOf(x: Decimal): number {
  return Math.max(0, x.decimalPlaces());
}

/** Plain string without exponent and trailing zeros: 98.80 → "98.8". */
export function str(x: Decimal | null | undefined): string | null {
  if (!x) return null;
  return x.toFixed();
}

/** Fixed places for display: fmt(98.8, 2) → "98.80". */
export function fmt(x: Decimal, places = 2): string {
  return round(x, places).toFixed(places);
}

/** Shortest display: 3 → "3", 9.80 → "9.8". */
export function show(x: Decimal | null | undefined): string {
  if (!x) return "—";
  return round(x, 4).toFixed();
}

export function eqWithin(a: Decimal, b: Decimal, tolerance: Decimal | number): boolean {
  return a.minus(b).abs().lte(tolerance);
}

export function min(a: Decimal, b: Decimal): Decimal {
  return a.lt(b) ? a : b;
}

export function max(a: Decimal, b: Decimal): Decimal {
  return a.gt(b) ? a : b;
}
