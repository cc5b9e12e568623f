/**
 * The workbook part as the writer needs it: sheets (name, part, index), defined names (with
 * ScoreCheck's markers), structure protection; and the edits an added report sheet makes to it.
 */
import { REPORT_MARKER_NAME } from "../package/parts";
import { REL, XlsxPackage } from "./package";
import { escapeAttr, escapeText, findAll, findElement, innerXml, insertionPoint, parseAttrs, rootPrefix, setAttr, splice, unescapeXml } from "./xml";

export interface SheetEntry {
  name: string;
  index: number;
  sheetId: number;
  relId: string;
  part: string;
}

export interface DefinedName {
  name: string;
  localSheetId: number | null;
  value: string;
}

/** The hidden sheet-scoped name that marks ScoreCheck's report sheet (the reader recognises it). */
export const REPORT_MARKER = REPORT_MARKER_NAME;
/** The hidden sheet-scoped name recording, for one sheet, which styles are marks of which originals. */
export const MARKS_RECORD = "_ScoreCheckMarks";

const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export class WorkbookPart {
  readonly path: string;
  readonly prefix: string;

  constructor(private readonly pkg: XlsxPackage) {
    this.path = pkg.workbookPart();
    this.prefix = rootPrefix(this.xml, "workbook");
  }

  get xml(): string {
    return this.pkg.text(this.path) ?? "";
  }

  private set xml(text: string) {
    this.pkg.setText(this.path, text);
  }

  sheets(): SheetEntry[] {
    const rels = new Map(this.pkg.rels(this.path).map((r) => [r.id, r]));
    const block = findElement(this.xml, `${this.prefix}sheets`);
    if (!block) return [];
    return findAll(block.text, `${this.prefix}sheet`).map((s, index) => {
      const a = parseAttrs(s.text);
      const relId = [...a].find(([k]) => k.endsWith(":id"))?.[1] ?? "";
      const rel = rels.get(relId);
      return {
        name: a.get("name") ?? "",
        index,
        sheetId: Number(a.get("sheetId")),
        relId,
        part: rel && rel.type === REL.worksheet ? XlsxPackage.resolve(this.path, rel.target) : "",
      };
    });
  }

  structureLocked(): boolean {
    const p = findElement(this.xml, `${this.prefix}workbookProtection`);
    if (!p) return false;
    const v = parseAttrs(p.text).get("lockStructure");
    return v === "1" || v === "true";
  }

  definedNames(): DefinedName[] {
    return findAll(this.xml, `${this.prefix}definedName`).map((s) => {
      const a = parseAttrs(s.text);
      const local = a.get("localSheetId");
      return { name: a.get("name") ?? "", localSheetId: local === undefined ? null : Number(local), value: unescapeXml(innerXml(s.text)) };
    });
  }

  /** Sets (or, with null, removes) a hidden sheet-scoped name. */
  setHiddenName(name: string, localSheetId: number, value: string | null): void {
    let xml = this.xml;
    const p = this.prefix;
    const existing = findAll(xml, `${p}definedName`).find((s) => {
      const a = parseAttrs(s.text);
      return a.get("name") === name && Number(a.get("localSheetId")) === localSheetId;
    });
    const el = value === null ? "" : `<${p}definedName name="${name}" localSheetId="${localSheetId}" hidden="1">${escapeText(value)}</${p}definedName>`;
    if (existing) {
      if (existing.text === el) return;
      this.xml = splice(xml, existing.start, existing.end, el);
      return;
    }
    if (value === null) return;
    const block = findElement(xml, `${p}definedNames`);
    if (block) {
      if (block.text.endsWith("/>")) this.xml = splice(xml, block.start, block.end, `<${p}definedNames>${el}</${p}definedNames>`);
      else {
        const close = block.end - `</${p}definedNames>`.length;
        this.xml = splice(xml, close, close, el);
      }
      return;
    }
    const followers = ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
    const at = insertionPoint(xml, p, followers, `</${p}workbook>`, findElement(xml, `${p}sheets`)?.end ?? 0);
    xml = splice(xml, at, at, `<${p}definedNames>${el}</${p}definedNames>`);
    this.xml = xml;
  }

  /** Appends a sheet entry pointing at `part`; returns its index. */
  appendSheet(name: string, part: string): number {
    const relId = this.pkg.addRel(this.path, REL.worksheet, part);
    const sheets = this.sheets();
    const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
    const p = this.prefix;
    const xml = this.xml;
    const block = findElement(xml, `${p}sheets`)!;
    const close = block.end - `</${p}sheets>`.length;
    const el = `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" r:id="${relId}" xmlns:r="${R_NS}"/>`;
    this.xml = splice(xml, close, close, el);
    return sheets.length;
  }

  /** Excel recalculates on open: cells depending on changed totals get fresh results. */
  requestFullCalcOnLoad(): void {
    const p = this.prefix;
    const xml = this.xml;
    const calc = findElement(xml, `${p}calcPr`);
    if (calc) {
      const tag = calc.text.slice(0, calc.text.indexOf(">") + 1);
      const next = setAttr(tag, "fullCalcOnLoad", "1");
      if (next !== tag) this.xml = splice(xml, calc.start, calc.start + tag.length, next);
      return;
    }
    const followers = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
    const at = insertionPoint(xml, p, followers, `</${p}workbook>`, findElement(xml, `${p}sheets`)?.end ?? 0);
    this.xml = splice(xml, at, at, `<${p}calcPr fullCalcOnLoad="1"/>`);
  }
}
