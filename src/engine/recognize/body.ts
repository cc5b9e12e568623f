import type { Decimal } from "decimal.js";
import type { SheetView } from "../grid/sheet-view";
import { key, norm, tidy } from "../text/normalize";
import {
  BREAKDOWN_LABEL,
  CATEGORY_LABEL,
  GRADE_LABEL,
  PLACEHOLDER_LABEL,
  SUBTOTAL_LABEL,
  TOTAL_LABEL,
} from "../text/vocabulary";
import type { GroupWeight, Indicator, NumberCell, SummaryRow } from "../model";
import { parseIndicatorValue, readComparator } from "../values/indicator-value";
import { Dec } from "../values/decimal";
import { numberCell, numbersInRow } from "./cells";
import { directionOf } from "./direction";
import { readHeader, sameLayout, type Header } from "./header";
import { readGrade } from "./grade";

export interface Body {
  indicators: Indicator[];
  subtotals: SummaryRow[];
  total: SummaryRow | null;
  groupWeights: GroupWeight[];
  skippedRows: number[];
  declaredGrade: ReturnType<typeof readGrade>;
  /** Last row that belongs to the table. */
  bottom: number;
  right: number;
}

const GROUP_WEIGHT = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/;
const INDICATOR_PREFIX = /^指标\s*\d+\s*[:：]\s*/;
const MAX_BLANK_RUN = 2;

/** Splits "产出指标(50分)" into the name and its declared weight. */
export function splitGroupWeight(text: string): { name: string; weight: Decimal | null } {
  const t = text.normalize("NFKC");
  const m = GROUP_WEIGHT.exec(t);
  if (!m) return { name: tidy(text), weight: null };
  return { name: tidy(t.replace(GROUP_WEIGHT, "")), weight: new Dec(m[1]) };
}

function cleanName(text: string): string {
  return tidy(text.replace(/^[★☆※*]+/, "").replace(/[★☆※*]+$/, ""))
    .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, "$1");
}

class BodyReader {
  private readonly roles: Header["columns"]["roles"];
  private readonly nameCols: number[];
  private readonly dataLeft: number;
  private level1: string | null = null;
  private level2: string | null = null;
  private readonly openGroups: { level: 1 | 2; weight: GroupWeight | null }[] = [];
  private readonly out: Body;
  /** Header-style subtotal ("投入:") whose members follow it. */
  private openSubtotal: SummaryRow | null = null;
  private lastBoundary: number;

  constructor(private readonly view: SheetView, private readonly header: Header) {
    this.roles = header.columns.roles;
    this.nameCols = header.columns.nameCols;
    // Labels (names, 小计, 总计) sit left of every other column: figures, 指标解释, 评分依据.
    const otherCols = Object.entries(this.roles)
      .filter(([role]) => !role.startsWith("level"))
      .map(([, c]) => c as number);
    this.dataLeft = otherCols.length ? Math.min(...otherCols) : header.right + 1;
    const last = header.rows[header.rows.length - 1];
    this.lastBoundary = last;
    this.out = {
      indicators: [],
      subtotals: [],
      total: null,
      groupWeights: [],
      skippedRows: [],
      declaredGrade: null,
      bottom: last,
      right: header.right,
    };
  }

  read(): Body {
    let blankRun = 0;
    const last = this.header.rows[this.header.rows.length - 1];
    for (let r = last + 1; r <= this.view.bottom; r++) {
      if (this.view.isRowHidden(r) && this.rowIsBlank(r)) continue;
      if (this.rowIsBlank(r)) {
        if (++blankRun > MAX_BLANK_RUN) break;
        continue;
      }
      blankRun = 0;
      const again = readHeader(this.view, r);
      if (again) {
        if (!sameLayout(again.columns, this.header.columns)) break;
        this.out.skippedRows.push(...again.rows);
        r = again.rows[again.rows.length - 1];
        this.out.bottom = r;
        continue;
      }
      const verdict = this.readRow(r);
      if (verdict === "end") break;
      this.out.bottom = r;
      if (verdict === "total") {
        this.out.declaredGrade = this.gradeBelow(r);
        break;
      }
    }
    this.closeSubtotal();
    for (const g of this.openGroups) if (g.weight) this.out.groupWeights.push(g.weight);
    if (!this.out.declaredGrade) this.out.declaredGrade = this.gradeBelow(this.out.bottom);
    return this.out;
  }

  private rowIsBlank(r: number): boolean {
    for (let c = this.header.left; c <= this.header.right; c++) if (!this.view.isEmpty(r, c)) return false;
    return true;
  }

  /** Text of the first non-empty label cell (name columns and anything left of the data columns). */
  private label(r: number): { text: string; col: number } | null {
    for (let c = this.header.left; c < this.dataLeft; c++) {
      const t = this.view.text(r, c);
      if (t && typeof this.view.value(r, c) === "string") return { text: t, col: c };
    }
    return null;
  }

  /** A paragraph of report text in the name columns (long texts in 评分依据/指标解释 are the table's). */
  private isNarrativeRow(r: number): boolean {
    for (let c = this.header.left; c < this.dataLeft; c++) {
      const t = this.view.text(r, c);
      if (t.length > 60) return true;
      const m = this.view.merge(r, c);
      if (m && m.top === r && m.left === c && m.right - m.left >= 3 && t.length > 20) return true;
    }
    return false;
  }

  private readRow(r: number): "indicator" | "summary" | "skip" | "end" | "total" {
    const label = this.label(r);
    const labelKey = label ? key(label.text) : "";
    if (labelKey && TOTAL_LABEL.test(labelKey)) {
      this.closeSubtotal();
      this.out.total = this.summary(r, "total", label!);
      return "total";
    }
    if (label && GRADE_LABEL.test(labelKey) && readGrade(this.view, r, this.header.left, this.header.right + 2)) return "end";
    if (this.isNarrativeRow(r)) return "end";
    if (labelKey && (SUBTOTAL_LABEL.test(labelKey) || this.isCategoryRow(r, label!))) {
      this.subtotalRow(r, label!);
      return "summary";
    }
    this.updateLevels(r);
    const nameCell = this.indicatorName(r);
    if (!nameCell) {
      if (this.hasData(r)) this.out.skippedRows.push(r);
      return label ? "skip" : this.hasData(r) ? "skip" : "end";
    }
    const nameKey = key(nameCell.text);
    const weight = numberCell(this.view, r, this.roles.weight);
    if (PLACEHOLDER_LABEL.test(nameKey) || (BREAKDOWN_LABEL.test(nameKey) && !weight?.value)) {
      this.out.skippedRows.push(r);
      return "skip";
    }
    if (!this.hasData(r)) {
      this.out.skippedRows.push(r);
      return "skip";
    }
    this.out.indicators.push(this.indicator(r, nameCell, weight));
    return "indicator";
  }

  private hasData(r: number): boolean {
    for (const role of ["weight", "score", "target", "actual", "nature"] as const) {
      const c = this.roles[role];
      if (c !== undefined && !this.view.isEmpty(r, c)) return true;
    }
    return false;
  }

  /** "投入:" / "产出" on a row of its own, with figures: a header-style subtotal. */
  private isCategoryRow(r: number, label: { text: string; col: number }): boolean {
    const k = key(label.text);
    if (!CATEGORY_LABEL.test(k)) return false;
    const deeper = this.nameCols.filter((c) => c > label.col).some((c) => !this.view.isEmpty(r, c));
    if (deeper) return false;
    const colon = /[:：]\s*$/.test(label.text);
    const figures = numbersInRow(this.view, r, label.col + 1, this.header.right).length > 0;
    return colon || figures;
  }

  private updateLevels(r: number): void {
    const [c1, c2] = this.levelCols();
    if (c1 !== undefined) {
      const t = this.view.text(r, c1);
      if (t && typeof this.view.value(r, c1) === "string") {
        const { name, weight } = splitGroupWeight(t);
        this.level1 = cleanName(name) || this.level1 || t;
        this.level2 = null;
        this.startGroup(1, r, c1, weight);
      }
    }
    if (c2 !== undefined) {
      const t = this.view.text(r, c2);
      if (t && typeof this.view.value(r, c2) === "string" && c2 !== this.nameCols[this.nameCols.length - 1]) {
        const { name, weight } = splitGroupWeight(t);
        this.level2 = cleanName(name);
        this.startGroup(2, r, c2, weight);
      }
    }
  }

  /** Columns holding 一级 and 二级 names (only those that are not the indicator's own column). */
  private levelCols(): [number | undefined, number | undefined] {
    const deepest = this.nameCols[this.nameCols.length - 1];
    const l1 = this.roles.level1 !== deepest ? this.roles.level1 : undefined;
    const l2 = this.roles.level2 !== deepest ? this.roles.level2 : undefined;
    return [l1, l2];
  }

  private startGroup(level: 1 | 2, r: number, c: number, weight: Decimal | null): void {
    // Close groups at this level and deeper.
    for (let i = this.openGroups.length - 1; i >= 0; i--) {
      if (this.openGroups[i].level >= level) {
        const g = this.openGroups.splice(i, 1)[0];
        if (g.weight) this.out.groupWeights.push(g.weight);
      }
    }
    const name = level === 1 ? this.level1 ?? "" : this.level2 ?? "";
    this.openGroups.push({
      level,
      weight: weight ? { level, name, declared: weight, cell: { row: r, col: c }, memberRows: [] } : null,
    });
  }

  private indicatorName(r: number): { text: string; col: number } | null {
    const deepest = this.nameCols[this.nameCols.length - 1];
    if (deepest === undefined) return null;
    let t = this.view.text(r, deepest);
    let col = deepest;
    if (!t) {
      // A 三级 merged across from 二级 ("社会满意度" spanning both) shows in the deepest column too.
      const m = this.view.merge(r, deepest);
      if (m && m.top === r && m.left < deepest) {
        t = this.view.text(m.top, m.left);
        col = m.left;
      }
    }
    if (!t || typeof this.view.shown(r, col) !== "string") return null;
    return { text: t, col };
  }

  private indicator(r: number, nameCell: { text: string; col: number }, weight: NumberCell | null): Indicator {
    const { roles, view } = this;
    const unitText = roles.unit !== undefined ? view.text(r, roles.unit) : "";
    const natureText = roles.nature !== undefined ? view.text(r, roles.nature) : "";
    const cellValue = (c: number | undefined) =>
      c === undefined ? null : parseIndicatorValue(view.value(r, c), view.numberFormat(r, c), unitText || undefined);
    const target = cellValue(roles.target);
    const actual = roles.actual === undefined ? null : parseIndicatorValue(view.value(r, roles.actual), view.numberFormat(r, roles.actual));
    if (actual && actual.kind === "number" && !actual.unit && unitText && !actual.percent) actual.unit = norm(unitText);
    const nature = natureText ? readComparator(natureText) : null;
    if (target && nature && nature !== "qualitative" && !target.comparator) target.comparator = nature;
    const rawName = nameCell.text.replace(INDICATOR_PREFIX, "");
    const name = cleanName(splitGroupWeight(rawName).name);
    const basisText = roles.basis !== undefined ? view.text(r, roles.basis) : "";
    for (const g of this.openGroups) g.weight?.memberRows.push(r);
    const score = numberCell(view, r, roles.score);
    const ind: Indicator = {
      row: r,
      level1: this.level1,
      level2: nameCell.col === this.roles.level2 ? null : this.level2,
      name,
      nameCell: { row: r, col: nameCell.col },
      core: /[★☆※]/.test(nameCell.text),
      nature,
      target,
      targetCell: roles.target !== undefined ? { row: r, col: roles.target } : undefined,
      actual,
      actualCell: roles.actual !== undefined ? { row: r, col: roles.actual } : undefined,
      unit: unitText ? norm(unitText) : null,
      progress: roles.progress !== undefined ? parseIndicatorValue(view.value(r, roles.progress), view.numberFormat(r, roles.progress)) : null,
      weight,
      score,
      basis: basisText ? { text: basisText, pos: { row: r, col: roles.basis! } } : null,
      explain: roles.explain !== undefined ? view.text(r, roles.explain) || null : null,
      direction: "unknown",
    };
    ind.direction = directionOf(nature, target, name, ind.level2);
    if (this.openSubtotal) this.openSubtotal.memberRows.push(r);
    return ind;
  }

  private summary(r: number, kind: "subtotal" | "total", label: { text: string; col: number }): SummaryRow {
    let weight = numberCell(this.view, r, this.roles.weight);
    let score = numberCell(this.view, r, this.roles.score);
    if (!weight && !score) {
      // Figures shifted out of their columns (PDF conversions): take the row's numbers in order.
      const nums = numbersInRow(this.view, r, label.col + 1, this.header.right + 1);
      if (nums.length >= 2) [weight, score] = [nums[nums.length - 2], nums[nums.length - 1]];
      else if (nums.length === 1) weight = nums[0];
    }
    const memberRows = this.out.indicators.filter((i) => i.row > this.lastBoundary).map((i) => i.row);
    return {
      kind,
      row: r,
      label: tidy(label.text),
      labelCell: { row: r, col: label.col },
      weight,
      score,
      memberRows: kind === "total" ? this.out.indicators.map((i) => i.row) : memberRows,
      subtotalRows: kind === "total" ? this.out.subtotals.map((s) => s.row) : [],
    };
  }

  private subtotalRow(r: number, label: { text: string; col: number }): void {
    this.closeSubtotal();
    const row = this.summary(r, "subtotal", label);
    if (SUBTOTAL_LABEL.test(key(label.text))) {
      // 小计 closes the rows above it.
      this.out.subtotals.push(row);
      this.lastBoundary = r;
    } else {
      row.memberRows = [];
      this.openSubtotal = row;
      this.level1 = cleanName(label.text.replace(/[:：]\s*$/, ""));
      this.level2 = null;
    }
  }

  private closeSubtotal(): void {
    if (!this.openSubtotal) return;
    this.out.subtotals.push(this.openSubtotal);
    this.lastBoundary = this.openSubtotal.memberRows.at(-1) ?? this.openSubtotal.row;
    this.openSubtotal = null;
  }

  private gradeBelow(r: number): ReturnType<typeof readGrade> {
    for (let rr = r; rr <= Math.min(r + 3, this.view.bottom); rr++) {
      const g = readGrade(this.view, rr, this.view.left, this.view.right);
      if (g) {
        this.out.bottom = Math.max(this.out.bottom, rr);
        return g;
      }
    }
    return null;
  }
}

/** Reads the rows under a header until the table ends. */
export function readBody(view: SheetView, header: Header): Body {
  return new BodyReader(view, header).read();
}
