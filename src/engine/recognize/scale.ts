/**
 * Step 6 — the weight scale. Weights are written in points (10, "10分", "１０"), as fractions of 1
 * (0.05 … adding to 1) or as percentages ("10%", 0.1 formatted as %); scores are nearly always in
 * points. The model holds weights in points: this step says which scale was read and converts, and
 * where the figures do not tell, records a doubt instead of guessing.
 */
import type { Decimal } from "decimal.js";
import type { SheetView } from "../grid/sheet-view";
import { norm } from "../text/normalize";
import type { Doubt, FundsBlock, NumberCell, ScoringTable, SummaryRow } from "../model";
import { Dec, HUNDRED, sum } from "../values/decimal";
import type { Body } from "./fold";

export type WeightScale = Exclude<NonNullable<ScoringTable["weightScale"]>, "relative">;

export interface ScaleReading {
  scale: WeightScale;
  /** Multiplier turning weights as read into points (100 for fractions). */
  weightFactor: Decimal;
  /** Multiplier for scores (100 only when the scores are fractions of their fractional weights too). */
  scoreFactor: Decimal;
  doubts: Doubt[];
}

/** Rules whose findings rest on reading the weights in the right scale. */
const WEIGHT_RULES = ["weights-sum", "weight-structure", "score-exceeds-weight", "score-off-rule", "full-score-below-target", "unexplained-deduction"];

const ONE = new Dec(1);
const ROUNDING = new Dec("0.005");

/** A weight cell written as a percentage: "10%" as text, or 0.1 under a % number format. */
function percentPoints(view: SheetView, cell: NumberCell): Decimal | null {
  const v = view.value(cell.pos.row, cell.pos.col);
  if (typeof v === "number") return (view.numberFormat(cell.pos.row, cell.pos.col) ?? "").includes("%") ? new Dec(v).times(100) : null;
  if (typeof v !== "string") return null;
  const m = /^(\d+(?:\.\d+)?)%$/.exec(norm(v));
  return m ? new Dec(m[1]) : null;
}

/**
 * @param fundsWeight the 分值 of the table's own funds block, which is on the indicators' scale when
 * it is a fraction too (0.1 beside indicator weights adding up to 0.9).
 */
export function readScale(view: SheetView, body: Body, headerSaysPercent: boolean, fundsWeight: Decimal | null = null): ScaleReading {
  const points: ScaleReading = { scale: "points", weightFactor: ONE, scoreFactor: ONE, doubts: [] };
  const cells = body.indicators.map((i) => i.weight).filter((w): w is NumberCell => !!w && (w.value !== null || !!w.unreadable));
  if (cells.length === 0) return points;
  const percents = cells.map((c) => percentPoints(view, c));
  if (percents.every((p) => p !== null)) return { ...points, scale: "percent" };
  const values = cells.map((c) => c.value).filter((v): v is Decimal => v !== null);
  if (values.length === 0 || values.some((v) => v.gt(1) || v.isNeg()) || values.every((v) => v.isInteger()))
    return headerSaysPercent ? { ...points, scale: "percent" } : points;
  // Every weight is at most 1 and some have decimals: fractions of 1, if they add up to 1.
  const total = sum(values).plus(fundsWeight && fundsWeight.lte(1) ? fundsWeight : 0);
  const declared = body.total?.weight?.value ?? null;
  const addsToOne = total.minus(1).abs().lte(ROUNDING) || (declared !== null && declared.eq(1));
  if (!addsToOne) {
    return {
      ...points,
      doubts: [
        {
          pos: cells[0].pos,
          message: {
            zh: `各指标权重均不大于1，合计为${total.toFixed()}，无法判断是以1为满分的比例还是分值，未按权重核查`,
            en: `every weight is at most 1 and they add up to ${total.toFixed()}: fractions of 1 or points cannot be told apart, so weights were not checked`,
          },
          suppresses: WEIGHT_RULES,
        },
      ],
    };
  }
  const scores = body.indicators.filter((i) => i.score?.value && i.weight?.value);
  const fractionScores = scores.length > 0 && scores.every((i) => i.score!.value!.lte(i.weight!.value!)) && sum(scores.map((i) => i.score!.value)).lte(1);
  return { scale: "fraction", weightFactor: HUNDRED, scoreFactor: fractionScores ? HUNDRED : ONE, doubts: [] };
}

/** The body with weights (and, when fractional too, scores) in points. */
/** The funds block's 分值 and 得分 on the indicators' scale, as points. */
export function fundsToPoints(view: SheetView, funds: FundsBlock, s: ScaleReading): FundsBlock {
  const w = funds.weight;
  if (!w) return funds;
  // "10%" typed as text beside weights in points is 10 of the 100 points all the same.
  if (s.scale === "percent" || !w.value) {
    const p = percentPoints(view, w);
    return p ? { ...funds, weight: { ...w, value: p, unreadable: undefined } } : funds;
  }
  if (s.scale !== "fraction" || !w.value?.lte(1)) return funds;
  const score = funds.score?.value?.lte(w.value) ? { ...funds.score, value: funds.score.value.times(HUNDRED) } : funds.score;
  return { ...funds, weight: { ...w, value: w.value.times(HUNDRED) }, score };
}

export function toPoints(view: SheetView, body: Body, s: ScaleReading): Body {
  const weight = (c: NumberCell | null): NumberCell | null => {
    if (!c) return c;
    if (s.scale === "percent") {
      const p = percentPoints(view, c);
      return p ? { ...c, value: p, unreadable: undefined } : c;
    }
    return c.value && !s.weightFactor.eq(1) ? { ...c, value: c.value.times(s.weightFactor) } : c;
  };
  const score = (c: NumberCell | null): NumberCell | null => {
    if (!c) return c;
    // Scores formatted as % beside weights in % (0.3333 shown 33.33%) are points the same way.
    if (s.scale === "percent") {
      const p = percentPoints(view, c);
      if (p) return { ...c, value: p, unreadable: undefined };
    }
    return c.value && !s.scoreFactor.eq(1) ? { ...c, value: c.value.times(s.scoreFactor) } : c;
  };
  const summary = (row: SummaryRow): SummaryRow => ({ ...row, weight: weight(row.weight), score: score(row.score) });
  return {
    ...body,
    indicators: body.indicators.map((i) => ({ ...i, weight: weight(i.weight), score: score(i.score) })),
    subtotals: body.subtotals.map(summary),
    total: body.total ? summary(body.total) : null,
  };
}

