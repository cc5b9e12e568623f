import type { CellPos, CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from "../grid/types";
import { isCellError } from "../grid/types";
import { toA1 } from "../grid/address";
import { Dec } from "../values/decimal";
import { parseFormula, type Node } from "./parse";
import { evaluate, isNumber, rangeOf, scalar, type CellSource, type Scalar } from "./evaluate";
import { ExcelError, Unknowable, type GapKind } from "./failures";
import { SyntaxFailure } from "./tokens";

/** A formula cell with no cached value that could not be evaluated: its value is unknown, never 0. */
export interface UncomputedCell {
  sheet: string;
  pos: CellPos;
  formula: string;
  /** unsupported (function or syntax), cycle, too-deep, dependency (refers to an unknown cell), error (#DIV/0!…). */
  kind: GapKind | "error";
  detail: string;
}

export interface FormulaPass {
  /** The snapshot with every evaluable uncached formula's value filled in (the input when none was missing). */
  workbook: WorkbookSnapshot;
  /** Cells filled in by evaluation. */
  computed: { sheet: string; pos: CellPos }[];
  uncomputed: UncomputedCell[];
}

/**
 * Cells are evaluated after the cells they refer to (see evaluationOrder), so evaluation seldom
 * recurses; this bounds what remains (references hidden behind IF branches, cycles).
 */
const MAX_DEPTH = 200;

type State = { busy: true } | { value: Scalar } | { error: ExcelError } | { gap: Unknowable };

/**
 * Files written by other programs (report generators, converters) often hold formulas without a
 * cached result. Evaluates those from the snapshot itself — arithmetic, SUM, ROUND, IF, references
 * across sheets — in decimal arithmetic, with cycle detection. What cannot be evaluated stays blank
 * and is listed, so that checks needing it are skipped instead of reading it as 0.
 */
export function computeUncachedFormulas(wb: WorkbookSnapshot): FormulaPass {
  const pending = wb.sheets.filter(hasUncached);
  if (!pending.length) return { workbook: wb, computed: [], uncomputed: [] };
  const byName = new Map(wb.sheets.map((s) => [s.name.toUpperCase(), s]));
  const states = new Map<string, State>();
  const parsed = new Map<string, Node | SyntaxFailure>();
  let depth = 0;

  const sheetOf = (name: string) => byName.get(name.toUpperCase()) ?? null;
  const keyOf = (s: SheetSnapshot, row: number, col: number) => `${s.name}\u0000${row}\u0000${col}`;

  const source: CellSource = {
    cell(name, row, col) {
      const s = sheetOf(name);
      if (!s) throw new ExcelError("#REF!");
      const v = s.values[row - s.top]?.[col - s.left] ?? null;
      const f = s.formulas?.[row - s.top]?.[col - s.left] ?? null;
      if (v === null && f) return formulaCell(s, row, col, f);
      return fromCell(v);
    },
    formula(name, row, col) {
      const s = sheetOf(name);
      return s?.formulas?.[row - s.top]?.[col - s.left] ?? null;
    },
    bounds(name) {
      const s = sheetOf(name);
      return s ? usedRange(s) : null;
    },
  };

  function formulaCell(s: SheetSnapshot, row: number, col: number, f: string): Scalar {
    const k = keyOf(s, row, col);
    const st = states.get(k);
    if (st) {
      if ("busy" in st) throw new Unknowable("cycle", `${s.name}!${row},${col}`);
      if ("value" in st) return st.value;
      if ("error" in st) throw st.error;
      throw st.gap.kind === "cycle" ? st.gap : new Unknowable("dependency", address(s, row, col));
    }
    if (depth >= MAX_DEPTH) throw new Unknowable("too-deep", f);
    states.set(k, { busy: true });
    depth++;
    try {
      const node = parse(f);
      const v = scalar(evaluate(node, { sheet: s.name, source }), { sheet: s.name, source });
      states.set(k, { value: v });
      return v;
    } catch (e) {
      if (e instanceof ExcelError) {
        // An error value propagates as Excel propagates it (IFERROR may catch it further up).
        states.set(k, { error: e });
        throw e;
      }
      if (!(e instanceof Unknowable)) throw e;
      states.set(k, { gap: e });
      throw e.kind === "cycle" ? e : new Unknowable("dependency", address(s, row, col));
    } finally {
      depth--;
    }
  }

  function parse(f: string): Node {
    let p = parsed.get(f);
    if (!p) {
      try {
        p = parseFormula(f);
      } catch (e) {
        if (!(e instanceof SyntaxFailure)) throw e;
        p = e;
      }
      parsed.set(f, p);
    }
    if (p instanceof SyntaxFailure) throw new Unknowable("unsupported", p.message);
    return p;
  }

  const cells = pending.flatMap((s) => uncachedCells(s).map((pos) => ({ s, pos })));
  const bySheet = new Map<SheetSnapshot, CellPos[]>(pending.map((s) => [s, []]));
  for (const c of cells) bySheet.get(c.s)!.push(c.pos);
  const uncachedKeys = new Set(cells.map((c) => keyOf(c.s, c.pos.row, c.pos.col)));
  const dependencies = (c: Cell): Cell[] => {
    let node: Node;
    try {
      node = parse(formulaAt(c.s, c.pos)!);
    } catch {
      return [];
    }
    const out: Cell[] = [];
    for (const ref of refsOf(node)) {
      const target = sheetOf(ref.sheet ?? c.s.name);
      const range = target && rangeOf(ref.ref, usedRange(target));
      if (!target || !range) continue;
      if (range.top === range.bottom && range.left === range.right) {
        if (uncachedKeys.has(keyOf(target, range.top, range.left))) out.push({ s: target, pos: { row: range.top, col: range.left } });
        continue;
      }
      for (const pos of bySheet.get(target) ?? [])
        if (pos.row >= range.top && pos.row <= range.bottom && pos.col >= range.left && pos.col <= range.right) out.push({ s: target, pos });
    }
    return out;
  };

  const computed: FormulaPass["computed"] = [];
  const uncomputed: UncomputedCell[] = [];
  const filled = new Map<SheetSnapshot, CellValue[][]>(pending.map((s) => [s, s.values.map((r) => r.slice())]));
  for (const { s, pos } of evaluationOrder(cells, dependencies, (c) => keyOf(c.s, c.pos.row, c.pos.col))) {
    const f = formulaAt(s, pos)!;
    try {
      const v = formulaCell(s, pos.row, pos.col, f);
      const row = filled.get(s)![pos.row - s.top];
      while (row.length <= pos.col - s.left) row.push(null);
      row[pos.col - s.left] = toCellValue(v);
      computed.push({ sheet: s.name, pos });
    } catch (e) {
      if (!(e instanceof ExcelError || e instanceof Unknowable)) throw e;
      // The cell's own failure, not the "dependency" its callers see.
      const own = states.get(keyOf(s, pos.row, pos.col));
      if (own && "error" in own) uncomputed.push({ sheet: s.name, pos, formula: f, kind: "error", detail: own.error.code });
      else if (own && "gap" in own) uncomputed.push({ sheet: s.name, pos, formula: f, kind: own.gap.kind, detail: own.gap.detail });
    }
  }
  const order = (a: { sheet: string; pos: CellPos }, b: { sheet: string; pos: CellPos }) =>
    sheetIndex.get(a.sheet)! - sheetIndex.get(b.sheet)! || a.pos.row - b.pos.row || a.pos.col - b.pos.col;
  const sheetIndex = new Map(wb.sheets.map((s, i) => [s.name, i]));
  computed.sort(order);
  uncomputed.sort(order);
  const sheets = wb.sheets.map((s) => (filled.has(s) ? { ...s, values: filled.get(s)! } : s));
  return { workbook: { ...wb, sheets }, computed, uncomputed };
}

interface Cell {
  s: SheetSnapshot;
  pos: CellPos;
}

/**
 * Post-order of the dependency graph, walked with an explicit stack: every cell comes after the
 * uncached cells it refers to, so a chain thousands of rows long is evaluated without deep recursion.
 */
function evaluationOrder<T>(roots: T[], deps: (t: T) => T[], key: (t: T) => string): T[] {
  const order: T[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    const stack: { t: T; open: boolean }[] = [{ t: root, open: false }];
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.open) {
        stack.pop();
        order.push(top.t);
        continue;
      }
      const k = key(top.t);
      if (seen.has(k)) {
        stack.pop();
        continue;
      }
      seen.add(k);
      top.open = true;
      for (const d of deps(top.t)) if (!seen.has(key(d))) stack.push({ t: d, open: false });
    }
  }
  return order;
}

function refsOf(node: Node): { sheet: string | null; ref: string }[] {
  switch (node.k) {
    case "ref":
      return [node];
    case "unary":
    case "percent":
      return refsOf(node.arg);
    case "binary":
      return [...refsOf(node.left), ...refsOf(node.right)];
    case "call":
      return node.args.flatMap(refsOf);
    default:
      return [];
  }
}

function formulaAt(s: SheetSnapshot, pos: CellPos): string | null {
  return s.formulas?.[pos.row - s.top]?.[pos.col - s.left] ?? null;
}

function uncachedCells(s: SheetSnapshot): CellPos[] {
  const out: CellPos[] = [];
  s.formulas?.forEach((row, r) =>
    row.forEach((f, c) => {
      if (f && (s.values[r]?.[c] ?? null) === null) out.push({ row: s.top + r, col: s.left + c });
    }),
  );
  return out;
}

function address(s: SheetSnapshot, row: number, col: number): string {
  return `${s.name}!${toA1(row, col)}`;
}

function hasUncached(s: SheetSnapshot): boolean {
  return !!s.formulas?.some((row, r) => row.some((f, c) => !!f && (s.values[r]?.[c] ?? null) === null));
}

const usedRanges = new WeakMap<SheetSnapshot, CellRange>();

function usedRange(s: SheetSnapshot): CellRange {
  const hit = usedRanges.get(s);
  if (hit) return hit;
  const r = measure(s);
  usedRanges.set(s, r);
  return r;
}

function measure(s: SheetSnapshot): CellRange {
  let width = 0;
  for (const row of s.values) width = Math.max(width, row.length);
  return { top: s.top, left: s.left, bottom: s.top + Math.max(s.values.length, 1) - 1, right: s.left + Math.max(width, 1) - 1 };
}

function fromCell(v: CellValue): Scalar {
  if (v === null) return null;
  if (typeof v === "number") return new Dec(v);
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (isCellError(v)) throw new ExcelError(v.error);
  return null;
}

/** A formula's result as Excel would report it: a blank result shows as 0. */
function toCellValue(v: Scalar): CellValue {
  if (v === null) return 0;
  if (isNumber(v)) return v.toNumber();
  return v;
}
