import type { Rule, Report } from "./types";
import type { Indicator } from "../model";
import { key } from "../text/normalize";
import { label, labelEn } from "./util";
import { posToA1 } from "../grid/address";

/**
 * The standard 财政 framework repeats some names under 业务管理 and 财务管理 (管理制度健全性):
 * the same name under two different …管理 groups is the form, not a mistake.
 */
function frameworkPair(a: Indicator, b: Indicator): boolean {
  return !!a.level2 && !!b.level2 && a.level2 !== b.level2 && /管理$/.test(a.level2) && /管理$/.test(b.level2);
}

export const duplicateIndicator: Rule = {
  id: "duplicate-indicator",
  severity: "warning",
  description: { zh: "同一表内指标名称重复", en: "The same indicator name twice in one table" },
  // A target table repeats the project's name under each category; only scored rows can double-count.
  appliesTo: (t) => t.kind === "scoring",
  check({ table }) {
    const out: Report[] = [];
    const seen = new Map<string, Indicator>();
    for (const ind of table.indicators) {
      const k = key(ind.name);
      if (!k) continue;
      const first = seen.get(k);
      if (!first) {
        seen.set(k, ind);
        continue;
      }
      if (frameworkPair(first, ind)) continue;
      const where = (i: Indicator) => [i.level1, i.level2].filter(Boolean).join("/");
      out.push({
        pos: ind.nameCell,
        message: {
          zh: `${label(ind)}重复出现（第${first.row + 1}行${where(first) ? "“" + where(first) + "”" : ""}与第${ind.row + 1}行${where(ind) ? "“" + where(ind) + "”" : ""}）`,
          en: `${labelEn(ind)} appears twice (row ${first.row + 1} and row ${ind.row + 1})`,
        },
        data: { first: posToA1(first.nameCell), second: posToA1(ind.nameCell) },
      });
    }
    return out;
  },
};
