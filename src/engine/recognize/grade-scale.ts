/**
 * Step 8c — the grading scale a table states. Provinces, departments and evaluation firms publish
 * their own bands ("90分（含）以上为优秀；75分（含）至90分为良好…", "优秀≥85", a row of cells
 * "评价等级 | 优 | 90分以上 | 良 | 80-89分"). Read near the table, such a scale replaces the national
 * bands for this table's grade; a scale that is stated but cannot be read leaves the grade unchecked.
 */
import type { SheetView } from "../grid/sheet-view";
import type { Band } from "./locate";
import type { GradeBand } from "../model";
import { norm } from "../text/normalize";
import type { Decimal } from "decimal.js";
import { Dec } from "../values/decimal";
import { GRADE_BANDS } from "../standards";

/** Grade words of the scales met, best first within each scale; those of no 优/良/中/差 map to null. */
const SCALE_WORDS: Record<string, GradeBand["grade"]> = {
  优秀: "优", 优: "优", 良好: "良", 良: "良", 较好: "良", 中等: "中", 中: "中", 一般: "中", 合格: null, 较差: "差", 不合格: null, 差: "差", 好: null,
};
const WORD = /(不合格|优秀|良好|较好|中等|一般|合格|较差|优(?![化先势惠])|良(?![种])|(?<![其之集空位期])中(?![心央国期层共间])|(?<![偏])差(?![异距额价])|(?<![友美])好(?![转评]))/g;
/** A score band beside a grade word, as a scale writes it ("优 | 90分以上", "（90分及以上）"). */
export function isBandText(text: string): boolean {
  return BOUND.test(norm(text));
}

/** A score band: "90分以上", "80（含）-90分", "≥85", "75至89分", "60分以下". */
const BOUND = /\d\s*分?\s*(\(不?含\d*分?\))?\s*(以上|以下|及以上|及以下)|\d\s*分?\s*(\(不?含\d*分?\))?\s*[-~～—至到]\s*\d|[≥≤><]=?\s*\d/;

export type ScaleReading = { bands: GradeBand[] } | { unreadable: true } | null;

/** The scale stated in the rows just under the table's range or just above its header, if any. */
export function readGradeScale(view: SheetView, band: Band, top: number, bottom: number): ScaleReading {
  // The bands may stand on one line, or one to a line in a list under the table or above its header.
  for (const rows of [range(bottom, Math.min(view.bottom, bottom + 8)), range(Math.max(view.top, top - 6), top - 1)]) {
    const lines = rows.map((r) => {
      const cells: string[] = [];
      for (let c = band.left; c <= band.right; c++) {
        const t = view.text(r, c);
        if (t) cells.push(norm(t));
      }
      return cells.join("；");
    });
    const text = lines.filter((l) => clausesOf(l).some(bandClause)).join("；");
    if (!isScaleLine(text)) continue;
    const bands = parseScale(text);
    if (!bands) return { unreadable: true };
    return sameAsNational(bands) ? null : { bands };
  }
  return null;
}

/** A scale stated in the workbook's other text (a 填表说明 sheet, a report's note), for a table that states none beside it. */
export function scaleInTexts(texts: readonly { text: string }[]): ScaleReading {
  for (const t of texts) {
    const line = norm(t.text);
    if (!isScaleLine(line)) continue;
    const bands = parseScale(line);
    if (!bands) return { unreadable: true };
    return sameAsNational(bands) ? null : { bands };
  }
  return null;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let r = from; r <= to; r++) out.push(r);
  return out;
}

/** At least two clauses that each give one grade word its score band: "…分以上为优", "优：≥90分", "良 | 80-89分". */
function isScaleLine(line: string): boolean {
  return clausesOf(line).filter(bandClause).length >= 2;
}

function bandClause(clause: string): boolean {
  return [...clause.matchAll(WORD)].length === 1 && BOUND.test(clause);
}

/**
 * Pairs each grade word with the figures of its own clause (clauses end at ；;，,。、 or where the
 * next grade word begins) and takes the band's lower bound: the least figure, or 0 for "…以下".
 */
export function parseScale(line: string): GradeBand[] | null {
  const bands: GradeBand[] = [];
  for (const clause of clausesOf(line)) {
    if (!bandClause(clause)) continue;
    const words = [...clause.matchAll(WORD)].map((m) => m[1]);
    const min = lowerBound(clause);
    if (min === undefined) continue;
    const exclusive =
      min !== null && (/以上\(不含|不含\d*分?\)以上|^\D*\(不含/.test(clause) || /\d\s*分?\s*<(?!=)\s*(得分|分数|总分|综合得分|评分)/.test(clause) || (/>/.test(clause) && !/≥|>=/.test(clause)));
    bands.push({ grade: SCALE_WORDS[words[0]], word: words[0], min: min ?? new Dec(0), inclusive: !exclusive });
  }
  if (bands.length < 2) return null;
  bands.sort((a, b) => b.min.comparedTo(a.min));
  // Bands must step down: one bottom band at most, and no two at the same bound.
  for (let i = 1; i < bands.length; i++) if (bands[i].min.eq(bands[i - 1].min)) return null;
  return bands;
}

/**
 * A band's lower bound: the figure before 以上 or before a range's dash, or after ≥/>; null for the
 * bottom band ("60分以下", "<60"); undefined when the clause gives none.
 */
function lowerBound(clause: string): Decimal | null | undefined {
  const at = (re: RegExp) => {
    const m = re.exec(clause);
    return m ? new Dec(m[1]) : undefined;
  };
  const from =
    at(/(\d+(?:\.\d+)?)\s*分?\s*[≤<]=?\s*(?:得分|分数|总分|综合得分|评分|x)/i) ??
    at(/(\d+(?:\.\d+)?)\s*分?\s*(?:\(不?含\d*分?\))?\s*(?:以上|及以上)/) ??
    at(/(\d+(?:\.\d+)?)\s*分?\s*(?:\(不?含\d*分?\))?\s*[-~～—至到]\s*\d/) ??
    at(/[≥>]=?\s*(\d+(?:\.\d+)?)/);
  if (from !== undefined) return from.lte(100) ? from : undefined;
  return /(以下|[<≤]|低于|不足|不到)/.test(clause) ? null : undefined;
}

/** "90分（含）以上为优；80分…为良" and "优 | 90分以上 | 良 | 80-89分" alike: one clause per grade word. */
function clausesOf(line: string): string[] {
  // "分为优、良、中、差四个等级：" lists the words before giving their bands.
  const listed = line.replace(/((优秀|良好|中等|不合格|合格|较差|优|良|中|差)、){2,}(优秀|良好|中等|不合格|合格|较差|优|良|中|差)/g, "");
  const parts = listed.split(/[；;，,。、:：\n]/).filter((p) => p);
  const out: string[] = [];
  const word = (s: string) => new RegExp(WORD.source).test(s);
  const wordOnly = (s: string) => word(s) && !/\d/.test(s);
  const figureOnly = (s: string) => !word(s) && /\d/.test(s);
  let joined = false;
  for (const p of parts) {
    const prev = out[out.length - 1];
    // The word in one cell or comma-part and its band in the next ("优 | 90分以上"), or the other
    // way round ("90分（含）以上的，评价等次为优"): one clause.
    if (prev !== undefined && !joined && ((wordOnly(prev) && figureOnly(p)) || (figureOnly(prev) && wordOnly(p)))) {
      out[out.length - 1] = prev + p;
      joined = true;
    } else {
      out.push(p);
      joined = false;
    }
  }
  return out;
}

function sameAsNational(bands: GradeBand[]): boolean {
  return GRADE_BANDS.every((n) => n.min === 0 || bands.some((b) => b.grade === n.grade && b.min.eq(n.min) && b.inclusive));
}
