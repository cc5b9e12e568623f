import type { CellRange, SheetSnapshot, WorkbookSnapshot } from "../engine";

/**
 * The unit (单位/部门) a form names in its header: "填报单位：X" in one cell, or a label cell with the
 * name to its right. Labels are tried in order: who filled the form in, who carried the project
 * out, whose budget it was, then the department.
 */
const UNIT_LABELS = ["填报单位", "实施单位", "预算单位", "单位名称", "部门名称", "主管部门"];
const ANY_LABEL = /填报单位|实施单位|预算单位|单位名称|部门名称|主管部门|项目名称|项目属性|项目类型|填报日期|联系人|联系电话/;
/** How far above a table its header block may start. */
const ROWS_ABOVE = 40;
/** Rows at the top of other sheets searched when the table's own sheet names no unit. */
const TOP_ROWS = 12;

function widthOf(sheet: SheetSnapshot): number {
  let w = 0;
  for (const row of sheet.values) if (row.length > w) w = row.length;
  return w;
}

function text(sheet: SheetSnapshot, r: number, c: number): string | null {
  const v = sheet.values[r - sheet.top]?.[c - sheet.left];
  if (v === null || v === undefined || typeof v === "object") return null;
  const t = String(v).normalize("NFKC").replace(/\s+/g, " ").trim();
  return t.length ? t : null;
}

/** Cleans a value read after a label: drops a leading colon, a trailing (公章) and what follows another label. */
function clean(value: string): string | null {
  const cut = value.replace(/^[:：\s]+/, "").split(/\s{2,}|(?=项目名称|项目实施|填报日期|联系人)/)[0].trim();
  // "077 某某局" under 主管部门及代码: the code is not the name.
  const v = cut.replace(/[（(]\s*(公章|盖章)\s*[)）]/g, "").replace(/^\d+\s+/, "").trim();
  if (!v || /^[\d\s\-_./]+$/.test(v) || /^[_＿]+$/.test(v)) return null;
  return v;
}

function valueAfterLabel(sheet: SheetSnapshot, r: number, c: number, label: string, cellText: string): string | null {
  const at = cellText.indexOf(label);
  // The label's own cell: "填报单位：X", "填报单位（公章）：X".
  const rest = cellText.slice(at + label.length).replace(/^(及代码|（公章）|\(公章\)|名称)/, "");
  const inline = /^\s*[:：]/.test(rest) ? clean(rest) : null;
  if (inline) return inline;
  if (rest.replace(/[:：\s]/g, "").length > 0 && !/^[:：]/.test(rest.trim())) return null;
  const right = sheet.left + widthOf(sheet) - 1;
  for (let cc = c + 1; cc <= right; cc++) {
    const n = text(sheet, r, cc);
    if (!n) continue;
    if (ANY_LABEL.test(n)) return null;
    const v = clean(n);
    if (v) return v;
  }
  return null;
}

function searchRows(sheet: SheetSnapshot, from: number, to: number): string | null {
  const found = new Map<string, string>();
  const width = widthOf(sheet);
  for (let r = Math.max(from, sheet.top); r <= to; r++)
    for (let c = sheet.left; c < sheet.left + width; c++) {
      const t = text(sheet, r, c);
      if (!t || !ANY_LABEL.test(t)) continue;
      for (const label of UNIT_LABELS) {
        if (found.has(label) || !t.includes(label)) continue;
        const v = valueAfterLabel(sheet, r, c, label, t);
        if (v) found.set(label, v);
      }
    }
  for (const label of UNIT_LABELS) if (found.has(label)) return found.get(label)!;
  return null;
}

/** The unit named near a table (above it on its sheet), else at the top of any sheet; null if none. */
export function findUnit(wb: WorkbookSnapshot, table: { sheet: string; range: CellRange }): string | null {
  const own = wb.sheets.find((s) => s.name === table.sheet);
  if (own) {
    const v = searchRows(own, table.range.top - ROWS_ABOVE, table.range.top - 1) ?? searchRows(own, table.range.top, Math.min(table.range.top + 2, table.range.bottom));
    if (v) return v;
  }
  for (const s of wb.sheets) {
    const v = searchRows(s, s.top, s.top + TOP_ROWS - 1);
    if (v) return v;
  }
  return null;
}
