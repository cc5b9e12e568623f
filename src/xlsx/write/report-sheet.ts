/**
 * The report sheet ScoreCheck adds (自评报告): its part, written whole, and its registration in the
 * workbook (sheet entry, relationship, content type, the hidden marker name, docProps/app.xml titles).
 * A report sheet from an earlier run (found by the marker, not by name) is rewritten in place.
 */
import { quoteSheet, type NarrativeLine } from "../../engine";
import { CONTENT_TYPE, REL, XlsxPackage } from "./package";
import type { StyleSheet } from "./styles";
import { escapeText, findElement, splice } from "./xml";
import { REPORT_MARKER, type SheetEntry, type WorkbookPart } from "./workbook";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function reportSheetXml(lines: NarrativeLine[], styles: StyleSheet): string {
  const rows = lines
    .map((l, i) => {
      if (!l.text) return "";
      const s = styles.reportXf(l.style);
      return `<row r="${i + 1}"><c r="A${i + 1}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${escapeText(l.text)}</t></is></c></row>`;
    })
    .join("");
  const last = Math.max(1, lines.length);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    `<dimension ref="A1:A${last}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<cols><col min="1" max="1" width="100" customWidth="1"/></cols><sheetData>${rows}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

/** The report sheet an earlier run wrote, recognised by its marker name. */
export function existingReport(wb: WorkbookPart, sheets: SheetEntry[]): SheetEntry | null {
  const marker = wb.definedNames().find((n) => n.name === REPORT_MARKER && n.localSheetId !== null);
  return marker ? sheets[marker.localSheetId!] ?? null : null;
}

export function uniqueSheetName(sheets: SheetEntry[], base: string): string {
  const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}(${i})`.toLowerCase())) return `${base}(${i})`;
}

/** Adds a new report sheet; returns its name. */
export function addReportSheet(pkg: XlsxPackage, wb: WorkbookPart, base: string, xml: string): string {
  const sheets = wb.sheets();
  const name = uniqueSheetName(sheets, base);
  const part = pkg.freeName((n) => `xl/worksheets/sheet${n}.xml`);
  pkg.setText(part, xml);
  pkg.addOverride(part, CONTENT_TYPE.worksheet);
  const index = wb.appendSheet(name, part);
  wb.setHiddenName(REPORT_MARKER, index, `${quoteSheet(name)}!$A$1`);
  addAppTitle(pkg, sheets.length, name);
  return name;
}

/**
 * docProps/app.xml lists the sheet names (TitlesOfParts) with their count (HeadingPairs): the new
 * sheet goes after the last worksheet title. Left alone when its layout isn't the usual one.
 */
function addAppTitle(pkg: XlsxPackage, sheetCount: number, name: string): void {
  const part = pkg.related("", REL.extendedProperties)[0];
  const xml = part ? pkg.text(part) : null;
  if (!part || !xml) return;
  const pairs = findElement(xml, "HeadingPairs");
  const titles = findElement(xml, "TitlesOfParts");
  if (!pairs || !titles) return;
  // HeadingPairs: (label, count) variants; the worksheets' label comes first in Excel's files.
  const m = /(<vt:lpstr>[^<]*<\/vt:lpstr>\s*<\/vt:variant>\s*<vt:variant>\s*<vt:i4>)(\d+)(<\/vt:i4>)/.exec(pairs.text);
  const size = /<vt:vector\b[^>]*\ssize="(\d+)"/.exec(titles.text);
  if (!m || !size || Number(m[2]) !== sheetCount) return;
  const items = [...titles.text.matchAll(/<vt:lpstr>[^<]*<\/vt:lpstr>/g)];
  if (items.length !== Number(size[1]) || items.length < sheetCount) return;
  const after = sheetCount ? items[sheetCount - 1].index! + items[sheetCount - 1][0].length : titles.text.indexOf(">", titles.text.indexOf("<vt:vector")) + 1;
  let t = splice(titles.text, after, after, `<vt:lpstr>${escapeText(name)}</vt:lpstr>`);
  t = t.replace(/(<vt:vector\b[^>]*\ssize=")(\d+)"/, (_, a: string, n: string) => `${a}${Number(n) + 1}"`);
  const pairsText = pairs.text.replace(m[0], `${m[1]}${sheetCount + 1}${m[3]}`);
  // Replace the later element first so the earlier span's offsets stay valid.
  let out = xml;
  const [first, second] = pairs.start < titles.start ? [[pairs, pairsText], [titles, t]] as const : [[titles, t], [pairs, pairsText]] as const;
  out = splice(out, second[0].start, second[0].end, second[1]);
  out = splice(out, first[0].start, first[0].end, first[1]);
  pkg.setText(part, out);
}
