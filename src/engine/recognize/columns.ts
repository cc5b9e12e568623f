/**
 * Step 2 — map columns to roles: the header's words first, then evidence from the values below
 * (a column of short names left of 二级 is 一级; of two columns both titled like weights, the one
 * whose figures add up like weights is the weight column).
 */
import type { Decimal } from "decimal.js";
import type { SheetView } from "../grid/sheet-view";
import { key } from "../text/normalize";
import { SCORE_COLUMN_RANK, type ColumnRole } from "../text/vocabulary";
import { isTotalLabel } from "./names";
import type { ColumnMap, Doubt } from "../model";
import { readNumber } from "../values/number-text";
import { Dec } from "../values/decimal";
import type { HeaderCandidate } from "./locate";

export interface ColumnReading {
  columns: ColumnMap;
  /** Leftmost column of the table (a 一级 column adopted from values may widen it). */
  left: number;
  doubts: Doubt[];
}

const NAME_ROLES: ColumnRole[] = ["level1", "level2", "level3"];
const LOOK_AHEAD = 60;

export function mapColumns(view: SheetView, found: HeaderCandidate): ColumnReading {
  const titled = levelTitledWeights(view, found);
  const header = titled.size ? { ...found, words: found.words.map((w) => (titled.has(w.col) ? { ...w, role: "weight" as const } : w)) } : found;
  const roles: Partial<Record<ColumnRole, number>> = {};
  for (const w of header.words) if (roles[w.role] === undefined && w.role !== "weight") roles[w.role] = w.col;
  // "绩效目标 | 指标名称 | 目标值": a column titled 目标值/指标值 holds the targets, not the goals beside it.
  const valued = header.words.find((w) => w.role === "target" && /(指标值|目标值)/.test(key(view.text(header.rows[0], w.col) || view.text(header.rows[header.rows.length - 1], w.col))));
  if (valued) roles.target = valued.col;
  // A target adjusted during the year (调整后指标值, 年度指标值（调整后）) is the one the actual is held to.
  const adjusted = header.words.find((w) => w.role === "target" && /调整/.test(headerText(view, header, w.col)));
  if (adjusted) roles.target = adjusted.col;
  // 三级指标 and 四级指标 both: the 四级 names the indicators, the 三级 groups them (as 二级 does elsewhere).
  const deepest = header.words.filter((w) => w.role === "level3");
  if (deepest.length >= 2) {
    roles.level2 = deepest[deepest.length - 2].col;
    roles.level3 = deepest[deepest.length - 1].col;
  }
  const doubts: Doubt[] = [];
  const score = chooseScoreColumn(view, header, doubts);
  if (score !== undefined) roles.score = score;
  const otherScores = header.words
    .filter((w) => w.role === "score" && w.col !== score && !scoresALevel(header, w.col))
    .map((w) => ({ col: w.col, title: headerText(view, header, w.col) }));
  let left = header.left;
  const adopted = level1FromValues(view, header, roles);
  if (adopted !== null) {
    roles.level1 = adopted;
    left = Math.min(left, adopted);
  }
  const nameCols = NAME_ROLES.map((r) => roles[r]).filter((c): c is number => c !== undefined);
  const { levelWeights, weightCols } = splitWeightColumns(header, roles, nameCols, titled);
  if (weightCols.length === 1) roles.weight = weightCols[0];
  else if (weightCols.length > 1) chooseWeightColumn(view, header, roles, weightCols, doubts);
  return { columns: { roles, nameCols, ...(levelWeights.length ? { levelWeights } : {}), ...(otherScores.length ? { otherScores } : {}) }, left, doubts };
}

/** A header column's own words, over all header rows (a merged title counts once). */
function headerText(view: SheetView, header: HeaderCandidate, col: number): string {
  const parts: string[] = [];
  for (const r of header.rows) {
    const m = view.merge(r, col);
    const t = m ? view.text(m.top, m.left) : view.text(r, col);
    if (t && !parts.includes(t)) parts.push(t);
  }
  return parts.join("").replace(/\s+/g, "");
}

/**
 * Several score columns (自评得分 and 评价得分, 指标得分（百分制） and 加权得分): the table's result is
 * the weighted or the reviewer's one. Said as a doubt, since the other column is not checked.
 */
function chooseScoreColumn(view: SheetView, header: HeaderCandidate, doubts: Doubt[]): number | undefined {
  const cols = header.words.filter((w) => w.role === "score").map((w) => w.col);
  if (cols.length < 2) return cols[0];
  const texts = cols.map((c) => headerText(view, header, c));
  // A title merged over several columns (专家评分 over 专家1 | 专家2 | 专家3) heads the scorers, not the result;
  // a column left empty (复核得分 not yet filled in) is no result either.
  const spread = (c: number) =>
    header.rows.some((r) => {
      const m = view.merge(r, c);
      return !!m && m.right > m.left && m.left === c;
    }) || titlesScorersBelow(view, header, c);
  const empty = (c: number) => columnFigures(view, header, c).length === 0;
  const rank = (i: number) => (empty(cols[i]) ? -2 : spread(cols[i]) || scoresALevel(header, cols[i]) ? -1 : (SCORE_COLUMN_RANK.find((x) => x.words.test(key(texts[i])))?.rank ?? 1));
  let best = 0;
  cols.forEach((_, i) => {
    if (rank(i) > rank(best)) best = i;
  });
  const others = texts.filter((_, i) => i !== best);
  doubts.push({
    pos: { row: header.rows[0], col: cols[best] },
    message: {
      zh: `表中有${cols.length}列得分（${texts.map((t) => `“${t}”`).join("、")}），按“${texts[best]}”核查，${others.map((t) => `“${t}”`).join("、")}未核查`,
      en: `the table has ${cols.length} score columns (${texts.join(", ")}); “${texts[best]}” is checked, not ${others.join(", ")}`,
    },
  });
  return cols[best];
}

/**
 * "一级指标 | 分值 | 得分 | 二级指标 | 分值 | 得分 | 三级指标 | 分值 | 得分": a 得分 with a name column to
 * its right scores the 一级/二级 on its left, as a weight column there weighs them.
 */
function scoresALevel(header: HeaderCandidate, col: number): boolean {
  return header.words.some((w) => NAME_ROLES.includes(w.role) && w.col > col);
}

/**
 * "专家评分" over 专家1 | 专家2 | 专家3 with its merge lost: the title's row is empty to its right
 * while the row under it names each column.
 */
function titlesScorersBelow(view: SheetView, header: HeaderCandidate, c: number): boolean {
  const top = header.rows[0];
  const below = top + 1;
  if (view.text(top, c) === "" || view.text(top, c + 1) !== "") return false;
  return view.text(below, c) !== "" && view.text(below, c + 1) !== "";
}

const LEVEL_WEIGHT_TITLE = /^([一二三四])级(?:指标)?(?:分值|权重|权数|标准分|满分)$|^(?:指标)?(?:分值|权重|权数|标准分|满分)([一二三四])级(?:指标)?$/;
const LEVEL_NAME_TITLE = /^([一二三四])级(指标)?(名称)?$/;

/**
 * "一级指标 | 二级指标 | 三级指标 | 一级指标分值 | 二级指标分值 | 三级指标分值": titles that name the level
 * they weigh, beside plain name titles of that level, are weight columns whatever their place
 * (without a plain name title, "三级指标分值" heads names that carry their points).
 */
function levelTitledWeights(view: SheetView, header: HeaderCandidate): Map<number, number> {
  const levelOf = (col: number, re: RegExp) => {
    const m = re.exec(key(headerText(view, header, col)));
    return m ? "一二三四".indexOf(m[1] ?? m[2]) + 1 : null;
  };
  const named = new Set(header.words.map((w) => levelOf(w.col, LEVEL_NAME_TITLE)).filter((l) => l !== null));
  const out = new Map<number, number>();
  for (const w of header.words) {
    // "一级" alone under a 分值 title read as the weight's (its merge over the levels lost).
    const level = levelOf(w.col, LEVEL_WEIGHT_TITLE) ?? (w.role === "weight" ? levelOf(w.col, LEVEL_NAME_TITLE) : null);
    if (level !== null && named.has(level)) out.set(w.col, level);
  }
  return out;
}

/**
 * A weight column with a name column to its right weighs the 一级/二级 on its left
 * ("一级指标 | 权重 | 二级指标 | 分值 | 三级指标 | … | 分值"); the others weigh the indicators.
 */
function splitWeightColumns(header: HeaderCandidate, roles: Partial<Record<ColumnRole, number>>, nameCols: number[], titled: Map<number, number>) {
  const levelWeights: { level: 1 | 2; col: number }[] = [];
  const weightCols: number[] = [];
  for (const w of header.words) {
    if (w.role !== "weight") continue;
    const says = titled.get(w.col);
    if (says === 1 || says === 2) {
      levelWeights.push({ level: says, col: w.col });
      continue;
    }
    if (says !== undefined) {
      weightCols.push(w.col);
      continue;
    }
    const nameLeft = Math.max(...nameCols.filter((c) => c < w.col));
    const nameRight = nameCols.some((c) => c > w.col);
    const level = nameLeft === roles.level1 ? 1 : nameLeft === roles.level2 ? 2 : null;
    if (nameRight && level) levelWeights.push({ level, col: w.col });
    else weightCols.push(w.col);
  }
  return { levelWeights, weightCols };
}

/**
 * Forms such as 绩效目标实现情况 put the 一级 names in a column whose header is the table's caption.
 * When 二级 is named and the column left of it holds short names below, that column is 一级.
 */
function level1FromValues(view: SheetView, header: HeaderCandidate, roles: Partial<Record<ColumnRole, number>>): number | null {
  if (roles.level1 !== undefined || roles.level2 === undefined) return null;
  const c = roles.level2 - 1;
  if (c < header.band.left) return null;
  const last = header.rows[header.rows.length - 1];
  let names = 0;
  for (let r = last + 1; r <= Math.min(last + 12, view.bottom); r++) {
    const v = view.value(r, c);
    if (typeof v === "string" && v.trim().length > 0 && v.trim().length <= 16 && !isTotalLabel(v)) names++;
  }
  return names > 0 ? c : null;
}

/** Figures of a column under the header, up to the first run of three blank rows. */
function columnFigures(view: SheetView, header: HeaderCandidate, col: number): Decimal[] {
  const out: Decimal[] = [];
  let blank = 0;
  const last = header.rows[header.rows.length - 1];
  for (let r = last + 1; r <= Math.min(view.bottom, last + LOOK_AHEAD); r++) {
    const label = rowHasTotalLabel(view, header, r);
    if (label) break;
    const v = view.value(r, col);
    if (v === null || v === "") {
      if (++blank > 2) break;
      continue;
    }
    blank = 0;
    const n = readNumber(v);
    if (n) out.push(n);
  }
  return out;
}

function rowHasTotalLabel(view: SheetView, header: HeaderCandidate, r: number): boolean {
  for (let c = header.band.left; c <= header.right; c++) {
    const v = view.value(r, c);
    if (typeof v === "string" && isTotalLabel(v)) return true;
  }
  return false;
}

const addsUpLikeWeights = (xs: Decimal[]) => {
  if (xs.length === 0 || xs.some((x) => x.isNeg())) return false;
  const s = xs.reduce((a, b) => a.plus(b), new Dec(0));
  return s.eq(100) || s.eq(90) || s.eq(1);
};

/**
 * Two columns titled like weights (分值 and 权重(%), 标准分 and 分数): the one that adds up like
 * weights is the weight column; when the other stays below it row by row and no score column is
 * named, it is the score column. When the figures do not tell, the first stays, with a doubt.
 */
function chooseWeightColumn(
  view: SheetView,
  header: HeaderCandidate,
  roles: Partial<Record<ColumnRole, number>>,
  cols: number[],
  doubts: Doubt[],
): void {
  const figures = cols.map((c) => columnFigures(view, header, c));
  const fits = cols.filter((_, i) => addsUpLikeWeights(figures[i]));
  const chosen = fits.length === 1 ? fits[0] : cols[0];
  roles.weight = chosen;
  const others = cols.filter((c) => c !== chosen);
  if (fits.length === 1 && roles.score === undefined && others.length === 1) {
    const w = figures[cols.indexOf(chosen)];
    const o = figures[cols.indexOf(others[0])];
    const below = o.length > 0 && o.length === w.length && o.every((x, i) => x.lte(w[i]));
    if (below) {
      roles.score = others[0];
      return;
    }
  }
  if (fits.length !== 1)
    doubts.push({
      pos: { row: header.rows[0], col: chosen },
      message: {
        zh: `表头有${cols.length}列像“分值/权重”，数字无法判断哪一列是权重，暂按第一列读取`,
        en: `${cols.length} header columns read like weights and the figures do not tell which one is; the first is used`,
      },
    });
}
