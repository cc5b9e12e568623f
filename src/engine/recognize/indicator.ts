/** Reads one indicator row's cells into the model: target, actual and unit, weight, score, basis. */
import type { SheetView } from "../grid/sheet-view";
import { key, norm } from "../text/normalize";
import { ADJUSTMENT_LABEL } from "../text/vocabulary";
import type { ColumnMap, Indicator, NumberCell } from "../model";
import { parseIndicatorValue, readComparator, type IndicatorValue } from "../values/indicator-value";
import { numberCell, scoreOutOf } from "./cells";
import { Dec } from "../values/decimal";
import { directionAssumed, directionOf } from "./direction";
import { indicatorName, isCore, splitGroupWeight } from "./names";
import type { LabelCell } from "./rows";

export interface Levels {
  level1: string | null;
  level2: string | null;
}

export function readIndicator(view: SheetView, columns: ColumnMap, row: number, name: LabelCell, levels: Levels): Indicator {
  const { roles } = columns;
  const unitText = roles.unit !== undefined ? view.text(row, roles.unit) : "";
  const unit = unitText ? norm(unitText) : null;
  const natureText = roles.nature !== undefined ? view.text(row, roles.nature) : "";
  const valueAt = (c: number | undefined, withUnit: boolean) =>
    c === undefined ? null : parseIndicatorValue(view.value(row, c), view.numberFormat(row, c), withUnit ? unitText || undefined : undefined);
  const target = valueAt(roles.target, true);
  const actual = applyUnitColumn(valueAt(roles.actual, false), unit);
  const nature = natureText ? readComparator(natureText) : null;
  if (target && nature && nature !== "qualitative" && !target.comparator) target.comparator = nature;
  const ownName = indicatorName(name.text);
  // A 加分项's "5分" is the most it may add, not an indicator's weight among the 100.
  const adjustment = [indicatorName(name.text), levels.level1 ?? "", levels.level2 ?? ""].some((t) => ADJUSTMENT_LABEL.test(t.trim()));
  const ownWeight = roles.weight !== undefined ? numberCell(view, row, roles.weight) : weightInName(name, row);
  const weight = adjustment ? null : ownWeight;
  // A 分值 cell merged down over several rows gives their points together, from its top row.
  const mergedWeight = roles.weight !== undefined ? view.merge(row, roles.weight) : null;
  const sharesWeight = !!mergedWeight && mergedWeight.top < row && mergedWeight.bottom > mergedWeight.top;
  const basisText = roles.basis !== undefined ? view.text(row, roles.basis) : "";
  const deduction = deductionCell(view, row, roles.deduction);
  const ownScore = fullMarks(scoreOutOf(view, numberCell(view, row, roles.score), weight?.value), weight, view);
  // A 扣分项 row whose points are only in the 扣分 column takes them off the total.
  const score = adjustment && !ownScore?.value && deduction?.value ? { ...deduction, value: deduction.value.negated() } : ownScore;
  const level2 = name.col === roles.level2 ? null : levels.level2;
  return {
    row,
    level1: levels.level1,
    level2,
    name: ownName,
    nameCell: { row, col: name.col },
    core: isCore(name.text),
    nature,
    target,
    targetCell: roles.target !== undefined ? { row, col: roles.target } : undefined,
    actual,
    actualCell: roles.actual !== undefined ? { row, col: roles.actual } : undefined,
    unit,
    progress: valueAt(roles.progress, false),
    weight,
    score,
    ...(deduction ? { deduction } : {}),
    basis: basisText ? { text: basisText, pos: { row, col: roles.basis! } } : null,
    explain: roles.explain !== undefined ? view.text(row, roles.explain) || null : null,
    direction: directionOf(nature, target, ownName, level2),
    ...(directionAssumed(nature, target, ownName, level2) ? { directionAssumed: true } : {}),
    ...(sharesWeight ? { weightShared: true } : {}),
    ...(adjustment ? { adjustment: { cap: ownWeight?.value ?? null } } : {}),
  };
}

/** A 扣分 cell as the points taken off: "0.5", "-0.5" and "扣0.5分" are all 0.5. */
export function deductionCell(view: SheetView, row: number, col: number | undefined): NumberCell | null {
  if (col === undefined) return null;
  const text = view.text(row, col).normalize("NFKC").replace(/^扣/, "").replace(/分$/, "");
  const cell = numberCell(view, row, col);
  const n = cell?.value ?? (/^-?\d+(\.\d+)?$/.test(text) ? new Dec(text) : null);
  return n === null ? cell : { ...(cell ?? { pos: { row, col } }), value: n.abs(), unreadable: undefined };
}

/** A 指标体系 without a weight column writes the weight in the name: "相关性(5分)". */
function weightInName(name: LabelCell, row: number): NumberCell | null {
  const { weight } = splitGroupWeight(name.text);
  return weight ? { value: weight, pos: { row, col: name.col } } : null;
}

/**
 * A 度量单位 column applies to the actual as to the target: "100" under unit "%" is 100%, so a
 * target of 100 (%) against an actual of 100 compares 100% with 100%.
 */
export function applyUnitColumn(actual: IndicatorValue | null, unit: string | null): IndicatorValue | null {
  if (!actual || actual.kind !== "number" || !unit || actual.unit || actual.percent) return actual;
  if (unit === "%") return { ...actual, unit: "%", percent: true };
  return { ...actual, unit };
}

/** "满分" written in the score cell is the indicator's weight. */
function fullMarks(score: NumberCell | null, weight: NumberCell | null, view: SheetView): NumberCell | null {
  if (!score || score.value || !weight?.value) return score;
  const text = view.value(score.pos.row, score.pos.col);
  return typeof text === "string" && /^(满分|得满分|全得|满)$/.test(key(text)) ? { ...score, value: weight.value, unreadable: undefined } : score;
}
