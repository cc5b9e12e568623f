import type { Decimal } from "decimal.js";
import { Dec } from "../values/decimal";
import type { Node } from "./parse";
import { ExcelError, Unknowable } from "./failures";
import { cellsOf, evaluate, isNumber, isRef, scalar, toBoolean, toNumber, type EvalContext, type Scalar, type Value } from "./evaluate";

/**
 * The functions scoring tables use. Anything else is "unsupported": the value stays unknown rather
 * than guessed.
 */
type Fn = (args: Node[], ctx: EvalContext) => Value;

/**
 * Numbers among the arguments as SUM reads them: in a reference only numbers count (text, booleans
 * and blanks are skipped); typed directly, TRUE counts 1 and numeric text its number.
 */
function numbers(args: Node[], ctx: EvalContext): Decimal[] {
  const out: Decimal[] = [];
  for (const a of args) {
    const v = evaluate(a, ctx);
    if (isRef(v)) {
      for (const c of cellsOf(v, ctx)) if (isNumber(c)) out.push(c);
    } else if (v !== null) out.push(toNumber(v));
  }
  return out;
}

function values(args: Node[], ctx: EvalContext): Scalar[] {
  const out: Scalar[] = [];
  for (const a of args) {
    const v = evaluate(a, ctx);
    if (isRef(v)) for (const c of cellsOf(v, ctx)) out.push(c);
    else out.push(v);
  }
  return out;
}

const sumOf = (xs: Decimal[]) => xs.reduce((s, x) => s.plus(x), new Dec(0));

function average(xs: Decimal[]): Decimal {
  if (!xs.length) throw new ExcelError("#DIV/0!");
  return sumOf(xs).div(xs.length);
}

const minOf = (xs: Decimal[]) => (xs.length ? Dec.min(...xs) : new Dec(0));
const maxOf = (xs: Decimal[]) => (xs.length ? Dec.max(...xs) : new Dec(0));

function arity(name: string, args: Node[], min: number, max: number): void {
  if (args.length < min || args.length > max) throw new Unknowable("unsupported", `${name} with ${args.length} arguments`);
}

/** ROUND (half away from zero), ROUNDUP (away from zero), ROUNDDOWN (toward zero), with negative places too. */
function rounder(mode: Decimal.Rounding): Fn {
  return (args, ctx) => {
    arity("ROUND", args, 1, 2);
    const x = toNumber(scalar(evaluate(args[0], ctx), ctx));
    const places = args[1] ? toNumber(scalar(evaluate(args[1], ctx), ctx)).trunc().toNumber() : 0;
    if (places >= 0) return x.toDecimalPlaces(places, mode);
    const unit = new Dec(10).pow(-places);
    return x.div(unit).toDecimalPlaces(0, mode).times(unit);
  };
}

const NESTED_AGGREGATE = /SUBTOTAL|AGGREGATE/i;

/** SUBTOTAL's numbers: as Excel does, cells that are SUBTOTALs (or AGGREGATEs) themselves are left out. */
function subtotalNumbers(args: Node[], ctx: EvalContext): Decimal[] {
  const out: Decimal[] = [];
  for (const a of args) {
    const v = evaluate(a, ctx);
    if (!isRef(v)) {
      if (v !== null) out.push(toNumber(v));
      continue;
    }
    for (let r = v.range.top; r <= v.range.bottom; r++)
      for (let c = v.range.left; c <= v.range.right; c++) {
        if (NESTED_AGGREGATE.test(ctx.source.formula(v.sheet, r, c) ?? "")) continue;
        const x = ctx.source.cell(v.sheet, r, c);
        if (isNumber(x)) out.push(x);
      }
  }
  return out;
}

/** SUBTOTAL's sums and counts; hidden rows (codes 101–111) are not known to the snapshot, so those codes read all rows. */
function subtotal(args: Node[], ctx: EvalContext): Value {
  if (args.length < 2) throw new Unknowable("unsupported", "SUBTOTAL");
  const code = toNumber(scalar(evaluate(args[0], ctx), ctx)).toNumber() % 100;
  const rest = args.slice(1);
  const nested = rest.some((a) => {
    const v = evaluate(a, ctx);
    if (!isRef(v)) return false;
    for (let r = v.range.top; r <= v.range.bottom; r++)
      for (let c = v.range.left; c <= v.range.right; c++) if (NESTED_AGGREGATE.test(ctx.source.formula(v.sheet, r, c) ?? "")) return true;
    return false;
  });
  if (nested && code !== 9) throw new Unknowable("unsupported", "nested SUBTOTAL");
  if (nested) return sumOf(subtotalNumbers(rest, ctx));
  const by: Record<number, () => Value> = {
    1: () => average(numbers(rest, ctx)),
    2: () => new Dec(numbers(rest, ctx).length),
    3: () => new Dec(values(rest, ctx).filter((x) => x !== null).length),
    4: () => maxOf(numbers(rest, ctx)),
    5: () => minOf(numbers(rest, ctx)),
    9: () => sumOf(numbers(rest, ctx)),
  };
  const f = by[code];
  if (!f) throw new Unknowable("unsupported", `SUBTOTAL(${code})`);
  return f();
}

const FUNCTIONS: Record<string, Fn> = {
  SUM: (a, ctx) => sumOf(numbers(a, ctx)),
  AVERAGE: (a, ctx) => average(numbers(a, ctx)),
  MIN: (a, ctx) => minOf(numbers(a, ctx)),
  MAX: (a, ctx) => maxOf(numbers(a, ctx)),
  COUNT: (a, ctx) => new Dec(numbers(a, ctx).length),
  COUNTA: (a, ctx) => new Dec(values(a, ctx).filter((x) => x !== null).length),
  ROUND: rounder(Dec.ROUND_HALF_UP),
  ROUNDUP: rounder(Dec.ROUND_UP),
  ROUNDDOWN: rounder(Dec.ROUND_DOWN),
  INT: (a, ctx) => {
    arity("INT", a, 1, 1);
    return toNumber(scalar(evaluate(a[0], ctx), ctx)).floor();
  },
  ABS: (a, ctx) => {
    arity("ABS", a, 1, 1);
    return toNumber(scalar(evaluate(a[0], ctx), ctx)).abs();
  },
  IF: (a, ctx) => {
    arity("IF", a, 1, 3);
    // Only the branch taken is evaluated, as in Excel: the other may hold an error or a cycle.
    if (toBoolean(scalar(evaluate(a[0], ctx), ctx))) return a.length > 1 ? evaluate(a[1], ctx) : true;
    return a.length > 2 ? evaluate(a[2], ctx) : false;
  },
  IFERROR: (a, ctx) => {
    arity("IFERROR", a, 2, 2);
    try {
      return scalar(evaluate(a[0], ctx), ctx);
    } catch (e) {
      if (e instanceof ExcelError) return evaluate(a[1], ctx);
      throw e;
    }
  },
  AND: (a, ctx) => values(a, ctx).every((v) => v === null || toBoolean(v)),
  OR: (a, ctx) => values(a, ctx).some((v) => v !== null && toBoolean(v)),
  NOT: (a, ctx) => {
    arity("NOT", a, 1, 1);
    return !toBoolean(scalar(evaluate(a[0], ctx), ctx));
  },
  SUBTOTAL: subtotal,
};

export function callFunction(name: string, args: Node[], ctx: EvalContext): Value {
  const f = FUNCTIONS[name];
  if (!f) throw new Unknowable("unsupported", name);
  return f(args, ctx);
}

export const SUPPORTED_FUNCTIONS = Object.keys(FUNCTIONS);
