import type { Rule, Report } from "./types";
import { label, labelEn } from "./util";
import { convertUnit } from "../recalc/assess";
import { isPercent, isUnitWord } from "../values/indicator-value";
import { Dec } from "../values/decimal";
import { norm } from "../text/normalize";

/** "里程数（公里）" beside a 度量单位 of "万公里": the unit in the name, when it differs in scale or kind. */
function nameUnitClash(name: string, unit: string | null): string | null {
  const m = /[(（]([^()（）]{1,6})[)）]$/.exec(name);
  if (!m || !unit || !isUnitWord(m[1]) || !isUnitWord(unit)) return null;
  const inName = norm(m[1]);
  const same = convertUnit(new Dec(1), inName, unit);
  return same && same.eq(1) ? null : inName;
}

const NOTHING_WORD = /^(无|未发生|没有|零|未出现|不存在|杜绝|均未发生|无发生)$/;
const isRatio = (unit: string | undefined) => unit === "%" || unit === "‰";

/** Target and actual must be in the same unit; an actual is a figure, not the target restated. */
export const unitMismatch: Rule = {
  id: "unit-mismatch",
  severity: "warning",
  description: { zh: "目标值与实际值单位不一致，或实际值为文字/照抄目标", en: "Target and actual in different units, or an actual that is text or restates the target" },
  appliesTo: (t) => t.columns.roles.actual !== undefined || t.columns.roles.unit !== undefined,
  check({ table }) {
    const out: Report[] = [];
    for (const ind of table.indicators) {
      const named = nameUnitClash(ind.name, ind.unit);
      if (named && table.columns.roles.unit !== undefined) {
        out.push({
          pos: { row: ind.row, col: table.columns.roles.unit },
          message: {
            zh: `${label(ind)}名称中的单位“${named}”与计量单位“${ind.unit}”不一致，目标值与实际值无法判断`,
            en: `${labelEn(ind)}: the name gives the unit "${named}" but the unit column says "${ind.unit}"`,
          },
          data: { nameUnit: named, columnUnit: ind.unit },
        });
        continue;
      }
      const { target: t, actual: a } = ind;
      // The national form keeps the unit in its own column: "12" + "次" reads "12次".
      const shown = t && ind.unit && !t.raw.includes(ind.unit) ? `${t.raw}${ind.unit}` : t?.raw;
      // "5人/10万人" under a 度量单位 column saying "%": a count and a percentage cannot both be meant.
      if (t?.kind === "number" && t.columnUnit && ind.targetCell && isRatio(t.unit) !== isRatio(t.columnUnit)) {
        out.push({
          pos: ind.targetCell,
          message: {
            zh: `${label(ind)}目标值“${t.raw}”与计量单位“${t.columnUnit}”不一致`,
            en: `${labelEn(ind)}: the target "${t.raw}" does not match the unit column "${t.columnUnit}"`,
          },
          data: { target: t.raw, unit: t.unit ?? null, columnUnit: t.columnUnit },
        });
        continue;
      }
      if (!t || !a || !ind.actualCell || t.kind !== "number" || ind.direction === "qualitative") continue;
      // A target of nothing (0起, ≤0) is met by nothing in any unit or words: 无, 未发生, -3.2%.
      const noneAsked = !!t.number?.isZero();
      if (a.kind === "number") {
        // Nothing (0 complaints, 0 accidents) is nothing in any unit.
        if ((a.number?.isZero() && !a.unit) || (noneAsked && !t.unit)) continue;
        const tp = isPercent(t);
        const ap = isPercent(a);
        const clash = tp !== ap || (!tp && t.unit && a.unit && convertUnit(a.number!, a.unit, t.unit) === null);
        if (clash) {
          out.push({
            pos: ind.actualCell,
            message: {
              zh: `${label(ind)}目标值“${shown}”与实际完成值“${a.raw}”单位不一致`,
              en: `${labelEn(ind)}: target "${shown}" and actual "${a.raw}" are in different units`,
            },
            data: { target: t.raw, actual: a.raw, targetUnit: tp ? "%" : t.unit ?? null, actualUnit: ap ? "%" : a.unit ?? null },
          });
        } else if (a.comparator && (!t.comparator || a.comparator === t.comparator)) {
          out.push({
            pos: ind.actualCell,
            message: {
              zh: `${label(ind)}实际完成值“${a.raw}”照抄了目标的写法，应填实际数值`,
              en: `${labelEn(ind)}: the actual "${a.raw}" restates the target; enter the figure achieved`,
            },
            data: { actual: a.raw },
          });
        }
      } else if (a.kind === "text" && !(noneAsked && NOTHING_WORD.test(a.raw.trim()))) {
        out.push({
          pos: ind.actualCell,
          message: {
            zh: `${label(ind)}目标为数值“${shown}”，实际完成值却是文字“${a.raw}”`,
            en: `${labelEn(ind)}: the target is a figure ("${shown}") but the actual is text ("${a.raw}")`,
          },
          data: { target: t.raw, actual: a.raw },
        });
      }
    }
    return out;
  },
};
