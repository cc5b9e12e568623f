/**
 * What the writer refuses before it changes anything: a change to a protected sheet, a new sheet in
 * a workbook whose structure is locked, and a cell whose change would break a table (its header,
 * totals row or a calculated column). Each refusal names what it protects.
 */
import { InputError, parseA1, parseRangeA1 } from "../../engine";
import { REL, type XlsxPackage } from "./package";
import { findAll, findElement, parseAttrs, rootPrefix } from "./xml";

export function isProtected(sheetXml: string): boolean {
  const p = rootPrefix(sheetXml, "worksheet");
  const prot = findElement(sheetXml, `${p}sheetProtection`);
  if (!prot) return false;
  const v = parseAttrs(prot.text).get("sheet");
  return v === "1" || v === "true";
}

export function protectedSheet(file: string, sheet: string): InputError {
  return new InputError(
    "protected",
    `${file}：工作表“${sheet}”受保护，未写入任何内容。请在 Excel 中撤销工作表保护后重试。`,
    `${file}: sheet "${sheet}" is protected; nothing was written. Unprotect the sheet in Excel and try again.`,
  );
}

export function lockedStructure(file: string): InputError {
  return new InputError(
    "protected",
    `${file}：工作簿结构受保护，无法添加“自评报告”工作表，未写入任何内容。请撤销工作簿保护，或不生成报告（--no-narrative）。`,
    `${file}: the workbook's structure is protected, so the report sheet cannot be added; nothing was written. Unprotect the workbook or skip the report (--no-narrative).`,
  );
}

export function unsupported(file: string, sheet: string, zh: string, en: string): InputError {
  return new InputError("unsupported", `${file}：工作表“${sheet}”${zh}，未写入任何内容`, `${file}: sheet "${sheet}": ${en}; nothing was written`);
}

interface TableInfo {
  name: string;
  ref: { top: number; left: number; bottom: number; right: number };
  header: number;
  totals: number;
  calculated: Set<number>;
}

function tablesOf(pkg: XlsxPackage, sheetPart: string): TableInfo[] {
  const out: TableInfo[] = [];
  for (const part of pkg.related(sheetPart, REL.table)) {
    const xml = pkg.text(part);
    if (!xml) continue;
    const p = rootPrefix(xml, "table");
    const root = findElement(xml, `${p}table`);
    if (!root) continue;
    const a = parseAttrs(root.text.slice(0, root.text.indexOf(">") + 1));
    const ref = parseRangeA1(a.get("ref") ?? "");
    if (!ref) continue;
    const calculated = new Set<number>();
    findAll(xml, `${p}tableColumn`).forEach((c, i) => {
      if (c.text.includes("calculatedColumnFormula")) calculated.add(ref.left + i);
    });
    out.push({ name: a.get("displayName") ?? a.get("name") ?? part, ref, header: Number(a.get("headerRowCount") ?? 1), totals: Number(a.get("totalsRowCount") ?? 0), calculated });
  }
  return out;
}

/** Throws when writing content into one of these cells would break a table on the sheet. */
export function checkTables(pkg: XlsxPackage, file: string, sheet: string, sheetPart: string, cells: string[]): void {
  const tables = tablesOf(pkg, sheetPart);
  if (!tables.length) return;
  for (const a1 of cells) {
    const pos = parseA1(a1);
    if (!pos) continue;
    for (const t of tables) {
      const r = t.ref;
      if (pos.row < r.top || pos.row > r.bottom || pos.col < r.left || pos.col > r.right) continue;
      if (pos.row < r.top + t.header)
        throw unsupported(file, sheet, `的单元格 ${a1} 是表格“${t.name}”的标题行，改写会改变表格的列名`, `cell ${a1} is in the header row of table "${t.name}"; changing it would rename the table's column`);
      if (pos.row > r.bottom - t.totals)
        throw unsupported(file, sheet, `的单元格 ${a1} 在表格“${t.name}”的汇总行中`, `cell ${a1} is in the totals row of table "${t.name}"`);
      if (t.calculated.has(pos.col))
        throw unsupported(file, sheet, `的单元格 ${a1} 在表格“${t.name}”的计算列中，改写会破坏该列的公式`, `cell ${a1} is in a calculated column of table "${t.name}"; changing it would break the column's formula`);
    }
  }
}

const EXTENSION_OF: [RegExp, string][] = [
  [/macroEnabled\.template\.main\+xml$/, ".xltm"],
  [/macroEnabled\.main\+xml$/, ".xlsm"],
  [/template\.main\+xml$/, ".xltx"],
  [/sheet\.main\+xml$/, ".xlsx"],
];

/**
 * Excel opens a package only under the extension its workbook type calls for: a macro workbook
 * written as .xlsx (or the reverse) would not open. The copy keeps the input's type, so the output
 * name must carry its extension (names with other extensions are the caller's choice).
 */
export function checkExtension(pkg: XlsxPackage, workbookPart: string, output: string): void {
  const ct = pkg.text("[Content_Types].xml") ?? "";
  const override = findAll(ct, "Override").find((o) => parseAttrs(o.text).get("PartName") === `/${workbookPart}`);
  const type = override ? parseAttrs(override.text).get("ContentType") ?? "" : "";
  const expected = EXTENSION_OF.find(([re]) => re.test(type))?.[1];
  const actual = /\.(xlsx|xlsm|xltx|xltm)$/i.exec(output)?.[0].toLowerCase();
  if (!expected || !actual || actual === expected) return;
  throw new InputError(
    "unwritable",
    `${output}：输入工作簿是 ${expected} 格式${expected === ".xlsm" ? "（含宏）" : ""}，修正后的副本保持该格式，输出文件名须以 ${expected} 结尾，否则 Excel 无法打开`,
    `${output}: the input workbook is ${expected}${expected === ".xlsm" ? " (with macros)" : ""} and the fixed copy keeps that format; name the output ${expected}, or Excel will not open it`,
  );
}
