/**
 * The style sheet, patched by appending: a mark is the cell's own xf with only the fill swapped (one
 * new xf per original xf and severity), report lines get their own fonts. An entry identical to one
 * already there is reused, so a second run appends nothing.
 */
import { MARK_FILLS, type NarrativeLine, type Severity } from "../../engine";
import { CONTENT_TYPE, REL, XlsxPackage } from "./package";
import { findAll, findElement, rootPrefix, setAttr, splice } from "./xml";

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The order of the style sheet's collections, for creating one that is missing. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

export class StyleSheet {
  readonly path: string;
  private xml: string;
  private readonly p: string;
  private readonly original: string;

  /** The workbook had no style sheet: one is added only if something is appended to it. */
  private readonly created: boolean;

  constructor(
    private readonly pkg: XlsxPackage,
    private readonly workbookPath: string,
  ) {
    const existing = pkg.related(workbookPath, REL.styles)[0];
    this.created = !(existing && pkg.has(existing));
    this.path = this.created ? "xl/styles.xml" : existing;
    this.xml = this.created ? MINIMAL_STYLES : pkg.text(existing)!;
    this.original = this.xml;
    this.p = rootPrefix(this.xml, "styleSheet");
  }

  /** The elements of one collection (`fills` → its `fill` children), as written. */
  private items(collection: string, item: string): string[] {
    const block = findElement(this.xml, this.p + collection);
    return block ? findAll(block.text, this.p + item).map((s) => s.text) : [];
  }

  /** Index of an identical item, or of the item appended; the collection's count follows. */
  private ensure(collection: string, item: string, element: string, reusable: (index: number) => boolean = () => true): number {
    const items = this.items(collection, item);
    const found = items.findIndex((x, i) => x === element && reusable(i));
    if (found >= 0) return found;
    const p = this.p;
    let block = findElement(this.xml, p + collection);
    if (!block) {
      const followers = ORDER.slice(ORDER.indexOf(collection) + 1);
      let at = -1;
      for (const f of followers) {
        const s = findElement(this.xml, p + f);
        if (s) {
          at = s.start;
          break;
        }
      }
      if (at < 0) at = this.xml.lastIndexOf(`</${p}styleSheet>`);
      this.xml = splice(this.xml, at, at, `<${p}${collection} count="0"></${p}${collection}>`);
      block = findElement(this.xml, p + collection)!;
    }
    let text = block.text.endsWith("/>") ? `${block.text.slice(0, -2)}></${p}${collection}>` : block.text;
    const close = text.length - `</${p}${collection}>`.length;
    text = text.slice(0, close) + element + text.slice(close);
    const tag = text.slice(0, text.indexOf(">") + 1);
    text = setAttr(tag, "count", String(items.length + 1)) + text.slice(tag.length);
    this.xml = splice(this.xml, block.start, block.end, text);
    return items.length;
  }

  cellXfs(): string[] {
    return this.items("cellXfs", "xf");
  }

  private severityFill(severity: Severity): string {
    const p = this.p;
    const rgb = `FF${MARK_FILLS[severity].slice(1)}`;
    return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
  }

  /** The fill indexes of the three severity fills as they stand (-1 where absent). */
  markFillIds(): Set<number> {
    const fills = this.items("fills", "fill");
    return new Set((["error", "warning", "info"] as Severity[]).map((s) => fills.indexOf(this.severityFill(s))).filter((i) => i >= 0));
  }

  /** The xf a marked cell gets: its own xf with the fill replaced by the severity's. */
  markXf(original: number, severity: Severity): number {
    const xfs = this.cellXfs();
    const base = xfs[original] ?? xfs[0];
    const fillId = this.ensure("fills", "fill", this.severityFill(severity));
    const tag = base.slice(0, base.indexOf(">") + 1);
    const closing = tag.endsWith("/>");
    let next = setAttr(setAttr(tag, "fillId", String(fillId), "fontId"), "applyFill", "1");
    if (closing && !next.endsWith("/>")) next = next.slice(0, -1) + "/>";
    // Only a mark style ScoreCheck made is reused: a user's identical style stays the user's, so
    // clearing marks later can never touch a cell ScoreCheck did not mark.
    const index = this.ensure("cellXfs", "xf", next + base.slice(tag.length), (i) => this.ownMarks.has(i));
    this.ownMarks.add(index);
    return index;
  }

  /** Mark styles ScoreCheck made (confirmed from the sheets' records, and those made in this run). */
  readonly ownMarks = new Set<number>();

  /** True when xf `mark` is xf `original` with only the fill changed to a severity fill. */
  isMarkOf(mark: number, original: number): boolean {
    const xfs = this.cellXfs();
    if (!xfs[mark] || !xfs[original] || mark === original) return false;
    const fillOf = (xf: string) => Number(/\sfillId="(\d+)"/.exec(xf)?.[1] ?? 0);
    if (!this.markFillIds().has(fillOf(xfs[mark]))) return false;
    const strip = (xf: string) => xf.replace(/\s(fillId|applyFill)="[^"]*"/g, "");
    return strip(xfs[mark]) === strip(xfs[original]);
  }

  /** The xf for a report line (bold title, bold heading, body), wrapping at the top of the cell. */
  reportXf(style: NarrativeLine["style"]): number {
    const p = this.p;
    const fonts = this.items("fonts", "font");
    let fontId = 0;
    if (style !== "body") {
      const base = (fonts[0] ?? `<${p}font></${p}font>`).replace(new RegExp(`<${p}(b|sz)\\b[^>]*/>`, "g"), "");
      const size = style === "title" ? 16 : 12;
      const open = base.endsWith("/>") ? `${base.slice(0, -2)}>` : base.slice(0, base.indexOf(">") + 1);
      const rest = base.endsWith("/>") ? `</${p}font>` : base.slice(base.indexOf(">") + 1);
      fontId = this.ensure("fonts", "font", `${open}<${p}b/><${p}sz val="${size}"/>${rest}`);
    }
    return this.ensure(
      "cellXfs",
      "xf",
      `<${p}xf numFmtId="0" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><${p}alignment vertical="top" wrapText="1"/></${p}xf>`,
    );
  }

  commit(): void {
    if (this.xml === this.original) return;
    if (this.created) {
      this.pkg.addRel(this.workbookPath, REL.styles, this.path);
      this.pkg.addOverride(this.path, CONTENT_TYPE.styles);
    }
    this.pkg.setText(this.path, this.xml);
  }
}
