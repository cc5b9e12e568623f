/**
 * Step 9 — tables split over sheets. PDF converters often put each page on a sheet of its own
 * ("Table 1", "Table 2"): the first part ends at its sheet's end without a total row, the second
 * starts at the top of the next sheet under the same header and carries the total. Each part alone
 * looks short of weights; together they make the total. The parts are linked by that arithmetic
 * only, and their total checks are left to the pair.
 */
import type { Decimal } from "decimal.js";
import type { SheetSnapshot } from "../grid/types";
import type { Doubt, ScoringTable } from "../model";
import { Dec, show, sum } from "../values/decimal";
import { FULL_MARKS } from "../standards";
import { key } from "../text/normalize";
import { CONTINUATION_LABEL } from "../text/vocabulary";

/** The checks that a part's own sums would mislead. */
const PAIR_RULES = ["weights-sum", "total-mismatch", "subtotal-mismatch", "weight-structure", "grade-mismatch", "formula-range"];
/** How near its sheet's last row a first part must end, and its sequel begin after the first. */
const EDGE_ROWS = 4;

export function linkPagesAcrossSheets(sheets: SheetSnapshot[], tables: ScoringTable[]): ScoringTable[] {
  const out = [...tables];
  const scoring = (name: string) => out.filter((t) => t.sheet === name && t.kind === "scoring");
  for (let i = 0; i + 1 < sheets.length; i++) {
    const [sa, sb] = [sheets[i], sheets[i + 1]];
    const a = scoring(sa.name).at(-1);
    const b = scoring(sb.name)[0];
    if (a && !a.total && endsNear(a, sa) && !b && figuresAtTop(sb, a)) {
      // The next page's rows came over without their header: they cannot be read, and this part's
      // sums are not the table's.
      out[out.indexOf(a)] = {
        ...a,
        doubts: [
          ...(a.doubts ?? []),
          {
            pos: { row: a.headerRows[0], col: a.range.left },
            message: {
              zh: `表格在本工作表末尾没有合计行，工作表“${sb.name}”开头的各行似为其续页（分页转换所致，无表头），合计类核查未进行`,
              en: `the table ends at the bottom of its sheet without a total row, and the rows at the top of sheet “${sb.name}” look like its next page (no header, from a page conversion): total checks were not made`,
            },
            suppresses: PAIR_RULES,
          },
        ],
      };
      continue;
    }
    if (!a || !b || a.total || !endsNear(a, sa) || b.range.top > sb.top + EDGE_ROWS || !sameColumns(a, b)) continue;
    const wa = weights(a);
    const wb = weights(b);
    if (!wa || !wb || wa.eq(FULL_MARKS)) continue;
    const declared = b.total?.weight?.value ?? FULL_MARKS;
    if (!wa.plus(wb).eq(declared)) continue;
    const scoreSum = scores(a) && scores(b) ? scores(a)!.plus(scores(b)!) : null;
    const declaredScore = b.total?.score?.value ?? null;
    const differs = !!declaredScore && !!scoreSum && !scoreSum.eq(declaredScore);
    const doubt = (t: ScoringTable, other: string): Doubt => ({
      pos: { row: t.headerRows[0], col: t.range.left },
      message: {
        zh: `与工作表“${other}”中的表格为同一张表，分页转换时被分到两个工作表；两部分权重合计${show(wa.plus(wb))}分${scoreSum ? `、得分合计${show(scoreSum)}分` : ""}${differs ? `，与合计行得分${show(declaredScore)}分不一致，请核对` : ""}；合计类核查按两部分合并判断`,
        en: `one table with the one on sheet “${other}”, split over two sheets by a page conversion; together the weights add up to ${show(wa.plus(wb))}${scoreSum ? ` and the scores to ${show(scoreSum)}` : ""}${differs ? `, not the total row's ${show(declaredScore)}: please check` : ""}; total checks are judged on the two parts together`,
      },
      suppresses: PAIR_RULES,
    });
    out[out.indexOf(a)] = { ...a, doubts: [...(a.doubts ?? []), doubt(a, sb.name)] };
    out[out.indexOf(b)] = { ...b, doubts: [...(b.doubts ?? []), doubt(b, sa.name)] };
  }
  return out;
}

function endsNear(t: ScoringTable, s: SheetSnapshot): boolean {
  const last = s.top + s.values.length - 1;
  return t.range.bottom >= last - EDGE_ROWS;
}

function sameColumns(a: ScoringTable, b: ScoringTable): boolean {
  const shape = (t: ScoringTable) => JSON.stringify(Object.entries(t.columns.roles).sort());
  return shape(a) === shape(b);
}

const weights = (t: ScoringTable): Decimal | null =>
  t.indicators.some((i) => i.weight?.value) ? sum(t.indicators.map((i) => i.weight?.value ?? null)).plus(t.funds?.weight?.value ?? new Dec(0)) : null;
const scores = (t: ScoringTable): Decimal | null =>
  t.indicators.some((i) => i.score?.value) ? sum(t.indicators.map((i) => i.score?.value ?? null)).plus(t.funds?.score?.value ?? new Dec(0)) : null;

/** Whether the next sheet opens with rows of figures in the weight and score columns of the table before it. */
function figuresAtTop(s: SheetSnapshot, t: ScoringTable): boolean {
  const { weight, score } = t.columns.roles;
  if (weight === undefined) return false;
  const cell = (r: number, c: number | undefined) => (c === undefined ? null : s.values[r]?.[c - s.left]);
  // The sheet must open with those figures: a title or a header of its own makes it another table.
  // A 续表 line (续表, （续表）, …自评表（续）) may stand above them.
  const continuation = (row: unknown[]) => row.some((v) => typeof v === "string" && (CONTINUATION_LABEL.test(key(v)) || /[(（]续表?[)）]$/.test(v.trim())));
  const first = s.values.findIndex((row) => row.some((v) => v !== null && v !== "") && !continuation(row));
  if (first < 0 || typeof cell(first, weight) !== "number") return false;
  let rows = 0;
  for (let r = first; r < Math.min(s.values.length, first + EDGE_ROWS + 2); r++) {
    if (typeof cell(r, weight) === "number" && (score === undefined || typeof cell(r, score) === "number")) rows++;
  }
  return rows >= 2;
}
