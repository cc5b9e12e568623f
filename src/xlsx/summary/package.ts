import { strToU8, zipSync } from "fflate";
import { escapeXml, XML_HEAD } from "./xml";
import { filterRange, SharedStrings, sheetXml, type SheetSpec } from "./sheet";
import { STYLES_XML } from "./styles";

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface PackageInfo {
  /** dcterms:created, ISO 8601 in UTC. */
  created: string;
  creator: string;
}

/** The bytes of an .xlsx holding the given sheets: the minimal parts Excel, WPS and LibreOffice need. */
export function buildXlsx(sheets: SheetSpec[], info: PackageInfo): Uint8Array {
  const strings = new SharedStrings();
  const files: Record<string, Uint8Array> = {};
  const sheetEntries: string[] = [];
  const names: string[] = [];
  sheets.forEach((spec, i) => {
    const n = i + 1;
    const { xml, links } = sheetXml(spec, strings, i === 0);
    files[`xl/worksheets/sheet${n}.xml`] = strToU8(xml);
    if (links.length) {
      const rels = links.map((t, j) => `<Relationship Id="rId${j + 1}" Type="${NS_REL}/hyperlink" Target="${escapeXml(t)}" TargetMode="External"/>`).join("");
      files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = strToU8(`${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels}</Relationships>`);
    }
    sheetEntries.push(`<sheet name="${escapeXml(spec.name)}" sheetId="${n}" r:id="rId${n}"/>`);
    const range = filterRange(spec);
    if (range) names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(spec.name.replace(/'/g, "''"))}'!${range}</definedName>`);
  });
  const n = sheets.length;
  files["xl/workbook.xml"] = strToU8(
    `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}">` +
      `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheetEntries.join("")}</sheets>` +
      (names.length ? `<definedNames>${names.join("")}</definedNames>` : "") +
      `<calcPr calcId="191029"/></workbook>`,
  );
  const wbRels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  wbRels.push(`<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`);
  wbRels.push(`<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  files["xl/_rels/workbook.xml.rels"] = strToU8(`${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${wbRels.join("")}</Relationships>`);
  files["xl/styles.xml"] = strToU8(STYLES_XML);
  files["xl/sharedStrings.xml"] = strToU8(strings.xml());
  files["docProps/core.xml"] = strToU8(
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${escapeXml(info.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${info.created}</dcterms:created></cp:coreProperties>`,
  );
  files["docProps/app.xml"] = strToU8(
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${escapeXml(info.creator)}</Application></Properties>`,
  );
  files["_rels/.rels"] = strToU8(
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/>` +
      `</Relationships>`,
  );
  const sheetTypes = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("");
  const contentTypes =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetTypes}` +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
    `</Types>`;
  // [Content_Types].xml first, as Office writes it; some readers sniff the first entry.
  const ordered: Record<string, Uint8Array> = { "[Content_Types].xml": strToU8(contentTypes) };
  for (const k of ["_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml"]) ordered[k] = files[k];
  for (const [k, v] of Object.entries(files)) if (!(k in ordered)) ordered[k] = v;
  return zipSync(ordered, { level: 6 });
}
