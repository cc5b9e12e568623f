import { STYLE, type StyleName } from "./styles";
import { cellRef, columnLetter, escapeXml, XML_HEAD } from "./xml";

/**
 * A cell: text, a number (written as a number), or text linked to another file (a relative path)
 * and optionally a place in it ('Sheet'!A1). The place goes in the hyperlink's location, not after a
 * "#" in the target, which Excel fails to open.
 */
export type Cell = string | number | null | { text: string; link: string; location?: string };

/** One worksheet as the summary lays it out; the writer turns it into SpreadsheetML. */
export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** Style of each whole row (index parallel to rows); cells with a link keep the link style. */
  rowStyles?: (StyleName | null)[];
  /** Row 0 is a header: bold, frozen, with filters over the table. */
  header?: boolean;
  /** Widest a fitted column gets, in characters; longer text wraps. */
  maxWidth?: number;
  /** Narrower caps for some columns (index → characters). */
  columnMax?: Record<number, number>;
  /** Body cells wrap at their column's width and sit at the top of their row. */
  wrap?: boolean;
  /** Printed landscape, scaled to one page wide (a wide table a reviewer may print). */
  landscape?: boolean;
}

/** Shared strings: each distinct text written once, referenced by index. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly list: string[] = [];
  count = 0;

  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join("");
    return `${XML_HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

/** Excel's cell limit; longer text would be a repair prompt. */
const MAX_TEXT = 32_767;

/** How wide text looks in a spreadsheet column: CJK and full-width characters take two places. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

/** The number of columns of the widest row. */
export function columnCount(spec: SheetSpec): number {
  let n = 0;
  for (const row of spec.rows) if (row.length > n) n = row.length;
  return n;
}

function cellText(c: Cell): string {
  if (c === null) return "";
  if (typeof c === "number") return String(c);
  if (typeof c === "string") return c;
  return c.text;
}

/** Column widths that fit the longest line of each column (clamped), in Excel's character units. */
export function fitWidths(spec: SheetSpec): number[] {
  const max = spec.maxWidth ?? 60;
  const widths: number[] = [];
  for (const row of spec.rows)
    row.forEach((c, i) => {
      const longest = Math.max(0, ...cellText(c).split("\n").map(displayWidth));
      widths[i] = Math.max(widths[i] ?? 0, longest);
    });
  return widths.map((w, i) => Math.min(Math.max(w + 2, 6), spec.columnMax?.[i] ?? max));
}

/** Points per line of 11-point text. */
const LINE_HEIGHT = 15;

/** How many lines a row's tallest cell takes when wrapped at its column's width. */
export function linesOf(row: Cell[], widths: number[]): number {
  let lines = 1;
  row.forEach((c, i) => {
    if (typeof c !== "string") return;
    // Rendered CJK runs a little wider than two character widths: estimate on the safe side.
    const room = Math.max(1, ((widths[i] ?? 10) - 1) * 0.85);
    const n = c.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(displayWidth(part) / room)), 0);
    lines = Math.max(lines, n);
  });
  return Math.min(lines, 10);
}

export interface SheetXml {
  xml: string;
  /** Hyperlink targets in the order of their relationship ids (rId1, rId2, …). */
  links: string[];
}

/** SpreadsheetML for one sheet; elements in the order the schema requires. */
export function sheetXml(spec: SheetSpec, strings: SharedStrings, selected: boolean): SheetXml {
  const widths = fitWidths(spec);
  const links: string[] = [];
  const hyperlinks: string[] = [];
  const rowsXml: string[] = [];
  const lastCol = columnCount(spec) - 1;
  spec.rows.forEach((row, r) => {
    const rowStyle = r === 0 && spec.header ? "header" : (spec.rowStyles?.[r] ?? null);
    const cells = row.map((c, col) => {
      const ref = cellRef(r, col);
      const body = !(spec.header && r === 0);
      const styleName: StyleName | null = c !== null && typeof c === "object" ? "link" : (rowStyle ?? (spec.wrap && body ? "wrap" : null));
      const s = styleName ? ` s="${STYLE[styleName]}"` : "";
      if (c === null || c === "") return rowStyle ? `<c r="${ref}"${s}/>` : "";
      if (typeof c === "number") return Number.isFinite(c) ? `<c r="${ref}"${s}><v>${c}</v></c>` : "";
      const text = (typeof c === "string" ? c : c.text).slice(0, MAX_TEXT);
      if (typeof c === "object") {
        links.push(c.link);
        const location = c.location ? ` location="${escapeXml(c.location)}"` : "";
        hyperlinks.push(`<hyperlink ref="${ref}" r:id="rId${links.length}"${location}/>`);
      }
      return `<c r="${ref}" t="s"${s}><v>${strings.id(text)}</v></c>`;
    });
    // Rows styled as a whole fill their empty cells too, so the highlight spans the table.
    if (rowStyle) for (let col = row.length; col <= lastCol; col++) cells.push(`<c r="${cellRef(r, col)}" s="${STYLE[rowStyle]}"/>`);
    // Spreadsheets don't grow a row for wrapped text on opening: the height is written out.
    const lines = spec.wrap ? linesOf(row, widths) : 1;
    rowsXml.push(lines > 1 ? `<row r="${r + 1}" ht="${lines * LINE_HEIGHT}" customHeight="1">${cells.join("")}</row>` : `<row r="${r + 1}">${cells.join("")}</row>`);
  });
  const lastRef = `${columnLetter(Math.max(lastCol, 0))}${Math.max(spec.rows.length, 1)}`;
  const pane = spec.header
    ? `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>`
    : `<selection activeCell="A1" sqref="A1"/>`;
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  const xml =
    XML_HEAD +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    (spec.landscape ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "") +
    `<dimension ref="A1:${lastRef}"/>` +
    `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ""}>${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rowsXml.join("")}</sheetData>` +
    (spec.header && spec.rows.length > 0 ? `<autoFilter ref="A1:${lastRef}"/>` : "") +
    (hyperlinks.length ? `<hyperlinks>${hyperlinks.join("")}</hyperlinks>` : "") +
    (spec.landscape ? `<printOptions gridLines="1"/>` : "") +
    `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
    (spec.landscape ? `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` : "") +
    `</worksheet>`;
  return { xml, links };
}

/** The filtered range of a sheet with a header, for the workbook's _FilterDatabase name. */
export function filterRange(spec: SheetSpec): string | null {
  if (!spec.header || spec.rows.length === 0) return null;
  const lastCol = columnCount(spec) - 1;
  return `$A$1:$${columnLetter(Math.max(lastCol, 0))}$${spec.rows.length}`;
}
