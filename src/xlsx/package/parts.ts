/**
 * The package parts every reader and writer of an .xlsx needs: content types, relationships, and the
 * workbook part's sheet list and defined names. Small parts, parsed whole.
 */
import type { ZipEntry } from "./zip";
import { scanXml, sink } from "./xml";

export interface Relationship {
  id: string;
  /** The relationship type URI (transitional or strict namespace). */
  type: string;
  /** The target part's name, resolved to a zip entry name (no leading "/"); as written when external. */
  target: string;
  external: boolean;
}

/** Relationship types by their last path segment, which transitional and strict OOXML share. */
export function relType(r: Relationship): string {
  return r.type.slice(r.type.lastIndexOf("/") + 1);
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the part it belongs to, as a zip entry name. */
export function resolveTarget(fromPart: string, target: string): string {
  const base = target.startsWith("/") ? [] : fromPart.split("/").slice(0, -1);
  for (const seg of target.replace(/\\/g, "/").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

export function parseRelationships(xml: string, fromPart: string): Relationship[] {
  const out: Relationship[] = [];
  scanXml(
    xml,
    sink({
      open(name, a) {
        if (name !== "Relationship" || !a.Id || !a.Target) return;
        const external = a.TargetMode === "External";
        out.push({ id: a.Id, type: a.Type ?? "", target: external ? a.Target : resolveTarget(fromPart, decodeURIComponentSafe(a.Target)), external });
      },
    }),
  );
  return out;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export interface ContentTypes {
  /** Extension (lower case, no dot) → content type. */
  defaults: Map<string, string>;
  /** Part name (no leading "/", lower case) → content type. */
  overrides: Map<string, string>;
}

export function parseContentTypes(xml: string): ContentTypes {
  const ct: ContentTypes = { defaults: new Map(), overrides: new Map() };
  scanXml(
    xml,
    sink({
      open(name, a) {
        if (name === "Default" && a.Extension) ct.defaults.set(a.Extension.toLowerCase(), a.ContentType ?? "");
        if (name === "Override" && a.PartName) ct.overrides.set(a.PartName.replace(/^\//, "").toLowerCase(), a.ContentType ?? "");
      },
    }),
  );
  return ct;
}

export function contentTypeOf(ct: ContentTypes, part: string): string | undefined {
  const key = part.toLowerCase();
  return ct.overrides.get(key) ?? ct.defaults.get(key.slice(key.lastIndexOf(".") + 1));
}

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetEntry {
  name: string;
  sheetId: string;
  /** The relationship id (r:id) in the workbook part's relationships. */
  rId: string;
  state: SheetState;
}

export interface DefinedName {
  name: string;
  /** The 0-based position in the sheet list of the sheet the name is scoped to; absent for a global name. */
  localSheetId?: number;
  hidden: boolean;
  /** The formula text (a reference, a constant or a formula). */
  value: string;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  /** The workbook counts dates from 1904 (serial numbers are kept as stored either way). */
  date1904: boolean;
}

/** The hidden sheet-scoped defined name with which ScoreCheck marks the report sheet it writes. */
export const REPORT_MARKER_NAME = "_ScoreCheckReport";

export function parseWorkbook(xml: string): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], definedNames: [], date1904: false };
  let name: DefinedName | null = null;
  scanXml(xml, {
    open(tag, a) {
      if (tag === "sheet") {
        const rId = Object.keys(a).find((k) => k === "id" || k.endsWith(":id"));
        const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
        info.sheets.push({ name: a.name ?? "", sheetId: a.sheetId ?? "", rId: rId ? a[rId] : "", state });
      } else if (tag === "workbookPr") {
        info.date1904 = isTrue(a.date1904);
      } else if (tag === "definedName") {
        const local = a.localSheetId !== undefined ? Number(a.localSheetId) : undefined;
        name = { name: a.name ?? "", hidden: isTrue(a.hidden), value: "" };
        if (local !== undefined && Number.isInteger(local)) name.localSheetId = local;
      }
    },
    close(tag) {
      if (tag === "definedName" && name) {
        info.definedNames.push(name);
        name = null;
      }
    },
    text(t) {
      if (name) name.value += t;
    },
  });
  return info;
}

/** xsd:boolean: "1" or "true". */
export function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

/** Finds a part by name as OPC does: part names compare case-insensitively. */
export function findPart(zip: Map<string, ZipEntry>, part: string): ZipEntry | undefined {
  const exact = zip.get(part);
  if (exact) return exact;
  const key = part.toLowerCase();
  for (const [n, e] of zip) if (n.toLowerCase() === key || n.replace(/^\//, "").toLowerCase() === key) return e;
  return undefined;
}
