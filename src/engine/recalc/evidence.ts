import type { CellPos } from "../grid/types";
import type { FundsBlock, Indicator, ScoringTable, TextBlock } from "../model";
import { norm } from "../text/normalize";
import { round, show } from "../values/decimal";
import type { Decimal } from "decimal.js";
import { parseIndicatorValue } from "../values/indicator-value";
import { executionShare } from "../standards";
import { assessQuantity, assessWords, type Assessment } from "./assess";
import type { WorkbookIndex } from "./workbook-index";

/** Where an indicator's actual came from when its own row has none. */
export interface Evidence {
  source: "funds" | "narrative" | "target-table";
  sheet: string;
  pos: CellPos;
  assessment: Assessment;
}

/** 预算执行率 as a percent figure, from the amounts (B ÷ A). */
export function executionRate(funds: FundsBlock | null): Decimal | null {
  const a = funds?.budget?.value;
  const b = funds?.executed?.value;
  if (!a || !b || a.isZero()) return null;
  return b.div(a).times(100);
}

const GENERIC: { name: RegExp; group: RegExp }[] = [
  { name: /(实际完成率|数量完成率|产出数量|完成率)$/, group: /数量/ },
  { name: /(质量达标率|产出质量|合格率)$/, group: /质量/ },
  { name: /(完成及时率|产出时效|及时率)$/, group: /时效/ },
  { name: /(成本节约率|产出成本|成本控制)$/, group: /成本/ },
  { name: /满意度$/, group: /满意度/ },
];

/**
 * Evidence for indicators scored without target and actual in their row (the 财政 评分表 style:
 * 预算执行率, 资金到位率, 实际完成率): the funds block, a target table, or a sentence of the report.
 */
export function findEvidence(ind: Indicator, table: ScoringTable, index: WorkbookIndex, texts: TextBlock[]): Evidence | null {
  const name = norm(ind.name);
  if (/预算执行率/.test(name)) {
    const rate = executionRate(table.funds);
    if (rate && table.funds?.executed) {
      const target = parseIndicatorValue("100%");
      const actual = parseIndicatorValue(`${show(round(rate, 2))}%`);
      const a = assessQuantity(target, actual, "positive");
      if (a) {
        a.ratio = executionShare(rate);
        return { source: "funds", sheet: table.sheet, pos: table.funds.executed.pos, assessment: a };
      }
    }
  }
  const fromTargets = targetTableEvidence(name, index.tablesOn(table.sheet));
  if (fromTargets) return fromTargets;
  if (/率$/.test(name)) return narrativeEvidence(name, table, texts);
  return null;
}

function targetTableEvidence(name: string, sameSheet: ScoringTable[]): Evidence | null {
  const generic = GENERIC.find((g) => g.name.test(name));
  if (!generic) return null;
  const sources = sameSheet.filter((t) => t.kind === "target");
  let worst: Evidence | null = null;
  for (const t of sources) {
    for (const row of t.indicators) {
      if (!generic.group.test(`${row.level1 ?? ""}${row.level2 ?? ""}`) || !row.target || !row.actual) continue;
      const a =
        assessQuantity(row.target, row.actual, row.direction) ??
        (row.target.kind === "text" && row.actual.kind === "text" ? assessWords(row.target, row.actual) : null);
      if (!a || a.status === "unknown") continue;
      const ev: Evidence = { source: "target-table", sheet: t.sheet, pos: row.actualCell ?? row.nameCell, assessment: a };
      const rank = (e: Evidence) => (e.assessment.status === "met" ? 1 : e.assessment.ratio?.toNumber() ?? 0);
      if (!worst || rank(ev) < rank(worst)) worst = ev;
    }
  }
  return worst;
}

/** "资金到位率100%" or "资金到位率为 98.5%" in the report's text on the same sheet or the workbook. */
function narrativeEvidence(name: string, table: ScoringTable, texts: TextBlock[]): Evidence | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`${escaped}(?:为|达到|达|是|：|:)?(\\d+(?:\\.\\d+)?)%`);
  const ordered = [...texts.filter((t) => t.sheet === table.sheet), ...texts.filter((t) => t.sheet !== table.sheet)];
  for (const t of ordered) {
    const m = re.exec(norm(t.text));
    if (!m) continue;
    const a = assessQuantity(parseIndicatorValue("100%"), parseIndicatorValue(`${m[1]}%`), "positive");
    if (!a) continue;
    a.why = {
      zh: `报告文字称“${name}${m[1]}%”`,
      en: `the report text says “${name} ${m[1]}%”`,
    };
    return { source: "narrative", sheet: t.sheet, pos: t.pos, assessment: a };
  }
  return null;
}
