import type { Decimal } from "decimal.js";
import type { CellPos, CellRange } from "./grid/types";
import type { ColumnRole } from "./text/vocabulary";
import type { Comparator, IndicatorValue } from "./values/indicator-value";

export type Grade = "优" | "良" | "中" | "差";
export type Direction = "positive" | "reverse" | "equal" | "qualitative" | "unknown";

/** A number read from a cell, with where it came from. */
export interface NumberCell {
  value: Decimal | null;
  pos: CellPos;
  /** Cell text when it was not a number (error value or text), for missing-value messages. */
  unreadable?: string;
  formula?: string | null;
}

export interface TextCell {
  text: string;
  pos: CellPos;
}

export interface Indicator {
  row: number;
  level1: string | null;
  level2: string | null;
  /** The indicator's own name (三级, or the deepest name column present). */
  name: string;
  nameCell: CellPos;
  core: boolean;
  nature: Comparator | "qualitative" | null;
  target: IndicatorValue | null;
  targetCell?: CellPos;
  actual: IndicatorValue | null;
  actualCell?: CellPos;
  unit: string | null;
  progress: IndicatorValue | null;
  weight: NumberCell | null;
  score: NumberCell | null;
  /** The points taken off in a 扣分 column (as a positive figure; "-0.5" and "扣0.5分" alike). */
  deduction?: NumberCell | null;
  basis: TextCell | null;
  explain: string | null;
  direction: Direction;
  /**
   * Only the default made it positive: no ≥/≤, no 指标性质, no name that says. A miss read that way
   * is a judgement (PM2.5 or 药占比 count down), so rules may warn on it but not accuse.
   */
  directionAssumed?: boolean;
  /** The row's 分值 cell is covered by one merged down from a row above: that row's points are theirs together. */
  weightShared?: boolean;
  /** A 加分项/扣分项 row: its points sit outside the 100, and a total may count them or not. */
  adjustment?: { cap: Decimal | null };
}

/** One band of a grading scale a table states: scores from `min` up (above it when not inclusive). */
export interface GradeBand {
  /** The band's grade among 优/良/中/差, or null for words of another scale (合格, 好). */
  grade: Grade | null;
  word: string;
  min: Decimal;
  inclusive: boolean;
}

export interface SummaryRow {
  kind: "subtotal" | "total";
  row: number;
  label: string;
  labelCell: CellPos;
  weight: NumberCell | null;
  score: NumberCell | null;
  /** Rows of the indicators it sums (and, for a total over subtotals, their members too). */
  memberRows: number[];
  /** For totals: subtotal rows inside its span. */
  subtotalRows: number[];
}

export interface GroupWeight {
  level: 1 | 2;
  name: string;
  declared: Decimal;
  cell: CellPos;
  memberRows: number[];
}

export interface FundsBlock {
  range: CellRange;
  budget: NumberCell | null;
  initialBudget: NumberCell | null;
  executed: NumberCell | null;
  /** The rate as printed (percent figure, 93.2 for 93.2%). */
  statedRate: { value: Decimal; pos: CellPos } | null;
  weight: NumberCell | null;
  score: NumberCell | null;
  /** Source rows (本年财政拨款, 上年结转, 其他) and the total row, for the sum check. */
  budgetParts: NumberCell[];
  /** The 年度资金总额 row's figures sat a column right (1) or left (-1) of their titles and were read there. */
  slid?: 1 | -1;
}

export interface ColumnMap {
  roles: Partial<Record<ColumnRole, number>>;
  /** Name columns, outermost first (一级, 二级, 三级 — whichever exist). */
  nameCols: number[];
  /** Weight columns beside a 一级/二级 name column ("一级指标 | 权重 | 二级指标 | 分值 | …"). */
  levelWeights?: { level: 1 | 2; col: number }[];
  /** Further score columns beside the one checked (自评得分 beside 复核得分), with their titles. */
  otherScores?: { col: number; title: string }[];
}

/** A further score column's own total row figure and the sum of its rows (自评得分 beside 复核得分). */
export interface OtherScoreTotal {
  title: string;
  declared: NumberCell;
  sum: Decimal;
}

export interface ScoringTable {
  index: number;
  sheet: string;
  range: CellRange;
  headerRows: number[];
  columns: ColumnMap;
  /** "scoring" has weights or scores; "target" is a target/completion table without either. */
  kind: "scoring" | "target";
  hasWeights: boolean;
  hasScores: boolean;
  title: string | null;
  projectName: string | null;
  /** The year reported on (2023年…, （2023年度）), for deadlines written without one. */
  year?: number | null;
  indicators: Indicator[];
  subtotals: SummaryRow[];
  total: SummaryRow | null;
  groupWeights: GroupWeight[];
  funds: FundsBlock | null;
  declaredGrade: { grade: Grade; pos: CellPos } | null;
  /** The full marks a sub-table's title states when they are not 100 ("评分表（满分50分）"). */
  fullMarks?: Decimal;
  /** The grading scale stated beside the table, where it differs from the national bands ("unreadable": stated, not understood). */
  gradeScale?: GradeBand[] | "unreadable";
  /** Rows skipped as placeholders, 其中 rows or repeated headers (for display). */
  skippedRows: number[];
  /** Places of scores precision in the table (max decimals printed). */
  scorePlaces: number;
  weightPlaces: number;
  /**
   * How the weights were written: "points" (the usual 0–100), "fraction" (0.05 … summing to 1),
   * "percent" (10% or 0.1 formatted as %) or "relative" (二级/三级 weights given as shares of their
   * 一级, adding up to 100 inside each). Weight values in the model are always in points.
   */
  weightScale?: "points" | "fraction" | "percent" | "relative";
  /** What recognition could not decide with confidence; reported as info findings, never errors. */
  doubts?: Doubt[];
  /** Totals of the score columns beside the one checked, to hold them to their own total row. */
  otherScoreTotals?: OtherScoreTotal[];
  /**
   * Which form the table is, from its 一级 categories and title: the national project form
   * (产出 · 效益 · 满意度, 预算执行率 in the funds block — the only one the 50/30/10/10 split applies
   * to), a department-wide form (投入 · 过程 · 产出 · 效果, or a 部门整体 title), a financial or
   * third-party evaluation (决策 · 过程 · 产出 · 效益), a province's own project form (产出 · 效益 ·
   * 满意度 beside a funds block worth other than 10, such as 湖北's 20 + 80), or unknown.
   */
  form?: TableForm;
}

export type TableForm = "national-project" | "provincial-project" | "department" | "third-party" | "unknown";

/** Something recognition could not decide; never an error, and rules that rest on it stay silent. */
export interface Doubt {
  pos: CellPos;
  message: { zh: string; en: string };
  /** Ids of rules whose findings on this table would rest on the undecided reading. */
  suppresses?: string[];
}

/** Free text in the workbook outside tables, for narrative checks. */
export interface TextBlock {
  sheet: string;
  pos: CellPos;
  text: string;
  /** Built from a row's cells ("自评得分 | 93.5"): whether the label opens its row, not a part's name before it. */
  rowLabel?: boolean;
}
