import type { SheetView } from "../grid/sheet-view";
import { key } from "../text/normalize";
import { GRADE_COPULA, GRADE_LABEL, GRADE_WORDS } from "../text/vocabulary";
import type { CellPos } from "../grid/types";
import type { Grade } from "../model";

/** "评价结果等次: | 优" or "评价等级：良" on one row → the declared grade and its cell. */
export function readGrade(view: SheetView, row: number, left: number, right: number): { grade: Grade; pos: CellPos } | null {
  for (let c = left; c <= right; c++) {
    const t = view.text(row, c);
    if (!t) continue;
    const k = key(t);
    const m = GRADE_LABEL.exec(k);
    if (!m) continue;
    const rest = k.slice(m.index + m[0].length).replace(GRADE_COPULA, "");
    if (rest && GRADE_WORDS[rest]) return { grade: GRADE_WORDS[rest], pos: { row, col: c } };
    for (let cc = c + 1; cc <= right + 3; cc++) {
      const w = key(view.text(row, cc));
      if (!w) continue;
      if (GRADE_WORDS[w]) return { grade: GRADE_WORDS[w], pos: { row, col: cc } };
      break;
    }
  }
  return null;
}

/** "总分 | 100 | 96 | 优": a grade word alone in a cell right of the total row's figures. */
export function gradeOnRow(view: SheetView, row: number, fromCol: number, toCol: number): { grade: Grade; pos: CellPos } | null {
  for (let c = fromCol; c <= toCol; c++) {
    const w = key(view.text(row, c));
    if (w && GRADE_WORDS[w]) return { grade: GRADE_WORDS[w], pos: { row, col: c } };
  }
  return null;
}
