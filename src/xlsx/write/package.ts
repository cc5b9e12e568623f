/**
 * An open .xlsx package being patched: the zip's entries in their order, the parts replaced, added
 * or removed so far, and the relationship and content-type bookkeeping every change needs. Parts
 * nobody asks for are never inflated.
 */
import { posix } from "node:path";
import { openZip, type ZipEntry } from "../package/zip";
import { escapeAttr, findAll, findElement, parseAttrs, splice } from "./xml";

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
  extendedProperties: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const encoder = new TextEncoder();
/** Characters past which a written part is not also kept as a string. */
const BIG_TEXT = 8 * 2 ** 20;

export class XlsxPackage {
  readonly entries: Map<string, ZipEntry>;
  /** Parts written by the patch: new text (or bytes) by part name. */
  readonly changed = new Map<string, Uint8Array>();
  readonly removed = new Set<string>();
  private readonly texts = new Map<string, string>();

  constructor(bytes: Uint8Array, readonly fileName: string) {
    this.entries = openZip(bytes, fileName);
  }

  has(part: string): boolean {
    return !this.removed.has(part) && (this.changed.has(part) || this.entries.has(part));
  }

  /** A part's current text (as patched so far). */
  text(part: string): string | null {
    if (!this.has(part)) return null;
    const cached = this.texts.get(part);
    if (cached !== undefined) return cached;
    const written = this.changed.get(part);
    const t = written ? new TextDecoder().decode(written) : this.entries.get(part)!.text();
    this.texts.set(part, t);
    return t;
  }

  /** Replaces (or adds) a part; a text identical to the stored one leaves the part untouched. */
  setText(part: string, text: string): void {
    this.removed.delete(part);
    const previous = this.texts.get(part);
    if (previous === text) return;
    this.texts.set(part, text);
    // Back to what is stored: the part is copied as it was. (Compared only where that is cheap.)
    const original = this.entries.get(part);
    if (original && original.size < 8 * 2 ** 20 && new TextDecoder().decode(original.bytes()) === text) {
      this.changed.delete(part);
      return;
    }
    this.changed.set(part, encoder.encode(text));
    // A large part is held once, as the bytes to write, not also as a string.
    if (text.length > BIG_TEXT) this.texts.delete(part);
  }

  /** Replaces a part with text given in pieces, encoded straight into one buffer (no joined copy). */
  setPieces(part: string, pieces: string[]): void {
    const total = pieces.reduce((n, x) => n + Buffer.byteLength(x, "utf8"), 0);
    const out = Buffer.allocUnsafe(total);
    let at = 0;
    for (const x of pieces) at += out.write(x, at, "utf8");
    this.removed.delete(part);
    this.texts.delete(part);
    const original = this.entries.get(part);
    if (original && original.size === total && Buffer.from(original.bytes()).equals(out)) {
      this.changed.delete(part);
      return;
    }
    this.changed.set(part, new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
  }

  remove(part: string): void {
    this.removed.add(part);
    this.changed.delete(part);
    this.texts.delete(part);
  }

  /** A part name not yet in the package: `xl/worksheets/sheet{n}.xml` with the smallest free n. */
  freeName(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.has(pattern(n))) return pattern(n);
  }

  // ---- relationships ----

  static relsPath(part: string): string {
    const dir = posix.dirname(part);
    return posix.join(dir === "." ? "" : dir, "_rels", `${posix.basename(part)}.rels`);
  }

  rels(part: string): Relationship[] {
    const xml = this.text(XlsxPackage.relsPath(part));
    if (!xml) return [];
    return findAll(xml, "Relationship").map((s) => {
      const a = parseAttrs(s.text);
      return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: a.get("Target") ?? "", external: a.get("TargetMode") === "External" };
    });
  }

  /** The part a relationship of `part` points to, as a package path. */
  static resolve(part: string, target: string): string {
    if (target.startsWith("/")) return target.slice(1);
    return posix.normalize(posix.join(posix.dirname(part), target));
  }

  related(part: string, type: string): string[] {
    return this.rels(part)
      .filter((r) => r.type === type && !r.external)
      .map((r) => XlsxPackage.resolve(part, r.target));
  }

  /** Adds a relationship from `part` to `target` (a package path); returns its new id. */
  addRel(part: string, type: string, target: string): string {
    const path = XlsxPackage.relsPath(part);
    const xml =
      this.text(path) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const taken = new Set(this.rels(part).map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = posix.relative(posix.dirname(part), target);
    const el = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(rel)}"/>`;
    const close = xml.lastIndexOf("</Relationships>");
    this.setText(path, close >= 0 ? splice(xml, close, close, el) : xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${el}</Relationships>`));
    return id;
  }

  /** Removes the relationships of `part` of a type (and to a target, when given). */
  removeRels(part: string, type: string, target?: string): void {
    const path = XlsxPackage.relsPath(part);
    let xml = this.text(path);
    if (!xml) return;
    for (const s of findAll(xml, "Relationship").reverse()) {
      const a = parseAttrs(s.text);
      if (a.get("Type") !== type) continue;
      if (target !== undefined && XlsxPackage.resolve(part, a.get("Target") ?? "") !== target) continue;
      xml = splice(xml, s.start, s.end, "");
    }
    this.setText(path, xml);
  }

  // ---- content types ----

  private get contentTypes(): string {
    return this.text("[Content_Types].xml") ?? "";
  }

  addOverride(part: string, type: string): void {
    const xml = this.contentTypes;
    const name = `/${part}`;
    if (findAll(xml, "Override").some((s) => parseAttrs(s.text).get("PartName") === name)) return;
    const close = xml.lastIndexOf("</Types>");
    this.setText("[Content_Types].xml", splice(xml, close, close, `<Override PartName="${escapeAttr(name)}" ContentType="${type}"/>`));
  }

  removeOverride(part: string): void {
    let xml = this.contentTypes;
    for (const s of findAll(xml, "Override").reverse()) if (parseAttrs(s.text).get("PartName") === `/${part}`) xml = splice(xml, s.start, s.end, "");
    this.setText("[Content_Types].xml", xml);
  }

  addDefault(extension: string, type: string): void {
    const xml = this.contentTypes;
    if (findAll(xml, "Default").some((s) => parseAttrs(s.text).get("Extension")?.toLowerCase() === extension)) return;
    const first = findElement(xml, "Default") ?? findElement(xml, "Override");
    const at = first ? first.start : xml.lastIndexOf("</Types>");
    this.setText("[Content_Types].xml", splice(xml, at, at, `<Default Extension="${extension}" ContentType="${type}"/>`));
  }

  /** The workbook part (xl/workbook.xml, or wherever the root relationship points). */
  workbookPart(): string {
    const main = this.related("", REL.officeDocument)[0];
    return main ?? "xl/workbook.xml";
  }
}
