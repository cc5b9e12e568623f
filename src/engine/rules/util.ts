import type { Decimal } from "decimal.js";
import type { Indicator, ScoringTable } from "../model";
import type { IndicatorCalc, TableCalc } from "../recalc/table-calc";
import type { CellPos } from "../grid/types";
import { Dec, placesOf, round, show } from "../values/decimal";
import { SCORE_SLACK_MIN } from "../standards";
import { ADJUSTMENT_LABEL } from "../text/vocabulary";

/** "“资金到位率”" — how messages name an indicator (mainland quotation marks). */
export function label(ind: Indicator): string {
  return `“${ind.name}”`;
}

export function labelEn(ind: Indicator): string {
  return `"${ind.name}"`;
}

/**
 * Whether a declared figure agrees with a computed one: after rounding the computed figure to the
 * declared one's precision (at least the table's), they differ by no more than the tolerance.
 */
/**
 * A row scored but with its 分值 left blank (missing-value says so): the weights' sum is not known,
 * and no weight total may rest on it.
 */
export function blankWeightScored(table: ScoringTable, calc: TableCalc): boolean {
  if (table.columns.roles.weight === undefined) return false;
  return table.indicators.some(
    (i) => !i.weight?.value && !!i.score?.value && !calc.groupWeightedRows.has(i.row) && !i.weightShared && !i.adjustment && !ADJUSTMENT_LABEL.test(i.name.trim()),
  );
}

/**
 * What rounding each of `rows` figures to `places` decimals may lose between them: equal shares
 * of 100 typed as 33.33 × 3 add up to 99.99. Only for figures of two or more decimals, where a
 * share was rounded; with one decimal or none (100 over 99.6) a gap is a slip, not rounding.
 */
export function roundingRoom(rows: number, places: number): Decimal {
  return places >= 2 ? new Dec(10).pow(-places).div(2).times(rows) : new Dec(0);
}

export function agrees(declared: Decimal, computed: Decimal, tablePlaces: number, tolerance: string, rows = 0): boolean {
  if (rows > 0 && declared.minus(computed).abs().lte(roundingRoom(rows, tablePlaces))) return true;
  // A total typed to one decimal over rows with two (88.1 for 88.07) is the same figure, rounded. A
  // whole number is not given that benefit: 100 over rows adding to 99.6 is the classic slip.
  const own = placesOf(declared);
  if (own >= 1 && own < tablePlaces && (round(computed, own).eq(declared) || computed.toDecimalPlaces(own, Dec.ROUND_DOWN).eq(declared))) return true;
  const places = Math.max(own, tablePlaces);
  return round(computed, places).minus(declared).abs().lte(new Dec(tolerance));
}

/** Half a unit of the table's last printed decimal: what rounding a score to it may lose. */
export function roundingSlack(table: ScoringTable): Decimal {
  return Dec.max(SCORE_SLACK_MIN, new Dec(10).pow(-table.scorePlaces).div(2));
}

export { show };

/**
 * Whether some indicator's weight (or score) cell holds something that is not a number (#DIV/0!,
 * "二十分左右"): the column's sum is then not known, and no check may rest on it (missing-value
 * reports the cell itself).
 */
export function unreadableIn(table: ScoringTable, which: "weight" | "score", rows?: number[]): boolean {
  const cells = table.indicators.filter((i) => !rows || rows.includes(i.row)).map((i) => i[which]);
  if (!rows) cells.push(table.funds?.[which] ?? null);
  return cells.some((c) => !!c && c.value === null && !!c.unreadable);
}

/** Reason words in 评分依据 / 偏差原因: a deduction explained. */
const REASON =
  /(扣|减分|未|不足|偏差|原因|问题|滞后|延迟|延期|推迟|拖延|超支|超出|低于|较低|不到位|不及时|不够|欠缺|欠|缺少|缺乏|仅|只有|存在|个别|部分|影响|差距|有待|尚需|仍需|还需|亟需|需进一步|需要进一步|加强|加大|完善|改进|下一步|今后|由于|因为|导致|造成|疫情|调整|变更|没有)/;

/** What units write where nothing is explained: 无, —, 已完成, 达标 … */
const NO_REASON = /^(无|没有|暂无|无偏差|无差异|无差错|不存在偏差|无问题|未发现问题|[—–\-/\\0]|是|否|正常|良好|达标|已达标|符合|(已)?(全部|全面|按期|按时|按计划)?(完成|达成|实现)(年度)?(目标|任务|指标|目标值)?)$/;

export function givesReason(text: string | null | undefined): boolean {
  if (!text) return false;
  const bare = text.replace(/[\s。.，,；;！!]/g, "");
  if (!bare || NO_REASON.test(bare)) return false;
  // A criterion restated ("是否有效预防和减少…") explains nothing, unless it says what went wrong.
  if (/^是否/.test(bare)) return /扣|未|原因/.test(bare);
  return REASON.test(text.replace(/无差错|无偏差|不存在/g, ""));
}

/** Indicators with both a weight and a score, with their figures read once for the rules. */
export function scoredIndicators(calc: TableCalc): { c: IndicatorCalc; ind: Indicator; w: Decimal; s: Decimal; pos: CellPos }[] {
  const out = [];
  for (const c of calc.indicators) {
    const w = c.indicator.weight?.value;
    const s = c.indicator.score?.value;
    if (w && s && c.indicator.score) out.push({ c, ind: c.indicator, w, s, pos: c.indicator.score.pos });
  }
  return out;
}
