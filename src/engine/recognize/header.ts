import type { SheetView } from "../grid/sheet-view";
import { key } from "../text/normalize";
import { HEADER_PATTERNS, NAME_GROUP_HEADING, type ColumnRole } from "../text/vocabulary";
import type { ColumnMap } from "../model";

export interface Header {
  rows: number[];
  columns: ColumnMap;
  /** Leftmost and rightmost column the header spans. */
  left: number;
  right: number;
}

/** The role a header cell's words name, if any. */
export function roleOf(text: string): ColumnRole | null {
  const k = key(text);
  if (!k || k.length > 20) return null;
  for (const p of HEADER_PATTERNS) if (p.exact?.test(k)) return p.role;
  return null;
}

function isHeaderWordCell(text: string): boolean {
  return roleOf(text) !== null || NAME_GROUP_HEADING.test(key(text));
}

/** Cells of a row that are header words; a header row holds no numbers. */
function headerCells(view: SheetView, row: number): Map<number, ColumnRole | "group"> | null {
  // Most rows hold figures: reject them before reading any words.
  for (let c = view.left; c <= view.right; c++) if (typeof view.value(row, c) === "number") return null;
  const found = new Map<number, ColumnRole | "group">();
  for (let c = view.left; c <= view.right; c++) {
    const t = view.text(row, c);
    if (!t) continue;
    const role = roleOf(t);
    if (role) found.set(c, role);
    else if (NAME_GROUP_HEADING.test(key(t))) found.set(c, "group");
  }
  return found.size ? found : null;
}

const NAME_ROLES: ColumnRole[] = ["level1", "level2", "level3"];
const DATA_ROLES: ColumnRole[] = ["weight", "score", "target", "actual"];

/**
 * Tries to read a header starting at `row`: one to three consecutive rows of header words
 * (two-row headers put 一级/二级/三级 under a merged 评价指标). The lowest row naming a column wins.
 */
export function readHeader(view: SheetView, row: number): Header | null {
  const first = headerCells(view, row);
  if (!first) return null;
  const rows = [row];
  const layers = [first];
  for (let r = row + 1; r <= Math.min(row + 2, view.bottom); r++) {
    const next = headerCells(view, r);
    if (!next) break;
    // A following row belongs to the header only if every word in it is a header word.
    let allWords = true;
    for (let c = view.left; c <= view.right; c++) {
      const t = view.text(r, c);
      if (t && !isHeaderWordCell(t)) allWords = false;
    }
    if (!allWords) break;
    rows.push(r);
    layers.push(next);
  }
  const byCol = new Map<number, ColumnRole>();
  for (const layer of layers) for (const [c, role] of layer) if (role !== "group") byCol.set(c, role);
  const roles: Partial<Record<ColumnRole, number>> = {};
  for (const [c, role] of [...byCol].sort((a, b) => a[0] - b[0])) if (roles[role] === undefined) roles[role] = c;
  const hasName = NAME_ROLES.some((r) => roles[r] !== undefined);
  const dataCount = DATA_ROLES.filter((r) => roles[r] !== undefined).length;
  if (!hasName || dataCount === 0) return null;
  // A header that names only a target or only an actual column is a list, not a table of indicators.
  if (dataCount === 1 && roles.weight === undefined && roles.score === undefined) return null;
  let left = Infinity;
  let right = -Infinity;
  for (const layer of layers)
    for (const c of layer.keys()) {
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  for (const r of rows)
    for (let c = view.left; c <= view.right; c++) {
      const m = view.merge(r, c);
      if (m && view.text(m.top, m.left)) right = Math.max(right, m.right);
    }
  const nameCols = NAME_ROLES.map((r) => roles[r]).filter((c): c is number => c !== undefined);
  return { rows, columns: { roles, nameCols }, left, right };
}

/** Same columns for the same roles: a header repeated where a page broke. */
export function sameLayout(a: ColumnMap, b: ColumnMap): boolean {
  const keys = new Set([...Object.keys(a.roles), ...Object.keys(b.roles)]) as Set<ColumnRole>;
  let shared = 0;
  for (const k of keys) {
    if (a.roles[k] !== undefined && a.roles[k] === b.roles[k]) shared++;
    else if (a.roles[k] !== undefined && b.roles[k] !== undefined) return false;
  }
  return shared >= 2;
}
