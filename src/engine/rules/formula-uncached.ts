import type { Rule } from "./types";
import type { Message } from "./types";
import type { UncomputedCell } from "../formula/workbook";
import { posToA1 } from "../grid/address";

/** Why one cell could not be evaluated, in both languages. */
function reason(u: UncomputedCell): Message {
  switch (u.kind) {
    case "unsupported":
      return { zh: `不支持的函数或写法（${u.detail}）`, en: `unsupported function or syntax (${u.detail})` };
    case "cycle":
      return { zh: "循环引用", en: "circular reference" };
    case "too-deep":
      return { zh: "引用层级过深", en: "reference chain too deep" };
    case "dependency":
      return { zh: `引用的${u.detail}无法计算`, en: `depends on ${u.detail}, which cannot be evaluated` };
    case "error":
      return { zh: `计算结果为错误值${u.detail}`, en: `evaluates to ${u.detail}` };
  }
}

const LISTED = 6;

/**
 * Formulas saved without their results (files written by other programs) are evaluated before the
 * checks; the ones that cannot be are unknown, never 0. One note per table says which, so that a
 * reviewer knows which checks were skipped.
 */
export const formulaUncached: Rule = {
  id: "formula-uncached",
  severity: "info",
  description: {
    zh: "公式未保存计算结果且无法计算，相关核查已跳过",
    en: "Formulas saved without results that could not be evaluated; the checks that need them were skipped",
  },
  appliesTo: () => true,
  check({ calc }) {
    const cells = calc.uncomputed;
    if (!cells.length) return [];
    const shown = cells.slice(0, LISTED);
    const more = cells.length - shown.length;
    const zh = shown.map((u) => `${posToA1(u.pos)}：${reason(u).zh}`).join("；") + (more > 0 ? `；等共${cells.length}处` : "");
    const en = shown.map((u) => `${posToA1(u.pos)}: ${reason(u).en}`).join("; ") + (more > 0 ? `; ${cells.length} in all` : "");
    return [
      {
        pos: cells[0].pos,
        message: {
          zh: `${cells.length}个公式单元格没有保存计算结果且无法计算（${zh}），其值按未知处理，依赖这些值的核查已跳过；在 Excel 中打开并保存后可完整核查`,
          en: `${cells.length} formula cell(s) have no saved result and cannot be evaluated (${en}); their values are unknown and the checks that need them were skipped — open and save the file in Excel for a full check`,
        },
        data: { cells: cells.map((u) => ({ cell: posToA1(u.pos), formula: u.formula, kind: u.kind, detail: u.detail })) },
      },
    ];
  },
};
