/**
 * Opens an .xlsx package: tells it apart from what users rename to .xlsx (sniff.ts for non-zips;
 * here Word, PowerPoint, OpenDocument and binary workbooks, which are zips too), then finds the
 * workbook part, its relationships and its sheet list.
 */
import { InputError } from "../../engine";
import { damaged, openZip, type ZipEntry } from "./zip";
import { assertXlsxBytes } from "./sniff";
import { MAX_TEXT, XmlError, XmlTextTooLong } from "./xml";
import {
  contentTypeOf,
  findPart,
  parseContentTypes,
  parseRelationships,
  parseWorkbook,
  relsPathOf,
  relType,
  type ContentTypes,
  type Relationship,
  type WorkbookInfo,
} from "./parts";

export interface XlsxPackage {
  /** The file's name, for messages. */
  name: string;
  zip: Map<string, ZipEntry>;
  contentTypes: ContentTypes;
  /** The workbook part's entry name, usually "xl/workbook.xml". */
  workbookPart: string;
  workbook: WorkbookInfo;
  /** The workbook part's relationships. */
  workbookRels: Relationship[];
  /** Whether the workbook carries macros (an .xlsm). */
  macroEnabled: boolean;
}

const WORKBOOK_TYPES = /spreadsheetml\.(sheet|template)\.main\+xml$|ms-excel\.(sheet|template|addin)\.macroEnabled\.main\+xml$/;

export function openPackage(bytes: Uint8Array, name: string): XlsxPackage {
  assertXlsxBytes(bytes, name);
  const zip = openZip(bytes, name);
  return xmlErrorsAsDamage(name, () => {
    const odf = odfKind(zip);
    if (odf) throw notExcel(name, odf);
    const ctEntry = findPart(zip, "[Content_Types].xml");
    const contentTypes = ctEntry ? parseContentTypes(ctEntry.text()) : { defaults: new Map(), overrides: new Map() };
    const rootRels = findPart(zip, "_rels/.rels");
    const main = rootRels ? parseRelationships(rootRels.text(), "").find((r) => relType(r) === "officeDocument" && !r.external) : undefined;
    const workbookPart = main?.target ?? "xl/workbook.xml";
    const wbEntry = findPart(zip, workbookPart);
    const type = contentTypeOf(contentTypes, workbookPart) ?? "";
    if (!wbEntry || (ctEntry && type && !WORKBOOK_TYPES.test(type))) {
      const other = officeKind(zip, type);
      if (other) throw notExcel(name, other);
      if (!ctEntry && !rootRels) throw notExcel(name, { zh: "普通 zip 压缩包", en: "a plain zip archive" });
      throw damaged(name, `no workbook part (${workbookPart})`);
    }
    const relsEntry = findPart(zip, relsPathOf(wbEntry.name));
    return {
      name,
      zip,
      contentTypes,
      workbookPart: wbEntry.name,
      workbook: parseWorkbook(wbEntry.text()),
      workbookRels: relsEntry ? parseRelationships(relsEntry.text(), wbEntry.name) : [],
      macroEnabled: /macroEnabled/i.test(type),
    };
  });
}

/** Runs `fn`, reporting XML that cannot be tokenized as a damaged file, and absurdly long text as too large. */
export function xmlErrorsAsDamage<T>(name: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof XmlTextTooLong)
      throw new InputError("too-large", `${name}：文件中有一段超过 ${MAX_TEXT / 2 ** 20} MB 的文字，文件过大，无法核查`, `${name}: the file holds ${e.message}; too large to check`);
    if (e instanceof XmlError) throw damaged(name, e.message);
    throw e;
  }
}

function notExcel(name: string, what: Kind): InputError {
  const zh = `${name}：这是${/^[A-Za-z]/.test(what.zh) ? " " : ""}${what.zh}，不是 Excel 工作簿${what.adviceZh ? `；${what.adviceZh}` : ""}`;
  const en = `${name}: this is ${what.en}, not an Excel workbook${what.adviceEn ? `; ${what.adviceEn}` : ""}`;
  return new InputError("not-xlsx", zh, en);
}

interface Kind {
  zh: string;
  en: string;
  adviceZh?: string;
  adviceEn?: string;
}

const SAVE_AS = { adviceZh: "请另存为 .xlsx 后再核查", adviceEn: "save it as .xlsx and check again" };

/** OpenDocument files name their kind in a first, stored `mimetype` entry. */
function odfKind(zip: Map<string, ZipEntry>): Kind | null {
  const entry = zip.get("mimetype");
  if (!entry || entry.size > 200) return null;
  const mime = entry.text().trim();
  if (!mime.startsWith("application/vnd.oasis.opendocument.")) return null;
  const kind = mime.slice("application/vnd.oasis.opendocument.".length);
  if (kind.startsWith("spreadsheet")) return { zh: "OpenDocument 电子表格（.ods）", en: "an OpenDocument spreadsheet (.ods)", ...SAVE_AS };
  if (kind.startsWith("text")) return { zh: "OpenDocument 文字文档（.odt）", en: "an OpenDocument text document (.odt)" };
  if (kind.startsWith("presentation")) return { zh: "OpenDocument 演示文稿（.odp）", en: "an OpenDocument presentation (.odp)" };
  return { zh: `OpenDocument 文件（${mime}）`, en: `an OpenDocument file (${mime})` };
}

/** Other Office Open XML documents, by their main part. */
function officeKind(zip: Map<string, ZipEntry>, workbookType: string): Kind | null {
  if (/ms-excel\.sheet\.binary/.test(workbookType) || findPart(zip, "xl/workbook.bin"))
    return { zh: "二进制工作簿（.xlsb）", en: "a binary workbook (.xlsb)", adviceZh: "请在 Excel 中另存为 .xlsx 后再核查", adviceEn: "save it as .xlsx in Excel and check again" };
  if (findPart(zip, "word/document.xml")) return { zh: "Word 文档（.docx）", en: "a Word document (.docx)" };
  if (findPart(zip, "ppt/presentation.xml")) return { zh: "PowerPoint 演示文稿（.pptx）", en: "a PowerPoint presentation (.pptx)" };
  if (findPart(zip, "visio/document.xml")) return { zh: "Visio 绘图（.vsdx）", en: "a Visio drawing (.vsdx)" };
  return null;
}
