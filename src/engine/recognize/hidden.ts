/**
 * Step 4b — hidden rows. A withdrawn indicator is often hidden rather than deleted; the figures
 * decide whether the table still counts it.
 */
import type { Decimal } from "decimal.js";
import type { SheetView } from "../grid/sheet-view";
import type { Doubt } from "../model";
import { sum } from "../values/decimal";
import type { Body } from "./fold";

/**
 * Indicator rows hidden in the sheet (a withdrawn indicator kept out of sight): left out when the
 * total row's weight counts only the visible rows, and said; kept when the total counts them too.
 */
export function dropHiddenRows(view: SheetView, body: Body, fundsWeight: Decimal | null): { body: Body; doubts: Doubt[] } {
  const hidden = body.indicators.filter((i) => view.isRowHidden(i.row));
  const declared = body.total?.weight?.value;
  if (hidden.length === 0 || !declared) return { body, doubts: [] };
  const visible = body.indicators.filter((i) => !view.isRowHidden(i.row));
  const add = (xs: typeof visible) => sum(xs.map((i) => i.weight?.value ?? null)).plus(fundsWeight ?? 0);
  if (!add(visible).eq(declared) || add(body.indicators).eq(declared)) return { body, doubts: [] };
  const rows = hidden.map((i) => i.row);
  return {
    body: {
      ...body,
      indicators: visible,
      skippedRows: [...body.skippedRows, ...rows],
      subtotals: body.subtotals.map((s) => ({ ...s, memberRows: s.memberRows.filter((r) => !rows.includes(r)) })),
      total: body.total && { ...body.total, memberRows: body.total.memberRows.filter((r) => !rows.includes(r)) },
    },
    doubts: [
      {
        pos: hidden[0].nameCell,
        message: {
          zh: `第${rows.map((r) => r + 1).join("、")}行已隐藏，合计行未计入，核查时未计入`,
          en: `hidden row(s) ${rows.map((r) => r + 1).join(", ")} are left out of the total row, and of the checks`,
        },
      },
    ],
  };
}

