import type { Decimal } from "decimal.js";
import type { CellRange } from "../grid/types";
import { parseA1 } from "../grid/address";
import { Dec } from "../values/decimal";
import type { Node } from "./parse";
import { ExcelError, Unknowable } from "./failures";
import { callFunction } from "./functions";

/** A cell's value as formulas see it: a number, text, a boolean, or blank. */
export type Scalar = Decimal | string | boolean | null;

/** A reference is kept as one until a function or operator decides how to read it. */
export interface RefValue {
  ref: true;
  sheet: string;
  range: CellRange;
}

export type Value = Scalar | RefValue;

/** Where formulas read cells from; `cell` may evaluate another formula and throws ExcelError/Unknowable. */
export interface CellSource {
  cell(sheet: string, row: number, col: number): Scalar;
  formula(sheet: string, row: number, col: number): string | null;
  /** The sheet's used area (for A:A and 1:1), or null when no sheet has that name. */
  bounds(sheet: string): CellRange | null;
}

export interface EvalContext {
  sheet: string;
  source: CellSource;
}

export function isRef(v: Value): v is RefValue {
  return typeof v === "object" && v !== null && (v as RefValue).ref === true;
}

export function isNumber(v: unknown): v is Decimal {
  return v instanceof Dec;
}

export function evaluate(node: Node, ctx: EvalContext): Value {
  switch (node.k) {
    case "num":
      return new Dec(node.v);
    case "str":
      return node.v;
    case "bool":
      return node.v;
    case "err":
      throw new ExcelError(node.v);
    case "ref":
      return resolveRef(node.sheet ?? ctx.sheet, node.ref, ctx);
    case "unary": {
      const n = toNumber(scalar(evaluate(node.arg, ctx), ctx));
      return node.op === "-" ? n.negated() : n;
    }
    case "percent":
      return toNumber(scalar(evaluate(node.arg, ctx), ctx)).div(100);
    case "binary":
      return binary(node.op, scalar(evaluate(node.left, ctx), ctx), scalar(evaluate(node.right, ctx), ctx));
    case "call":
      return callFunction(node.name, node.args, ctx);
  }
}

function resolveRef(sheet: string, ref: string, ctx: EvalContext): RefValue {
  const bounds = ctx.source.bounds(sheet);
  const range = bounds && rangeOf(ref, bounds);
  if (!range) throw new ExcelError("#REF!");
  return { ref: true, sheet, range };
}

/** "A1", "$A$1:B3", "A:A" or "1:3" as a range; whole columns and rows end at the sheet's used area. */
export function rangeOf(ref: string, bounds: CellRange): CellRange | null {
  const plain = ref.replace(/\$/g, "").toUpperCase();
  const [a, b = a] = plain.split(":");
  if (/^[A-Z]+$/.test(a)) {
    const p = parseA1(`${a}1`)!;
    const q = parseA1(`${b}1`)!;
    return { top: bounds.top, bottom: bounds.bottom, left: Math.min(p.col, q.col), right: Math.max(p.col, q.col) };
  }
  if (/^\d+$/.test(a)) return { top: Math.min(+a, +b) - 1, bottom: Math.max(+a, +b) - 1, left: bounds.left, right: bounds.right };
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), bottom: Math.max(p.row, q.row), left: Math.min(p.col, q.col), right: Math.max(p.col, q.col) };
}

/** Every cell of a reference, row by row. */
export function* cellsOf(r: RefValue, ctx: EvalContext): Generator<Scalar> {
  for (let row = r.range.top; row <= r.range.bottom; row++)
    for (let col = r.range.left; col <= r.range.right; col++) yield ctx.source.cell(r.sheet, row, col);
}

/** A value in a place that wants one value: a one-cell reference is its cell; a larger one is #VALUE!. */
export function scalar(v: Value, ctx: EvalContext): Scalar {
  if (!isRef(v)) return v;
  const { range } = v;
  if (range.top !== range.bottom || range.left !== range.right) throw new ExcelError("#VALUE!");
  return ctx.source.cell(v.sheet, range.top, range.left);
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;

/** Excel's coercion for arithmetic: blank is 0, TRUE is 1, numeric text is its number. */
export function toNumber(v: Scalar): Decimal {
  if (v === null) return new Dec(0);
  if (isNumber(v)) return v;
  if (typeof v === "boolean") return new Dec(v ? 1 : 0);
  const t = v.trim();
  if (!NUMERIC_TEXT.test(t)) throw new ExcelError("#VALUE!");
  return t.endsWith("%") ? new Dec(t.slice(0, -1)).div(100) : new Dec(t);
}

export function toBoolean(v: Scalar): boolean {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (isNumber(v)) return !v.isZero();
  const t = v.trim().toUpperCase();
  if (t === "TRUE" || t === "FALSE") return t === "TRUE";
  throw new ExcelError("#VALUE!");
}

export function toText(v: Scalar): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isNumber(v)) return v.toFixed();
  return v;
}

function rank(v: Scalar): number {
  return isNumber(v) ? 0 : typeof v === "string" ? 1 : 2;
}

/** Excel's ordering: numbers < text < booleans; text case-insensitively; blank as the other side's type. */
export function compare(a: Scalar, b: Scalar): number {
  if (a === null && b === null) return 0;
  if (a === null) a = isNumber(b) ? new Dec(0) : typeof b === "string" ? "" : false;
  if (b === null) b = isNumber(a) ? new Dec(0) : typeof a === "string" ? "" : false;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (isNumber(a)) return a.comparedTo(b as Decimal);
  if (typeof a === "string") {
    const x = a.toUpperCase();
    const y = (b as string).toUpperCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  switch (op) {
    case "+":
      return toNumber(a).plus(toNumber(b));
    case "-":
      return toNumber(a).minus(toNumber(b));
    case "*":
      return toNumber(a).times(toNumber(b));
    case "/": {
      const d = toNumber(b);
      if (d.isZero()) throw new ExcelError("#DIV/0!");
      return toNumber(a).div(d);
    }
    case "^": {
      const x = toNumber(a);
      const y = toNumber(b);
      if (x.isZero() && y.isNegative()) throw new ExcelError("#DIV/0!");
      if (x.isNegative() && !y.isInteger()) throw new ExcelError("#NUM!");
      return x.pow(y);
    }
    case "&":
      return toText(a) + toText(b);
    case "=":
      return compare(a, b) === 0;
    case "<>":
      return compare(a, b) !== 0;
    case "<":
      return compare(a, b) < 0;
    case ">":
      return compare(a, b) > 0;
    case "<=":
      return compare(a, b) <= 0;
    case ">=":
      return compare(a, b) >= 0;
  }
  throw new Unknowable("unsupported", op);
}
