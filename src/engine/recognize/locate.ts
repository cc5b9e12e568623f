/**
 * Step 1 — locate header candidates: rows of header words (一级指标 · 三级指标 · 分值 · 得分 …) that
 * can open a table, within a band of columns (tables side by side are separated by empty columns).
 */
import type { Decimal } from "decimal.js";
import type { SheetView } from "../grid/sheet-view";
import type { CellPos } from "../grid/types";
import { key } from "../text/normalize";
import { HEADER_PATTERNS, NAME_GROUP_HEADING, WEIGHT_IN_NAME, type ColumnRole } from "../text/vocabulary";
import { splitGroupWeight } from "./names";

/** Columns a table may occupy: the whole sheet, or one side of an empty separating column. */
export interface Band {
  left: number;
  right: number;
}

export interface HeaderWord {
  col: number;
  role: ColumnRole;
}

/** One to three rows of header words. Plain data: what the words say, not yet what the columns are. */
export interface HeaderCandidate {
  rows: number[];
  /** Columns named by a role word (the lowest header row naming a column wins), left to right. */
  words: HeaderWord[];
  /** Leftmost and rightmost column the header spans (group headings and merges included). */
  left: number;
  right: number;
  band: Band;
  /**
   * Columns the header's titles cover, words the vocabulary does not know included (序号 on the
   * left, 得分率 or 佐证材料 on the right): the table's width as a reader sees it.
   */
  extent: Band;
  /** Points a section label in the header declares for the whole block ("年度绩效目标1 (80分)"). */
  sectionWeight?: { value: Decimal; pos: CellPos };
}

const NAME_ROLES: ColumnRole[] = ["level1", "level2", "level3"];
const DATA_ROLES: ColumnRole[] = ["weight", "score", "target", "actual"];

/**
 * The role a header cell's words name, if any: the words as written, or else without what brackets
 * add ("三级指标（指标名称）", "分值（分）", "目标值(标准)").
 */
export function roleOf(text: string): ColumnRole | null {
  const k = key(text);
  if (!k || k.length > 20) return null;
  const role = roleOfKey(k);
  if (role) return role;
  const bare = key(text.normalize("NFKC").replace(BRACKETED, ""));
  return bare && bare !== k ? roleOfKey(bare) : null;
}

const BRACKETED = /\([^()]*\)|【[^【】]*】|\[[^[\]]*\]/g;

function roleOfKey(k: string): ColumnRole | null {
  for (const p of HEADER_PATTERNS) if (p.exact?.test(k)) return p.role;
  return null;
}

/** "评价指标", "绩效指标(90分)", "年度绩效指标完成情况": a heading over or beside the name columns. */
export function isGroupHeading(text: string): boolean {
  const t = text.normalize("NFKC").replace(WEIGHT_IN_NAME, "");
  return NAME_GROUP_HEADING.test(key(t));
}

const headerWordCache = new Map<string, boolean>();

/** Whether a cell's text is a header word; data sheets repeat the same texts, so answers are kept. */
function isHeaderWordCell(text: string): boolean {
  const hit = headerWordCache.get(text);
  if (hit !== undefined) return hit;
  const yes = text.length <= 40 && (roleOf(text) !== null || isGroupHeading(text));
  if (headerWordCache.size > 20_000) headerWordCache.clear();
  headerWordCache.set(text, yes);
  return yes;
}

/** Cells of a row that are header words; a header row holds no numbers. */
function headerCells(view: SheetView, row: number, band: Band): Map<number, ColumnRole | "group"> | null {
  // Most rows hold figures: reject them before reading any words.
  for (let c = band.left; c <= band.right; c++) if (typeof view.value(row, c) === "number") return null;
  const found = new Map<number, ColumnRole | "group">();
  for (let c = band.left; c <= band.right; c++) {
    const t = view.text(row, c);
    if (!t || !isHeaderWordCell(t)) continue;
    const role = roleOf(t);
    if (role) found.set(c, role);
    else found.set(c, "group");
  }
  return found.size ? found : null;
}

/**
 * A set of header words names a table of indicators: a name column and a weight, a score, or target
 * and actual — or names with their explanation (指标说明, 评分标准), a 指标体系 whose weights are in
 * the names (kept only if the names do carry weights).
 */
export function isTableHeader(roles: ReadonlySet<ColumnRole>): boolean {
  const hasName = NAME_ROLES.some((r) => roles.has(r));
  const data = DATA_ROLES.filter((r) => roles.has(r)).length;
  if (!hasName) return false;
  if (data === 0) return roles.has("explain") && NAME_ROLES.filter((r) => roles.has(r)).length >= 2;
  // A header that names only a target or only an actual column is a list, not a table of indicators.
  return !(data === 1 && !roles.has("weight") && !roles.has("score"));
}

/**
 * Tries to read a header starting at `row` within `band`: one to three consecutive rows of header
 * words (two-row headers put 一级/二级/三级 under a merged 评价指标).
 */
export function locateHeader(view: SheetView, row: number, band: Band): HeaderCandidate | null {
  const plain = locateHeaderRows(view, row, band);
  const joined = locateSplitHeader(view, row, band);
  if (!joined) return plain && completeSplitWords(view, plain, band);
  return !plain || joined.words.length > plain.words.length ? joined : plain;
}

/**
 * A header read whole but for one word broken over two rows ("分" over "值"): the row under it
 * holds only such short pieces, and each completes a word of a column the header left unnamed.
 */
function completeSplitWords(view: SheetView, h: HeaderCandidate, band: Band): HeaderCandidate {
  // The pieces' row may already have been taken for a row of sub-titles under unnamed columns.
  const last = h.rows[0];
  const below = last + 1;
  if (h.rows.length > 2 || (h.rows.length === 2 && h.rows[1] !== below) || below > view.bottom) return h;
  const named = new Set(h.words.map((w) => w.col));
  const added: HeaderWord[] = [];
  for (let c = band.left; c <= band.right; c++) {
    const piece = view.value(below, c);
    if (piece === null || piece === "") continue;
    if (typeof piece !== "string" || piece.trim().length > 3 || named.has(c) || view.merge(below, c)) return h;
    const role = roleOf(view.text(last, c) + piece.trim());
    if (!role) return h;
    added.push({ col: c, role });
  }
  if (added.length === 0) return h;
  const words = [...h.words, ...added].sort((a, b) => a.col - b.col);
  return { ...h, rows: [last, below], words, right: Math.max(h.right, ...added.map((w) => w.col)) };
}

/**
 * Header words broken over two rows by a PDF conversion, without merges ("一级" over "指标", "分"
 * over "值"): each column's two pieces read as one word. Used only when that names more columns
 * than reading the rows apart does.
 */
function locateSplitHeader(view: SheetView, row: number, band: Band): HeaderCandidate | null {
  const below = row + 1;
  if (below > view.bottom) return null;
  const layer = new Map<number, ColumnRole | "group">();
  let pieces = 0;
  for (let c = band.left; c <= band.right; c++) {
    const a = view.value(row, c);
    const b = view.value(below, c);
    if (typeof a === "number" || typeof b === "number") return null;
    const top = view.text(row, c);
    const bottom = view.text(below, c);
    if (!top && !bottom) continue;
    const merged = !!view.merge(row, c) || !!view.merge(below, c);
    const split = !!top && !!bottom && !merged;
    // Pieces of a header word are short; a line of text above a header is not one of them.
    if (split && (top.length > 6 || bottom.length > 6)) return null;
    const text = split ? top + bottom : top || bottom;
    if (split) pieces++;
    if (isHeaderWordCell(text)) layer.set(c, roleOf(text) ?? "group");
  }
  if (pieces < 2 || locateHeaderRows(view, below, band)) return null;
  return candidateOf(view, [row, below], [layer], band);
}

function locateHeaderRows(view: SheetView, row: number, band: Band): HeaderCandidate | null {
  const first = headerCells(view, row, band);
  if (!first) return null;
  const rows = [row];
  const layers = [first];
  for (let r = row + 1; r <= Math.min(row + 2, view.bottom); r++) {
    const next = headerCells(view, r, band);
    if (!next) break;
    // A following row belongs to the header only if every word in it is a header word.
    let allWords = true;
    for (let c = band.left; c <= band.right; c++) {
      const t = view.text(r, c);
      // WPS's 拆分并填充 writes a merged title into every row it spanned; a value's 数值 goes under it.
      if (t && !isHeaderWordCell(t) && t !== view.text(r - 1, c) && !/^(数值|数额|值)$/.test(key(t))) allWords = false;
    }
    if (!allWords) break;
    rows.push(r);
    layers.push(next);
  }
  return candidateOf(view, rows, layers, band);
}

/** The role of the title above `c` on the row above, or of the nearest one left of it when the cells between are empty (a merge lost). */
function spannedBy(above: Map<number, ColumnRole | "group">, c: number): ColumnRole | "group" | undefined {
  for (let cc = c; cc >= 0 && cc >= c - 6; cc--) if (above.has(cc)) return above.get(cc);
  return undefined;
}

/** The candidate a set of header rows and the words found on them make, if they name a table. */
function candidateOf(view: SheetView, rows: number[], layers: Map<number, ColumnRole | "group">[], band: Band): HeaderCandidate | null {
  const byCol = new Map<number, ColumnRole>();
  layers.forEach((layer, i) => {
    for (const [c, role] of layer) {
      if (role === "group") continue;
      // "全年实际值" over "指标值 | 单位": the value under the actual's title is the actual.
      if (role === "target" && byCol.get(c) === "actual") continue;
      // "指标分值" over "一级 | 二级 | 三级" (its merge lost or not): the points of each level, not names.
      if (NAME_ROLES.includes(role) && (byCol.get(c) === "weight" || (i > 0 && spannedBy(layers[i - 1], c) === "weight"))) {
        byCol.set(c, "weight");
        continue;
      }
      byCol.set(c, role);
    }
  });
  const nameless = singleNameHeading(view, rows, layers, byCol) ?? deepestNameHeading(view, rows, layers, byCol);
  if (nameless !== null) byCol.set(nameless, "level3");
  if (!isTableHeader(new Set(byCol.values()))) return null;
  const sub = rows[rows.length - 1] + 1;
  if (sub <= view.bottom && rows.length < 3 && isSubHeaderRow(view, sub, band, byCol)) rows.push(sub);
  let left = Infinity;
  let right = -Infinity;
  for (const layer of layers)
    for (const c of layer.keys()) {
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  for (const r of rows)
    for (let c = band.left; c <= band.right; c++) {
      const m = view.merge(r, c);
      if (m && view.text(m.top, m.left)) right = Math.min(band.right, Math.max(right, m.right));
    }
  const words = [...byCol].sort((a, b) => a[0] - b[0]).map(([col, role]) => ({ col, role }));
  const sectionWeight = sectionWeightOf(view, rows, layers);
  const extent = headerExtent(view, rows, band, left, right);
  return { rows, words, left, right, band, extent, ...(sectionWeight ? { sectionWeight } : {}) };
}

/** Widens [left, right] over adjoining titled columns of the header rows, stopping at the first untitled one. */
function headerExtent(view: SheetView, rows: number[], band: Band, left: number, right: number): Band {
  const titled = (c: number) =>
    rows.some((r) => {
      const m = view.merge(r, c);
      const t = m ? view.text(m.top, m.left) : view.text(r, c);
      return t !== "" && t.length <= 20 && typeof view.value(m?.top ?? r, m?.left ?? c) === "string";
    });
  let l = left;
  while (l - 1 >= band.left && titled(l - 1)) l--;
  let r = right;
  while (r + 1 <= band.right && titled(r + 1)) r++;
  return { left: l, right: r };
}

/**
 * "评价指标 | 分值 | 得分": without a 一级/二级/三级 column, a heading word over one column (not
 * merged across several) names the indicators' column.
 */
function singleNameHeading(view: SheetView, rows: number[], layers: Map<number, ColumnRole | "group">[], byCol: Map<number, ColumnRole>): number | null {
  if ([...byCol.values()].some((r) => r === "level1" || r === "level2" || r === "level3")) return null;
  if (![...byCol.values()].some((r) => r === "weight" || r === "score")) return null;
  const groups: number[] = [];
  layers.forEach((layer, i) => {
    for (const [c, role] of layer) {
      const m = view.merge(rows[i], c);
      if (role === "group" && !byCol.has(c) && (!m || m.left === m.right)) groups.push(c);
    }
  });
  return groups.length === 1 ? groups[0] : null;
}

/**
 * "一级指标 | 二级指标 | 指标 | 年度指标值": right of the 一级/二级 columns, a single heading word
 * (指标, 绩效指标, 评价指标) over one column names the indicators.
 */
function deepestNameHeading(view: SheetView, rows: number[], layers: Map<number, ColumnRole | "group">[], byCol: Map<number, ColumnRole>): number | null {
  const roles = [...byCol.values()];
  if (roles.includes("level3") || !(roles.includes("level1") || roles.includes("level2"))) return null;
  const levels = [...byCol].filter(([, r]) => r === "level1" || r === "level2").map(([c]) => c);
  const deepest = Math.max(...levels);
  // (A 分值 beside the 一级 or 二级 weighs that level: the names go on past it.)
  const firstData = Math.min(...[...byCol].filter(([, r]) => r !== "level1" && r !== "level2" && r !== "weight").map(([c]) => c), Infinity);
  const groups: number[] = [];
  layers.forEach((layer, i) => {
    for (const [c, role] of layer) {
      const m = view.merge(rows[i], c);
      if (role === "group" && c > deepest && c < firstData && !byCol.has(c) && (!m || m.left === m.right)) groups.push(c);
    }
  });
  return groups.length === 1 ? groups[0] : null;
}

function sectionWeightOf(view: SheetView, rows: number[], layers: Map<number, ColumnRole | "group">[]): HeaderCandidate["sectionWeight"] {
  for (let i = 0; i < rows.length && i < layers.length; i++)
    for (const [c, role] of layers[i]) {
      if (role !== "group") continue;
      const { weight, unit } = splitGroupWeight(view.text(rows[i], c));
      if (weight && unit === "points") return { value: weight, pos: { row: rows[i], col: c } };
    }
  return undefined;
}

/**
 * Sub-titles under a header cell the vocabulary does not name ("采集数据项" over "数据项1 | 数据项2"):
 * text only in columns without a role, no figure, nothing in the name or data columns.
 */
function isSubHeaderRow(view: SheetView, row: number, band: Band, roles: Map<number, ColumnRole>): boolean {
  let text = false;
  for (let c = band.left; c <= band.right; c++) {
    const v = view.value(row, c);
    if (v === null || v === "") continue;
    if (typeof v !== "string" || roles.has(c)) return false;
    text = true;
  }
  return text;
}

/**
 * Splits the sheet into bands of columns holding separate tables. A column empty on every row is a
 * separator only when each side holds a table header of its own (a merged name spanning two
 * columns leaves one of them empty once merges are lost, and must not split a table) and the right
 * one begins a table: with a name column no deeper than the left one's names. An empty column left
 * inside a table by a PDF conversion has the table's figures, or its deeper names (三级 right of
 * 一级/二级), on its right.
 */
export function findBands(view: SheetView): Band[] {
  const all: Band = { left: view.left, right: view.right };
  const gaps = gapColumns(view);
  if (gaps.length === 0) return [all];
  const headerRows = candidateRows(view);
  const headerOf = (band: Band): HeaderCandidate | null => {
    if (band.left > band.right) return null;
    for (const r of headerRows) {
      const h = locateHeader(view, r, band);
      if (h) return h;
    }
    return null;
  };
  const bands: Band[] = [];
  let start = view.left;
  for (const { col: g, sparse } of gaps) {
    const leftPart = { left: start, right: g - 1 };
    const rightPart = { left: g + 1, right: view.right };
    const [left, right] = [headerOf(leftPart), headerOf(rightPart)];
    const next = gaps.find((x) => x.col > g && !x.sparse)?.col ?? view.right + 1;
    // A column with a few cells separates only where no title of either table stands over it.
    const untitled = !sparse || (!!left && !!right && left.words.every((w) => w.col < g) && right.words.every((w) => w.col > g));
    if (left && right && untitled && beginsTable(left, right, next)) {
      bands.push(leftPart);
      start = g + 1;
    }
  }
  bands.push({ left: start, right: view.right });
  return bands;
}

const LEVEL: Partial<Record<ColumnRole, number>> = { level1: 1, level2: 2, level3: 3 };

/**
 * Whether the header right of an empty column starts a table of its own rather than going on with
 * the left one; only its columns before the next empty column (`end`) count.
 */
function beginsTable(left: HeaderCandidate, right: HeaderCandidate, end: number): boolean {
  const first = right.words[0];
  if (!first || LEVEL[first.role] === undefined) return false;
  const levels = (h: HeaderCandidate, end = Infinity) =>
    h.words.filter((w) => w.col < end).map((w) => LEVEL[w.role]).filter((l): l is number => l !== undefined);
  return Math.min(...levels(right, end)) <= Math.max(...levels(left));
}

/**
 * Columns that may separate two tables: empty on every row, or nearly so — a note, a page number, a
 * space left by a conversion, a cell merged down — when nothing titles them (see findBands).
 * A merge across several columns (a title over both tables) does not join them.
 */
function gapColumns(view: SheetView): { col: number; sparse: boolean }[] {
  const filled = new Map<number, number>();
  const values = view.snapshot.values;
  for (const row of values)
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v === null || (typeof v === "string" && v.trim() === "")) continue;
      filled.set(view.left + j, (filled.get(view.left + j) ?? 0) + 1);
    }
  for (const m of view.snapshot.merges ?? []) if (m.bottom > m.top && m.left === m.right) filled.set(m.left, (filled.get(m.left) ?? 0) + 1);
  const out: { col: number; sparse: boolean }[] = [];
  for (let c = view.left + 1; c < view.right; c++) {
    const n = filled.get(c) ?? 0;
    if (n <= SPARSE_GAP) out.push({ col: c, sparse: n > 0 });
  }
  return out;
}
const SPARSE_GAP = 3;

/** Rows with at least two header words: the only rows a header can start on. */
function candidateRows(view: SheetView): number[] {
  const out: number[] = [];
  const values = view.snapshot.values;
  for (let i = 0; i < values.length; i++) {
    let words = 0;
    for (const v of values[i]) if (typeof v === "string" && isHeaderWordCell(v) && ++words >= 2) break;
    if (words >= 2) out.push(view.top + i);
  }
  return out;
}

/**
 * Same columns for the same roles: a header repeated where a page broke. Wording may differ a little
 * between the copies ("指标" / "指标值", a column titled on one copy only); no column may change role.
 */
export function sameLayout(a: HeaderCandidate, b: HeaderCandidate): boolean {
  // A 评分表 (with 得分) under its 指标体系 (without): a table of its own.
  const scored = (h: HeaderCandidate) => h.words.some((w) => w.role === "score");
  if (scored(a) !== scored(b)) return false;
  const roleAt = new Map(a.words.map((w) => [w.col, w.role]));
  let shared = 0;
  for (const w of b.words) {
    const role = roleAt.get(w.col);
    if (role === undefined) continue;
    if (role !== w.role) return false;
    shared++;
  }
  return shared >= 2;
}
