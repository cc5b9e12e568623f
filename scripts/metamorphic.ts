/**
 * Metamorphic transformations of a workbook spec: changes a reviewer would say change nothing
 * (the table moved, a title line above it, header words spelt another way, a 说明 paragraph below,
 * the header repeated after a page break …). Each transformation returns the new spec and a map
 * from every cell of the original to its cell in the new one, so that the reading of the original
 * can be compared exactly with the reading of the transformed spec.
 * Run: npx tsx scripts/metamorphic.ts [ID-substring...] prints what differs; --layouts=N adds every
 * Nth synthetic layout probe of test/layouts (merged only), --t=ID runs one transformation.
 */
import { lettersToCol, colToLetters, parseA1, parseRangeA1, rangeToA1, type Analysis, type CellPos, type CellRange } from "../src/engine";
import { specToWorkbook, type Spec, type SpecCell, type SpecSheet } from "./fixture-spec";
import { readWorkbookBytes } from "../src/xlsx";
import { analyzeWorkbook, summarizeTable, type CellValue, type WorkbookSnapshot } from "../src/engine";

export type PosMap = (sheet: string, pos: CellPos) => CellPos;

export interface Transformed {
  spec: Spec;
  map: PosMap;
  /** Where further copies of the original's cells are, when the transformation duplicated them. */
  copies?: PosMap[];
}

export interface Transformation {
  id: string;
  /** null when the transformation does not apply to this spec (nothing of its kind to change). */
  apply(spec: Spec, base: Analysis): Transformed | null;
}

type Axis = "row" | "col";
interface Insertion {
  sheet: string;
  axis: Axis;
  at: number;
  n: number;
}

/** A copy of a spec being edited: rows and columns inserted, with the position map they make. */
export class SpecEdit {
  readonly spec: Spec;
  private readonly insertions: Insertion[] = [];

  constructor(spec: Spec) {
    this.spec = JSON.parse(JSON.stringify(spec)) as Spec;
  }

  sheet(name: string): SpecSheet {
    const s = this.spec.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Where a cell of the original spec is now. */
  readonly map: PosMap = (sheet, pos) => {
    let { row, col } = pos;
    for (const i of this.insertions) {
      if (i.sheet !== sheet) continue;
      if (i.axis === "row" && row >= i.at) row += i.n;
      if (i.axis === "col" && col >= i.at) col += i.n;
    }
    return { row, col };
  };

  /** Inserts rows before row `at` (0-based, current coordinates), as Excel's Insert does. */
  insertRows(sheetName: string, at: number, rows: SpecCell[][]): void {
    if (rows.length === 0) return;
    const s = this.sheet(sheetName);
    while (s.rows.length < at) s.rows.push([]);
    s.rows.splice(at, 0, ...rows.map((r) => [...r]));
    this.record({ sheet: sheetName, axis: "row", at, n: rows.length });
  }

  /** Inserts n empty columns before column `at` (0-based, current coordinates). */
  insertCols(sheetName: string, at: number, n: number): void {
    if (n <= 0) return;
    const s = this.sheet(sheetName);
    for (const row of s.rows) if (row.length > at) row.splice(at, 0, ...new Array<SpecCell>(n).fill(null));
    if (s.cols && s.cols.length > at) s.cols.splice(at, 0, ...new Array<number>(n).fill(4));
    this.record({ sheet: sheetName, axis: "col", at, n });
  }

  /** Sets a cell (current coordinates). */
  set(sheetName: string, row: number, col: number, v: SpecCell): void {
    const s = this.sheet(sheetName);
    while (s.rows.length <= row) s.rows.push([]);
    const r = s.rows[row];
    while (r.length <= col) r.push(null);
    r[col] = v;
  }

  private record(ins: Insertion): void {
    const shift = (sheet: string, p: CellPos): CellPos => ({
      row: ins.axis === "row" && sheet === ins.sheet && p.row >= ins.at ? p.row + ins.n : p.row,
      col: ins.axis === "col" && sheet === ins.sheet && p.col >= ins.at ? p.col + ins.n : p.col,
    });
    const s = this.sheet(ins.sheet);
    s.merges = s.merges?.map((m) => shiftRange(m, (p) => shift(ins.sheet, p)));
    for (const sh of this.spec.sheets) {
      for (const row of sh.rows) {
        row.forEach((cell, c) => {
          if (cell && typeof cell === "object" && cell.f) row[c] = { ...cell, f: shiftFormula(cell.f, sh.name, shift) };
        });
      }
    }
    this.insertions.push(ins);
  }
}

function shiftRange(a1: string, shift: (p: CellPos) => CellPos): string {
  const r = parseRangeA1(a1);
  if (!r) return a1;
  const tl = shift({ row: r.top, col: r.left });
  const br = shift({ row: r.bottom, col: r.right });
  return rangeToA1({
    top: tl.row,
    left: tl.col,
    bottom: br.row,
    right: br.col,
  });
}

/** A1 references in a formula (outside string literals), with an optional sheet prefix. */
const REF = /((?:'(?:[^']|'')+'|[^\s'!(),:+\-*/^&=<>"]+)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g;

/** Moves the references of a formula on `home` as an insertion moves the cells they point at. */
export function shiftFormula(f: string, home: string, shift: (sheet: string, p: CellPos) => CellPos): string {
  return f
    .split(/("[^"]*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REF, (_m, prefix: string | undefined, d1: string, letters: string, d2: string, digits: string) => {
            const sheet = prefix ? prefix.slice(0, -1).replace(/^'|'$/g, "").replace(/''/g, "'") : home;
            const p = shift(sheet, {
              row: Number(digits) - 1,
              col: lettersToCol(letters),
            });
            return `${prefix ?? ""}${d1}${colToLetters(p.col)}${d2}${p.row + 1}`;
          }),
    )
    .join("");
}

const text = (c: SpecCell): string | null => (typeof c === "string" ? c : c && typeof c === "object" && typeof c.v === "string" ? c.v : null);
const withText = (c: SpecCell, t: string): SpecCell => (typeof c === "string" ? t : { ...(c as object), v: t });

/** Sheets the original reading found scoring tables on, with those tables. */
function tablesBySheet(base: Analysis): Map<string, Analysis["tables"]> {
  const m = new Map<string, Analysis["tables"]>();
  for (const t of base.tables) m.set(t.sheet, [...(m.get(t.sheet) ?? []), t]);
  return m;
}

const lastUsedRow = (s: SpecSheet): number => {
  for (let r = s.rows.length - 1; r >= 0; r--) if (s.rows[r].some((c) => c !== null && c !== undefined && text(c) !== "")) return r;
  return -1;
};

/** Moves every table sheet's content down by `rows` and right by `cols`. */
export function shift(rows: number, cols: number): Transformation {
  return {
    id: `shift-${rows}r-${cols}c`,
    apply(spec, base) {
      const e = new SpecEdit(spec);
      for (const sheet of tablesBySheet(base).keys()) {
        e.insertRows(
          sheet,
          0,
          Array.from({ length: rows }, () => []),
        );
        e.insertCols(sheet, 0, cols);
      }
      return e;
    },
  };
}

/** An empty column inserted between two tables side by side. */
export const emptyColumnBetween: Transformation = {
  id: "empty-col-between",
  apply(spec, base) {
    const e = new SpecEdit(spec);
    let any = false;
    for (const [sheet, tables] of tablesBySheet(base)) {
      const byLeft = [...tables].sort((a, b) => b.range.left - a.range.left);
      for (const t of byLeft) {
        const beside = tables.some((o) => o !== t && o.range.right < t.range.left && o.range.bottom >= t.range.top && o.range.top <= t.range.bottom);
        if (!beside) continue;
        e.insertCols(sheet, t.range.left, 1);
        any = true;
      }
    }
    return any ? e : null;
  },
};

/** Two blank rows right under a table that has another table below it on the same sheet. */
export const blankRowsBetween: Transformation = {
  id: "blank-rows-between",
  apply(spec, base) {
    const e = new SpecEdit(spec);
    let any = false;
    for (const [sheet, tables] of tablesBySheet(base)) {
      // From the bottom up, so the rows of the tables above are still where the reading found them.
      for (const t of [...tables].sort((a, b) => b.range.bottom - a.range.bottom)) {
        const below = tables.some((o) => o.range.top > t.range.bottom && o.range.left <= t.range.right && o.range.right >= t.range.left);
        if (!below) continue;
        e.insertRows(sheet, t.range.bottom + 1, [[], []]);
        any = true;
      }
    }
    return any ? e : null;
  },
};

/**
 * A second copy of a table sheet's whole content beside it (after one empty column) or under it (after
 * two blank rows): two tables on one sheet, each read as it was alone. Only sheets whose tables'
 * findings are all on the sheet itself (none in report text on another sheet) are copied.
 */
export function copied(id: string, where: "beside" | "below"): Transformation {
  return {
    id,
    apply(spec, base) {
      const e = new SpecEdit(spec);
      const offsets = new Map<string, { rows: number; cols: number }>();
      for (const sheet of tablesBySheet(base).keys()) {
        if (base.findings.some((f) => f.sheet !== sheet && base.tables[f.tableIndex]?.sheet === sheet)) continue;
        const s = e.sheet(sheet);
        const height = lastUsedRow(s) + 1;
        const width = Math.max(0, ...s.rows.map((r) => r.length));
        const off = where === "beside" ? { rows: 0, cols: width + 1 } : { rows: height + 2, cols: 0 };
        const original = s.rows.map((r) => [...r]);
        original.slice(0, height).forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && e.set(sheet, r + off.rows, c + off.cols, v)));
        s.merges = [
          ...(s.merges ?? []),
          ...(s.merges ?? []).map((m) => {
            const x = parseRangeA1(m)!;
            return rangeToA1({ top: x.top + off.rows, bottom: x.bottom + off.rows, left: x.left + off.cols, right: x.right + off.cols });
          }),
        ];
        offsets.set(sheet, off);
      }
      if (offsets.size === 0) return null;
      return {
        spec: e.spec,
        map: (_s, p) => p,
        copies: [
          (sheet, p) => {
            const o = offsets.get(sheet);
            return o ? { row: p.row + o.rows, col: p.col + o.cols } : p;
          },
        ],
      };
    },
  };
}

/** An empty column inside every table, right before its `role` column, as a PDF conversion leaves one. */
export function emptyColumnBefore(role: "weight" | "target" | "level3"): Transformation {
  return {
    id: `empty-col-before-${role}`,
    apply(spec, base) {
      const e = new SpecEdit(spec);
      const cols = new Map<string, Set<number>>();
      for (const t of base.tables) {
        const c = t.columns.roles[role];
        if (c !== undefined && c > t.range.left) cols.set(t.sheet, (cols.get(t.sheet) ?? new Set()).add(c));
      }
      // Right to left, so the columns still to insert at are where the reading found them.
      for (const [sheet, cs] of cols) for (const c of [...cs].sort((a, b) => b - a)) e.insertCols(sheet, c, 1);
      return cols.size ? e : null;
    },
  };
}

/** An empty row right under each table's header, as a PDF conversion sometimes leaves one. */
export const blankRowUnderHeader: Transformation = {
  id: "blank-row-under-header",
  apply(spec, base) {
    if (base.tables.length === 0) return null;
    const e = new SpecEdit(spec);
    // From the bottom up, so the header rows of the tables above are still where the reading found them.
    for (const t of [...base.tables].sort((a, b) => b.range.top - a.range.top)) e.insertRows(t.sheet, Math.max(...t.headerRows) + 1, [[]]);
    return e;
  },
};

/** "附件1" and a 填报单位 / 单位：万元 line above everything on a table sheet. */
export const titleLines: Transformation = {
  id: "title-lines",
  apply(spec, base) {
    const e = new SpecEdit(spec);
    for (const [sheet, tables] of tablesBySheet(base)) {
      const left = Math.min(...tables.map((t) => t.range.left));
      const right = Math.max(...tables.map((t) => t.range.right));
      const title: SpecCell[] = [];
      title[left] = "附件1";
      const unit: SpecCell[] = [];
      unit[left] = "填报单位（盖章）：";
      unit[right] = "单位：万元";
      e.insertRows(sheet, 0, [title, unit]);
    }
    return e;
  },
};

/** The header cell titling a column: the lowest header row with text in that column. */
function headerCell(spec: SpecEdit, t: Analysis["tables"][number], col: number): { row: number; text: string } | null {
  const s = spec.sheet(t.sheet);
  for (const r of [...t.headerRows].sort((a, b) => b - a)) {
    const v = text(s.rows[r]?.[col] ?? null);
    if (v && v.trim()) return { row: r, text: v };
  }
  return null;
}

/** Rewrites the titles of the role columns of every table (original coordinates: no insertion). */
function retitle(id: string, roles: string[], rewrite: (title: string, header: string[]) => string | null): Transformation {
  return {
    id,
    apply(spec, base) {
      const e = new SpecEdit(spec);
      let any = false;
      for (const t of base.tables) {
        const s = e.sheet(t.sheet);
        const header = t.headerRows.flatMap((r) => (s.rows[r] ?? []).map((c) => text(c) ?? ""));
        for (const role of roles) {
          const col = (t.columns.roles as Record<string, number | undefined>)[role];
          if (col === undefined) continue;
          const h = headerCell(e, t, col);
          if (!h) continue;
          const next = rewrite(h.text, header);
          if (next === null || next === h.text) continue;
          e.set(t.sheet, h.row, col, withText(s.rows[h.row][col], next));
          any = true;
        }
      }
      return any ? e : null;
    },
  };
}

/** "分值" → "分 值", "得分" → "得 分": two- and three-character titles spelt with spaces (three: full-width). */
export const headerSpaces = retitle("header-spaces", ["weight", "score", "target", "actual", "level1", "level2", "level3"], (title) => {
  const t = title.trim();
  if (!/^[\u4e00-\u9fff]{2,3}$/.test(t)) return null;
  return [...t].join(t.length === 2 ? " " : "\u3000");
});

/** Full-width brackets, and "（分）" after a weight or score title without one: "得分（分）". */
export const headerBrackets = retitle("header-brackets", ["weight", "score"], (title) => {
  const t = title.replace(/\(/g, "（").replace(/\)/g, "）");
  return /[（[【]/.test(t) ? t : `${t.trim()}（分）`;
});

/** Header synonyms a reviewer reads alike; each title becomes the next one of its group. */
export const SYNONYMS: string[][] = [
  ["权重", "分值", "标准分", "指标分值"],
  ["得分", "自评得分", "评价得分"],
  ["年度指标值", "年初指标值", "目标值"],
  ["实际完成值", "全年实际值", "实际完成指标值"],
];

/** Each weight/score/target/actual title becomes the synonym `step` places further in its group. */
export function headerSynonyms(step: number): Transformation {
  return retitle(`header-synonyms-${step}`, ["weight", "score", "target", "actual"], (title, header) => {
    const t = title.replace(/\s+/g, "");
    for (const group of SYNONYMS) {
      // Longest word first: 指标分值 before 分值, 自评得分 before 得分.
      const found = [...group].sort((a, b) => b.length - a.length).find((w) => t.startsWith(w));
      if (!found) continue;
      const rest = t.slice(found.length);
      // Only a title that is the word, or the word and a bracketed unit ("权重(%)", "分值（分）").
      if (rest && !/^[(（]/.test(rest)) return null;
      const used = header.map((h) => h.replace(/\s+/g, ""));
      const start = group.indexOf(found);
      for (let k = 0; k < group.length - 1; k++) {
        const w = group[(start + step + k) % group.length];
        if (w !== found && !used.some((h) => h.startsWith(w))) return w + rest;
      }
      return null;
    }
    return null;
  });
}

/** A line break inside a title before its bracket or after its first two characters ("年度\n指标值", "权重\n（%）"). */
export const headerLineBreaks = retitle("header-line-breaks", ["weight", "score", "target", "actual", "level3"], (title) => {
  const t = title.trim();
  if (/\n/.test(t) || t.length < 3) return null;
  const b = t.search(/[(（]/);
  return b > 0 ? `${t.slice(0, b)}\n${t.slice(b)}` : `${t.slice(0, 2)}\n${t.slice(2)}`;
});

/** A 说明 paragraph and a signature line after everything on a table sheet. */
export const notesAfter: Transformation = {
  id: "notes-after",
  apply(spec, base) {
    const e = new SpecEdit(spec);
    for (const [sheet, tables] of tablesBySheet(base)) {
      const left = Math.min(...tables.map((t) => t.range.left));
      const at = lastUsedRow(e.sheet(sheet)) + 1;
      const note: SpecCell[] = [];
      note[left] = "说明：1.本表由项目实施单位填报，主管部门审核；2.偏差原因须逐项说明，并提出改进措施。";
      const sign: SpecCell[] = [];
      sign[left] = "填表人：张明\u3000\u3000联系电话：0431-88886666\u3000\u3000填报日期：2023年3月15日";
      e.insertRows(sheet, at, [note, sign]);
    }
    return e;
  },
};

/**
 * The indicator row nearest the middle of a table before which a page can break: no merge but a
 * group's (一级/二级 name or weight) runs across it — an indicator's own cells are not split.
 */
function breakRow(t: Analysis["tables"][number], s: SpecSheet, anywhere = false): number | null {
  const { nameCols, levelWeights } = t.columns;
  const groupCols = new Set([...nameCols.slice(0, -1), ...(levelWeights ?? []).map((l) => l.col)]);
  const merges = (s.merges ?? []).map((m) => parseRangeA1(m)).filter((m): m is CellRange => m !== null);
  const rows = [...new Set(t.indicators.map((i) => i.row))].sort((a, b) => a - b);
  const ok = anywhere ? rows : rows.filter((r) => merges.every((m) => !(m.top < r && m.bottom >= r) || (groupCols.has(m.left) && m.left === m.right)));
  const middle = rows[Math.floor(rows.length / 2)];
  return ok.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0] ?? null;
}

/**
 * A page break in the middle of every table with at least 10 indicators: a 续表 line and the header
 * rows again before the middle indicator; vertical merges across the break are split and their
 * names entered again below it, as a table continued on the next page is printed.
 */
export const pageBreakRepeat = pageBreak("page-break-repeat", "（续表）", true);

/** The same break as printed from Word: the merged names are not repeated below it. */
export const pageBreakBlankNames = pageBreak("page-break-blank-names", "续表1", false);

export function pageBreak(id: string, line: string, reenter: boolean): Transformation {
  return {
    id,
    apply(spec, base) {
      const e = new SpecEdit(spec);
      const eligible = base.tables.filter((t) => {
        if (t.indicators.length < 10 || t.headerRows.length === 0) return false;
        // A table beside another one: a page break would cut through both.
        return !base.tables.some((o) => o !== t && o.sheet === t.sheet && o.range.top <= t.range.bottom && o.range.bottom >= t.range.top);
      });
      if (eligible.length === 0) return null;
      // From the bottom up, so earlier tables' rows stay where the reading found them.
      for (const t of [...eligible].sort((a, b) => b.range.top - a.range.top)) {
        const s = e.sheet(t.sheet);
        const at = breakRow(t, s, !reenter);
        if (at === null) continue;
        const { left, right } = t.range;
        const headerRows = [...t.headerRows].sort((a, b) => a - b);
        const copy = (r: number): SpecCell[] => {
          const out: SpecCell[] = [];
          for (let c = left; c <= right; c++) out[c] = s.rows[r]?.[c] ?? null;
          return out;
        };
        const continued: SpecCell[] = [];
        continued[left] = line;
        const block = line ? [continued, ...headerRows.map(copy)] : headerRows.map(copy);
        // Split merges crossing the break; the part below gets the name again.
        const merges = (s.merges ?? []).map((m) => parseRangeA1(m)!).filter(Boolean);
        const kept: string[] = [];
        const reentered: { range: CellRange; v: SpecCell }[] = [];
        for (const m of merges) {
          if (m.top < at && m.bottom >= at) {
            kept.push(rangeToA1({ ...m, bottom: at - 1 }));
            reentered.push({
              range: { ...m, top: at },
              v: s.rows[m.top]?.[m.left] ?? null,
            });
          } else kept.push(rangeToA1(m));
        }
        // Header merges, copied onto the repeated header.
        const headerTop = headerRows[0];
        const headerMerges = merges.filter(
          (m) =>
            m.top >= headerTop &&
            m.bottom <= headerRows[headerRows.length - 1] &&
            m.left >= left &&
            m.right <= right &&
            headerRows.every((r, i) => r === headerTop + i),
        );
        s.merges = kept;
        e.insertRows(t.sheet, at, block);
        const n = block.length;
        for (const { range, v } of reenter ? reentered : []) {
          const moved = {
            ...range,
            top: range.top + n,
            bottom: range.bottom + n,
          };
          e.set(t.sheet, moved.top, moved.left, v);
          s.merges!.push(rangeToA1(moved));
        }
        for (const m of headerMerges) {
          const d = at + (line ? 1 : 0) - headerTop;
          s.merges!.push(
            rangeToA1({
              top: m.top + d,
              bottom: m.bottom + d,
              left: m.left,
              right: m.right,
            }),
          );
        }
      }
      return e;
    },
  };
}

/** The header repeated after the break with no 续表 line, as Word's "repeat header rows" prints it. */
export const pageBreakHeaderOnly = pageBreak("page-break-header-only", "", true);

/** Every header title of up to six characters spelt with a space between its characters: "一 级 指 标". */
export const headerSpacesWide = retitle(
  "header-spaces-wide",
  ["weight", "score", "target", "actual", "level1", "level2", "level3", "unit", "basis"],
  (title) => {
    const t = title.trim();
    return /^[\u4e00-\u9fff]{2,6}$/.test(t) ? [...t].join(" ") : null;
  },
);

/** Total and subtotal labels spelt out with spaces: "合  计" with full-width spaces. */
export const labelSpaces: Transformation = {
  id: "label-spaces",
  apply(spec, base) {
    const e = new SpecEdit(spec);
    let any = false;
    for (const t of base.tables) {
      for (const row of [...t.subtotals, ...(t.total ? [t.total] : [])]) {
        const { row: r, col } = row.labelCell;
        const cell = e.sheet(t.sheet).rows[r]?.[col] ?? null;
        const v = text(cell)?.trim();
        if (!v || !/^[\u4e00-\u9fff]{2,3}$/.test(v)) continue;
        e.set(t.sheet, r, col, withText(cell, [...v].join("\u3000\u3000")));
        any = true;
      }
    }
    return any ? e : null;
  },
};

/** Figures in the weight and score columns under the header, typed as text (or `suffix` added: "10分"). */
export function figuresAsText(id: string, typed: (n: number) => string): Transformation {
  return {
    id,
    apply(spec, base) {
      const e = new SpecEdit(spec);
      let any = false;
      for (const t of base.tables) {
        const s = e.sheet(t.sheet);
        const below = Math.max(...t.headerRows) + 1;
        for (const col of [t.columns.roles.weight, t.columns.roles.score]) {
          if (col === undefined) continue;
          for (let r = below; r <= t.range.bottom; r++) {
            const v = s.rows[r]?.[col];
            if (typeof v !== "number") continue;
            s.rows[r][col] = typed(v);
            any = true;
          }
        }
      }
      return any ? e : null;
    },
  };
}

/** The score column moved before the weight column (both whole columns, header included). */
export const scoreBeforeWeight: Transformation = {
  id: "score-before-weight",
  apply(spec, base) {
    const e = new SpecEdit(spec);
    const swaps: { sheet: string; a: number; b: number }[] = [];
    for (const t of base.tables) {
      const { weight, score } = t.columns.roles;
      if (weight === undefined || score === undefined || score !== weight + 1) continue;
      const s = e.sheet(t.sheet);
      const merges = (s.merges ?? []).map((m) => parseRangeA1(m)).filter((m): m is CellRange => m !== null);
      // A merge holding one of the two columns and others besides cannot be swapped column-wise.
      const cut = merges.some((m) => m.left <= score && m.right >= weight && !(m.left <= weight && m.right >= score) && m.left !== m.right);
      const other = base.tables.some((o) => o !== t && o.sheet === t.sheet && o.range.left <= score && o.range.right >= weight);
      if (cut || other || swaps.some((x) => x.sheet === t.sheet)) continue;
      for (const row of s.rows) {
        while (row.length <= score) row.push(null);
        [row[weight], row[score]] = [row[score], row[weight]];
      }
      s.merges = merges.map((m) =>
        m.left === m.right && (m.left === weight || m.left === score)
          ? rangeToA1({
              ...m,
              left: m.left === weight ? score : weight,
              right: m.left === weight ? score : weight,
            })
          : rangeToA1(m),
      );
      swaps.push({ sheet: t.sheet, a: weight, b: score });
    }
    if (swaps.length === 0) return null;
    return {
      spec: e.spec,
      map: (sheet, p) => {
        const sw = swaps.find((x) => x.sheet === sheet);
        if (!sw || (p.col !== sw.a && p.col !== sw.b)) return p;
        return { row: p.row, col: p.col === sw.a ? sw.b : sw.a };
      },
    };
  },
};

/** A spec's sheets as a snapshot without the .xlsx round trip: enough to locate tables between steps. */
export function specSnapshot(spec: Spec): WorkbookSnapshot {
  return {
    source: `${spec.id}.xlsx`,
    sheets: spec.sheets.map((s) => {
      const width = Math.max(0, ...s.rows.map((r) => r.length));
      const grid = <T>(f: (c: SpecCell) => T) => s.rows.map((r) => Array.from({ length: width }, (_, i) => f(r[i] ?? null)));
      const obj = (c: SpecCell) => (c !== null && typeof c === "object" ? c : null);
      return {
        name: s.name,
        top: 0,
        left: 0,
        values: grid((c) => (obj(c) ? (obj(c)!.v ?? null) : (c as CellValue))),
        formulas: grid((c) => (obj(c)?.f ? `=${obj(c)!.f!.replace(/^=/, "")}` : null)),
        numberFormats: grid((c) => obj(c)?.fmt ?? null),
        merges: (s.merges ?? []).map((m) => parseRangeA1(m)).filter((m): m is CellRange => m !== null),
      };
    }),
  };
}

/** Several transformations one after the other, each on the reading of the spec the one before left. */
export function compose(id: string, ...steps: Transformation[]): Transformation {
  return {
    id,
    apply(spec, base) {
      let current: Transformed = { spec, map: (_s, p) => p };
      let reading = base;
      for (const step of steps) {
        const t = step.apply(current.spec, reading);
        if (!t) continue;
        const before = current.map;
        current = {
          spec: t.spec,
          map: (sheet, p) => t.map(sheet, before(sheet, p)),
        };
        reading = analyzeWorkbook(specSnapshot(current.spec));
      }
      return current.spec === spec ? null : current;
    },
  };
}

export const TRANSFORMATIONS: Transformation[] = [
  shift(3, 0),
  shift(0, 2),
  shift(5, 3),
  shift(1, 1),
  shift(12, 7),
  { ...shift(0, 1), id: "empty-col-left" },
  emptyColumnBetween,
  blankRowsBetween,
  titleLines,
  headerSpaces,
  headerBrackets,
  headerSynonyms(1),
  headerSynonyms(2),
  headerSynonyms(3),
  headerLineBreaks,
  notesAfter,
  pageBreakRepeat,
  pageBreakBlankNames,
  labelSpaces,
  figuresAsText("figures-as-text", (n) => String(n)),
  figuresAsText("figures-with-unit", (n) => `${n}分`),
  figuresAsText("figures-full-width", (n) => String(n).replace(/[0-9.]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))),
  figuresAsText("figures-padded", (n) => ` ${n} `),
  pageBreakHeaderOnly,
  headerSpacesWide,
  scoreBeforeWeight,
  blankRowUnderHeader,
  emptyColumnBefore("weight"),
  emptyColumnBefore("target"),
  emptyColumnBefore("level3"),
  copied("copy-beside", "beside"),
  copied("copy-below", "below"),
  compose("two-page-breaks", pageBreakRepeat, pageBreakBlankNames),
  compose("all-at-once", titleLines, shift(2, 1), headerSynonyms(1), headerBrackets, pageBreakRepeat, notesAfter),
  compose("spaced-synonyms-moved", headerSynonyms(2), headerSpaces, headerLineBreaks, shift(4, 2), emptyColumnBetween),
];

/** Where a range's cells are now: the box around them (a column swap keeps a range that holds both). */
export const mapRange = (map: PosMap, sheet: string, r: CellRange): CellRange => {
  const rows: number[] = [];
  const cols: number[] = [];
  for (let row = r.top; row <= r.bottom; row++) rows.push(map(sheet, { row, col: r.left }).row);
  for (let col = r.left; col <= r.right; col++) cols.push(map(sheet, { row: r.top, col }).col);
  return {
    top: Math.min(...rows),
    left: Math.min(...cols),
    bottom: Math.max(...rows),
    right: Math.max(...cols),
  };
};

export const mapCell = (map: PosMap, sheet: string, a1: string): string => {
  const p = parseA1(a1);
  if (!p) return a1;
  const q = map(sheet, p);
  return `${colToLetters(q.col)}${q.row + 1}`;
};

/** What a reading says that a transformation must not change: tables and findings, as keys. */
export interface Reading {
  analysis: Analysis;
  tables: string[];
  findings: string[];
}

export async function read(spec: Spec, withMerges: boolean): Promise<Reading> {
  const bytes = new Uint8Array(await specToWorkbook(spec, withMerges).xlsx.writeBuffer());
  const analysis = analyzeWorkbook(readWorkbookBytes(bytes, `${spec.id}.xlsx`));
  return { analysis, ...keys(analysis, (_s, p) => p) };
}

/** The keys of a reading, with its cells moved by `map` (identity for the reading itself). */
export function keys(a: Analysis, map: PosMap): { tables: string[]; findings: string[] } {
  const tables = a.calcs.map((c) => {
    const t = summarizeTable(c);
    const range = rangeToA1(mapRange(map, t.sheet, c.table.range));
    return [t.sheet, range, t.kind, t.indicators, t.weightTotal, t.scoreTotal, t.declaredWeightTotal, t.declaredScoreTotal, t.grade, t.declaredGrade].join(
      " | ",
    );
  });
  const findings = a.findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell ? mapCell(map, f.sheet, f.cell) : ""}`);
  return { tables: tables.sort(), findings: findings.sort() };
}

export interface Difference {
  transformation: string;
  variant: "merged" | "nomerge";
  tables: { expected: string[]; got: string[] } | null;
  /** Findings of the original reading the transformed one lacks, and findings it adds. */
  lost: string[];
  added: string[];
}

const minus = (a: string[], b: string[]) => {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
};

/** Runs one transformation on one spec; null when it does not apply, else the differences (empty when none). */
export async function check(spec: Spec, tr: Transformation, variant: "merged" | "nomerge", base?: Reading): Promise<Difference | null | "same"> {
  const b = base ?? (await read(spec, variant === "merged"));
  const t = tr.apply(spec, b.analysis);
  if (!t) return null;
  const got = await read(t.spec, variant === "merged");
  const expected = [t.map, ...(t.copies ?? [])]
    .map((m) => keys(b.analysis, m))
    .reduce((x, y) => ({ tables: [...x.tables, ...y.tables].sort(), findings: [...x.findings, ...y.findings].sort() }));
  const sameTables = JSON.stringify(expected.tables) === JSON.stringify(got.tables);
  const lost = minus(expected.findings, got.findings);
  const added = minus(got.findings, expected.findings);
  if (sameTables && lost.length === 0 && added.length === 0) return "same";
  return {
    transformation: tr.id,
    variant,
    tables: sameTables ? null : { expected: expected.tables, got: got.tables },
    lost,
    added,
  };
}

async function main(): Promise<void> {
  const { loadCorpus, loadLayouts } = await import("./corpus");
  const { loadSpecDir } = await import("./fixture-spec");
  const { join } = await import("node:path");
  const filters = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const only = process.argv.find((a) => a.startsWith("--t="))?.slice(4);
  const every = Number(process.argv.find((a) => a.startsWith("--layouts="))?.slice(10) ?? 0);
  const layouts = every > 0 ? (loadLayouts() as unknown as Spec[]).filter((_, i) => i % every === 0) : [];
  const specs: Spec[] = [...(loadCorpus() as unknown as Spec[]), ...loadSpecDir<Spec>(join(__dirname, "../test/fixtures/specs")), ...layouts].filter(
    (s) => filters.length === 0 || filters.some((f) => s.id.includes(f)),
  );
  let same = 0;
  let differ = 0;
  let skipped = 0;
  const failing = new Map<string, number>();
  for (const spec of specs) {
    for (const variant of layouts.includes(spec) ? (["merged"] as const) : (["merged", "nomerge"] as const)) {
      const base = await read(spec, variant === "merged");
      for (const tr of TRANSFORMATIONS.filter((x) => !only || x.id === only)) {
        const d = await check(spec, tr, variant, base);
        if (d === null) skipped++;
        else if (d === "same") same++;
        else {
          differ++;
          failing.set(tr.id, (failing.get(tr.id) ?? 0) + 1);
          console.log(`✗ ${spec.id} ${variant} ${tr.id}`);
          if (d.tables) console.log(`    tables expected:\n      ${d.tables.expected.join("\n      ")}\n    got:\n      ${d.tables.got.join("\n      ")}`);
          for (const l of d.lost) console.log(`    lost:  ${l}`);
          for (const a of d.added) console.log(`    added: ${a}`);
        }
      }
    }
  }
  console.log(`\n${specs.length} specs: ${same} same, ${differ} differ, ${skipped} not applicable`);
  for (const [id, n] of failing) console.log(`  ${id}: ${n}`);
  process.exitCode = differ > 0 ? 1 : 0;
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(2);
  });
}
