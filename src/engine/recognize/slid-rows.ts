/**
 * Step 4b — indicator rows slid a column by a PDF conversion. A conversion that drops a cell (a
 * lost 二级 merge) or adds one slides a row's cells under the next titles: its 分值 reads as text
 * ("100%", "20年") or holds the 得分, and its 得分 reads as blank. Such a row is read one column
 * over only when the arithmetic proves it: there its 分值 and 得分 are figures (得分 ≤ 分值), and
 * with it the rows add up to the total row's stated weight and score, which they do not as it stands.
 */
import type { SheetView } from "../grid/sheet-view";
import type { Decimal } from "decimal.js";
import type { ColumnMap, Doubt, Indicator } from "../model";
import { placesOf, round, sum } from "../values/decimal";
import { readNumber } from "../values/number-text";
import type { Body } from "./fold";
import { readIndicator } from "./indicator";
import type { TableFrame } from "./rows";

type Slide = 1 | -1;

/** The funds block's own points, counted in the total row beside the indicators'. */
export interface FundsPoints {
  weight: Decimal | null;
  score: Decimal | null;
}

export function realignSlidRows(view: SheetView, frame: TableFrame, body: Body, funds: FundsPoints): { body: Body; doubts: Doubt[] } {
  const unchanged = { body, doubts: [] };
  const declaredWeight = body.total?.weight?.value ?? null;
  const declaredScore = body.total?.score?.value ?? null;
  if (!declaredWeight && !declaredScore) return unchanged;
  const slides = new Map<number, Slide>();
  body.indicators.forEach((ind, i) => {
    const s = symptomatic(ind) ? slideOf(view, frame, ind.row) : null;
    if (s) slides.set(i, s);
  });
  if (slides.size === 0) return unchanged;
  const realigned = body.indicators.map((ind, i) => {
    const s = slides.get(i);
    return s ? reread(view, frame.columns, ind, s, body.indicators[i - 1]) : ind;
  });
  const adds = (inds: Indicator[], declared: Decimal | null, pick: (i: Indicator) => Decimal | null | undefined, own: Decimal | null) => {
    if (!declared) return null;
    const total = sum([...inds.filter((i) => !i.adjustment).map(pick), own]);
    return round(total, placesOf(declared)).eq(declared);
  };
  const before = [adds(body.indicators, declaredWeight, (i) => i.weight?.value, funds.weight), adds(body.indicators, declaredScore, (i) => i.score?.value, funds.score)];
  const after = [adds(realigned, declaredWeight, (i) => i.weight?.value, funds.weight), adds(realigned, declaredScore, (i) => i.score?.value, funds.score)];
  // Proven when a total the rows missed is met one column over, and none they met is lost.
  const proven = before.some((ok, k) => ok === false && after[k] === true) && !before.some((ok, k) => ok === true && after[k] === false);
  if (!proven) return unchanged;
  // The other total still off: the slide is the likelier reading, but not proof enough to accuse it.
  const stillOff = after.includes(false);
  const doubts: Doubt[] = [...slides].map(([i, s]) => {
    const side = s > 0 ? { zh: "右", en: "right" } : { zh: "左", en: "left" };
    const name = realigned[i].name;
    return {
      pos: realigned[i].weight?.pos ?? realigned[i].nameCell,
      message: stillOff
        ? {
            zh: `“${name}”一行的内容较表头向${side.zh}错位一列（疑为转换时移位），已按错位后的列读取；总计行仍与各行之和不符，未作核对`,
            en: `the row of “${name}” sits a column ${side.en} of its titles (shifted in a conversion) and was read there; the total row still differs from the rows and was not checked`,
          }
        : {
            zh: `“${name}”一行的内容较表头向${side.zh}错位一列（疑为转换时移位）；按错位后的列读取，各行分值、得分之和与总计行相符`,
            en: `the row of “${name}” sits a column ${side.en} of its titles (shifted in a conversion); read there, the rows add up to the total row`,
          },
      ...(stillOff ? { suppresses: ["total-mismatch", "grade-mismatch"] } : {}),
    };
  });
  return { body: { ...body, indicators: realigned }, doubts };
}

/** A row whose 分值 or 得分 could not be read: what a slide leaves behind. */
function symptomatic(ind: Indicator): boolean {
  return !ind.adjustment && (!ind.weight?.value || !ind.score?.value);
}

/** The one slide under which the row's 分值 and 得分 are figures, 得分 no more than 分值. */
function slideOf(view: SheetView, frame: TableFrame, row: number): Slide | null {
  const { weight, score } = frame.columns.roles;
  if (weight === undefined || score === undefined) return null;
  const fits = (s: Slide) => {
    const [w, sc] = [weight + s, score + s];
    if (Math.min(w, sc) < frame.left || Math.max(w, sc) > frame.right) return false;
    const points = readNumber(view.value(row, w));
    const got = readNumber(view.value(row, sc));
    return !!points?.gt(0) && !!got && !got.isNeg() && got.lte(points);
  };
  const found = ([1, -1] as const).filter(fits);
  return found.length === 1 ? found[0] : null;
}

/**
 * The row read with every title a column over. Slid left, the cell a lost merge left out was the
 * 二级's, so the row stays in the group above; its name is the one now under the name title.
 */
function reread(view: SheetView, columns: ColumnMap, ind: Indicator, s: Slide, previous: Indicator | undefined): Indicator {
  const roles = Object.fromEntries(Object.entries(columns.roles).map(([role, c]) => [role, (c as number) + s]));
  const shifted: ColumnMap = { ...columns, roles, nameCols: columns.nameCols.map((c) => c + s) };
  const innermost = Math.max(...columns.nameCols, ind.nameCell.col);
  const nameText = view.text(ind.row, innermost + s);
  const name = nameText && readNumber(view.value(ind.row, innermost + s)) === null ? { text: nameText, col: innermost + s } : { text: view.text(ind.row, ind.nameCell.col), col: ind.nameCell.col };
  const level2 = s < 0 && previous && previous.level1 === ind.level1 ? previous.level2 : ind.level2;
  return readIndicator(view, shifted, ind.row, name, { level1: ind.level1, level2 });
}
