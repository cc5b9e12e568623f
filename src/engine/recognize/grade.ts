import type { SheetView } from "../grid/sheet-view";
import { key, norm } from "../text/normalize";
import { GRADE_COPULA, GRADE_LABEL, GRADE_WORDS } from "../text/vocabulary";
import { isBandText } from "./grade-scale";
import type { CellPos } from "../grid/types";
import type { Grade } from "../model";
import type { Body } from "./fold";
import type { Band } from "./locate";

/** "评价结果等次: | 优" or "评价等级：良" on one row → the declared grade and its cell. */
export function readGrade(view: SheetView, row: number, left: number, right: number): { grade: Grade; pos: CellPos } | null {
  for (let c = left; c <= right; c++) {
    const t = view.text(row, c);
    if (!t) continue;
    const k = key(t);
    const m = GRADE_LABEL.exec(k);
    if (!m || !ownGradeLabel(t)) continue;
    const rest = k.slice(m.index + m[0].length).replace(GRADE_COPULA, "");
    const stated = rest && gradeWord(rest);
    if (stated) return { grade: stated, pos: { row, col: c } };
    const ticked = tickedGrade(t);
    if (ticked) return { grade: ticked, pos: { row, col: c } };
    for (let cc = c + 1; cc <= right + 3; cc++) {
      const w = key(view.text(row, cc));
      if (!w) continue;
      const g = gradeWord(w);
      // "评价等级 | 优 | 90分以上 | 良 | 80-89分": a scale laid out in cells, not a grade given.
      if (g && bandBeside(view, row, cc + 1, right + 3)) return null;
      if (g) return { grade: g, pos: { row, col: cc } };
      break;
    }
  }
  return null;
}

/**
 * What stands before the label in its clause: not another thing's grade (档案验收等级为优秀, 上年度该项目评价等级为优, 我县财政管理绩效综合评价等次为优秀).
 */
function ownGradeLabel(text: string): boolean {
  const n = norm(text);
  const m = GRADE_LABEL.exec(n);
  if (!m) return true;
  const before = n.slice(0, m.index);
  const clause = before.slice(Math.max(...["，", ",", "。", "；", ";", ":", "："].map((c) => before.lastIndexOf(c))) + 1);
  return !OTHER_PARTY.test(before) && !OTHER_GRADE_SUBJECT.test(clause);
}
/** Another party's or another year's grade, anywhere before the label: 经复核…, 上年度…, 我县…. */
const OTHER_PARTY = /(财政重点|重点绩效|复核|复审|第三方评价|上年|上一年|去年|往年|以前年度|我县|我市|我区|全省|全市)/;
const OTHER_GRADE_SUBJECT = /(决策|过程|产出|效益|满意度|投入|效果|部分|其中|等级划分|等级标准|划分标准|验收|档案|质量|上年|上一年|去年|往年|以前|示范|考核|考评|财政管理|我县|我市|我区|全省|全市|工程|服务|安全|信用|学生|体质|测试)/;

function bandBeside(view: SheetView, row: number, from: number, to: number): boolean {
  for (let c = from; c <= to; c++) if (isBandText(view.text(row, c))) return true;
  return false;
}

/** A grade word, alone or followed by the score it was given for: 良（88.07分）. */
function gradeWord(k: string): Grade | undefined {
  // 差（一票否决）: the grade and why.
  return GRADE_WORDS[k] ?? GRADE_WORDS[k.replace(/\d+分?$/, "").replace(/一票否决$/, "")];
}

/** "□优 ☑良 □中 □差": the one grade ticked on a form's check boxes (none, or several, tell nothing). */
function tickedGrade(text: string): Grade | null {
  const tokens = [...text.matchAll(/([□☐○◯☑✔✓√■☒▣●])|(优秀|良好|中等|不合格|合格|较差|优|良|中|差)/g)].map((m) => (m[1] ? { box: m[1] } : { word: m[2] }));
  const first = tokens.findIndex((t) => "box" in t);
  if (first < 0) return null;
  // Boxes before their words ("☑良") or after them ("优☑"), as the form's first box shows.
  const boxFirst = first === 0 || !("word" in tokens[first - 1]);
  const ticked: Grade[] = [];
  tokens.forEach((t, i) => {
    if (!("box" in t) || !/[☑✔✓√■☒▣●]/.test(t.box!)) return;
    const w = tokens[boxFirst ? i + 1 : i - 1];
    const g = w && "word" in w ? GRADE_WORDS[w.word!] : undefined;
    if (g) ticked.push(g);
  });
  return ticked.length === 1 ? ticked[0] : null;
}

/** "总分 | 100 | 96 | 优": a grade word alone in a cell right of the total row's figures. */
export function gradeOnRow(view: SheetView, row: number, fromCol: number, toCol: number): { grade: Grade; pos: CellPos } | null {
  for (let c = fromCol; c <= toCol; c++) {
    const w = key(view.text(row, c));
    if (w && GRADE_WORDS[w]) return { grade: GRADE_WORDS[w], pos: { row, col: c } };
  }
  return null;
}

/** A 一票否决 row answered 是 (or 触发/存在) near the table's end: the grade is the veto's to set. */
export function vetoTriggered(view: SheetView, body: Pick<Body, "indicators" | "total">, band: Band): CellPos | null {
  const from = Math.max(...body.indicators.map((i) => i.row), -1);
  const to = Math.min(view.bottom, (body.total?.row ?? from) + 4);
  for (let r = Math.max(view.top, from - 3); r <= to; r++) {
    let says = false;
    let yes: CellPos | null = null;
    for (let c = band.left; c <= band.right; c++) {
      const t = view.text(r, c);
      if (/一票否决/.test(t)) says = true;
      else if (/^(是|触发|已触发|存在|有|√|☑)$/.test(t)) yes = { row: r, col: c };
    }
    if (says && yes) return yes;
  }
  return null;
}
