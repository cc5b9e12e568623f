/**
 * Step 7 — evidence before accusation: do the weight and score columns behave as their titles say?
 * Scores stay at or below their weights; when most rows have the score above the weight, the two
 * columns are probably the other way round. If the figures prove it (the "scores" add up to the
 * full 100 and the "weights" do not), the columns are swapped; otherwise the doubt is recorded and
 * the score-versus-weight rules stay silent rather than accuse every row.
 */
import type { ColumnMap, Doubt } from "../model";
import { sum } from "../values/decimal";
import type { Body } from "./fold";

export interface RoleEvidence {
  /** Read the weight column as scores and the score column as weights. */
  swap: boolean;
  doubts: Doubt[];
}

const SCORE_RULES = ["score-exceeds-weight", "score-off-rule", "full-score-below-target", "unexplained-deduction"];

export function weighScoreColumns(body: Body, columns: ColumnMap): RoleEvidence {
  const none: RoleEvidence = { swap: false, doubts: [] };
  const { weight, score } = columns.roles;
  if (weight === undefined || score === undefined) return none;
  const pairs = body.indicators.filter((i) => i.weight?.value && i.score?.value);
  const above = pairs.filter((i) => i.score!.value!.gt(i.weight!.value!)).length;
  const below = pairs.filter((i) => i.score!.value!.lt(i.weight!.value!)).length;
  if (above < 2 || above <= below || above * 2 < pairs.length) return none;
  const weights = sum(pairs.map((i) => i.weight!.value));
  const scores = sum(pairs.map((i) => i.score!.value));
  const full = body.total?.weight?.value ?? null;
  const scoresAreWeights = (scores.eq(100) || scores.eq(90) || (full !== null && scores.eq(full))) && !weights.eq(100) && !weights.eq(90);
  const pos = { row: pairs[0].row, col: score };
  if (scoresAreWeights)
    return {
      swap: true,
      doubts: [
        {
          pos,
          message: {
            zh: `“得分”列合计为${scores.toFixed()}分、且大多高于“分值”列，两列应是标反了，已按“分值”与“得分”互换读取`,
            en: `the "score" column adds up to ${scores.toFixed()} and is mostly above the "weight" column: the two were read the other way round`,
          },
        },
      ],
    };
  return {
    swap: false,
    doubts: [
      {
        pos,
        message: {
          zh: `${pairs.length}行中有${above}行得分高于分值，“分值”与“得分”两列可能标反，未逐行核查得分是否超过分值`,
          en: `${above} of ${pairs.length} rows score above their weight: the weight and score columns may be swapped, so scores were not checked against weights`,
        },
        suppresses: SCORE_RULES,
      },
    ],
  };
}

/** The body and columns with the weight and score columns exchanged. */
export function swapScoreColumns(body: Body, columns: ColumnMap): { body: Body; columns: ColumnMap } {
  const roles = { ...columns.roles, weight: columns.roles.score, score: columns.roles.weight };
  const swap = <T extends { weight: unknown; score: unknown }>(x: T): T => ({ ...x, weight: x.score, score: x.weight });
  return {
    columns: { ...columns, roles },
    body: {
      ...body,
      indicators: body.indicators.map(swap),
      subtotals: body.subtotals.map(swap),
      total: body.total ? swap(body.total) : null,
    },
  };
}
