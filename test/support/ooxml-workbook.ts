/**
 * Test workbooks built by writing their XML parts (fflate zipSync), carrying what a model-based
 * round trip loses: a chart, an image, a pivot table with its cache, macros (vbaProject.bin), an
 * external link, custom document properties, x14 data validation and data bars, conditional
 * formats, sheet-scoped names, a table saved LibreOffice-style (no tableStyleInfo), named cell
 * styles, a reviewer's note, a threaded comment, a protected sheet and a calculation chain.
 */
import { zipSync, strToU8 } from "fflate";
import type { CellValue, SheetSnapshot } from "../../src/engine/grid/types";
import { isCellError } from "../../src/engine/grid/types";
import { toA1 } from "../../src/engine/grid/address";
import { cleanRows, layoutA, type Row } from "./tables";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface RichOptions {
  /** Save as .xlsm with a vbaProject.bin (default true). */
  macros?: boolean;
  /** Lock the workbook's structure (no sheet can be added). */
  lockStructure?: boolean;
  /** Protect the scoring sheet itself. */
  protectScoring?: boolean;
}

/**
 * The scoring table: 参保人数 scores 19 though met (unexplained deduction, G7), 发放准确率 has no
 * actual (E8, a cell without a note), the total says 100 (G11).
 */
export function scoringRows(): Row[] {
  const rows = cleanRows();
  rows[3] = ["产出指标", "数量指标", "参保人数", "≥10000人", "10200人", 20, 19, ""];
  rows[4] = [null, "质量指标", "发放准确率", "≥98%", null, 20, 20, ""];
  return rows;
}

/** Cells the rich workbook puts a reviewer's note and a threaded comment on. */
export const REVIEWER_NOTE = { cell: "G7", author: "张审核", text: "扣 1 分：3 人未按时领取，已核实（附件 5）" };
export const THREADED_CELL = "G11";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  xml(): string {
    return `${XML_HEAD}<sst xmlns="${MAIN}" count="${this.list.length}" uniqueCount="${this.list.length}">${this.list.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`;
  }
}

/** Cell XML for a snapshot's rows (shared strings, formulas with cached values); `style` picks s per cell. */
export function sheetDataXml(s: SheetSnapshot, sst: SharedStrings, style: (a1: string) => number): string {
  const rows: string[] = [];
  s.values.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((v: CellValue, c) => {
      const a1 = toA1(s.top + r, s.left + c);
      const f = s.formulas?.[r]?.[c];
      const st = style(a1);
      const sAttr = st ? ` s="${st}"` : "";
      if (f) cells.push(`<c r="${a1}"${sAttr}><f>${esc(f.replace(/^=/, ""))}</f><v>${v ?? 0}</v></c>`);
      else if (typeof v === "number") cells.push(`<c r="${a1}"${sAttr}><v>${v}</v></c>`);
      else if (typeof v === "string") cells.push(`<c r="${a1}"${sAttr} t="s"><v>${sst.id(v)}</v></c>`);
      else if (typeof v === "boolean") cells.push(`<c r="${a1}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`);
      else if (isCellError(v)) cells.push(`<c r="${a1}"${sAttr} t="e"><v>${esc(v.error)}</v></c>`);
      else if (st) cells.push(`<c r="${a1}"${sAttr}/>`);
    });
    if (cells.length) rows.push(`<row r="${s.top + r + 1}" spans="1:8">${cells.join("")}</row>`);
  });
  return `<sheetData>${rows.join("")}</sheetData>`;
}

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00&quot;分&quot;"/></numFmts>' +
  '<fonts count="3" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="宋体"/><family val="2"/><charset val="134"/><scheme val="minor"/></font>' +
  '<font><b/><sz val="11"/><color rgb="FF1F4E79"/><name val="黑体"/><family val="3"/><charset val="134"/></font>' +
  '<font><i/><sz val="10"/><color rgb="FF7F7F7F"/><name val="楷体"/><charset val="134"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFE2EFDA"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="2" fillId="2" borderId="1" applyNumberFormat="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="1" applyFont="1"/></cellXfs>' +
  '<cellStyles count="2"><cellStyle name="常规" xfId="0" builtinId="0"/><cellStyle name="审核意见" xfId="1"/></cellStyles>' +
  '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';

/** The rich workbook's bytes. */
export function richWorkbook(opts: RichOptions = {}): Uint8Array {
  const macros = opts.macros ?? true;
  const sst = new SharedStrings();
  const scoring = layoutA({ rows: scoringRows(), total: [100, 100], below: [["评价等级：优"]] });
  // Scores in G use the named-format style 2, the header and body style 1, the grade line style 3.
  const style = (a1: string) => (/^G([4-9]|10)$/.test(a1) ? 2 : /^A12$/.test(a1) ? 3 : /^[A-H]([2-9]|1[01])$/.test(a1) ? 1 : 0);
  const sheet1 =
    `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">` +
    '<sheetPr codeName="Sheet1"/><dimension ref="A1:H12"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.15"/>' +
    '<cols><col min="1" max="3" width="14" customWidth="1"/><col min="8" max="8" width="30" style="1" customWidth="1"/></cols>' +
    sheetDataXml(scoring, sst, style) +
    (opts.protectScoring ? '<sheetProtection algorithmName="SHA-512" hashValue="x" saltValue="y" spinCount="100000" sheet="1" objects="1" scenarios="1"/>' : "") +
    `<mergeCells count="${scoring.merges!.length}">${scoring.merges!.map((m) => `<mergeCell ref="${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}"/>`).join("")}</mergeCells>` +
    '<conditionalFormatting sqref="G4:G10"><cfRule type="cellIs" dxfId="0" priority="2" operator="lessThan"><formula>F4</formula></cfRule>' +
    '<cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>{5D4A1F0B-0000-4000-8000-000000000001}</x14:id></ext></extLst></cfRule></conditionalFormatting>' +
    '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" showErrorMessage="1" sqref="F4:F10"><formula1>0</formula1><formula2>100</formula2></dataValidation></dataValidations>' +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/>' +
    '<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>' +
    '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="{5D4A1F0B-0000-4000-8000-000000000001}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>G4:G10</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>' +
    '<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>数据!$A$2:$A$5</xm:f></x14:formula1><xm:sqref>C4:C10</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>';

  // 数据: a LibreOffice-style table (no tableStyleInfo) with a calculated column C, a shared formula
  // in D2:D5, an array formula in E2:E3, an external link in F2.
  const sheet2 =
    `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:F5"/><sheetData>` +
    `<row r="1"><c r="A1" t="s"><v>${sst.id("项目")}</v></c><c r="B1" t="s"><v>${sst.id("金额")}</v></c><c r="C1" t="s"><v>${sst.id("两倍")}</v></c></row>` +
    [2, 3, 4, 5]
      .map(
        (r) =>
          `<row r="${r}"><c r="A${r}" t="s"><v>${sst.id(`项目${r}`)}</v></c><c r="B${r}"><v>${r * 10}</v></c><c r="C${r}"><f>B${r}*2</f><v>${r * 20}</v></c>` +
          (r === 2 ? `<c r="D2"><f t="shared" ref="D2:D5" si="0">B2+1</f><v>21</v></c>` : `<c r="D${r}"><f t="shared" si="0"/><v>${r * 10 + 1}</v></c>`) +
          (r === 2 ? `<c r="E2"><f t="array" ref="E2:E3">B2:B3*3</f><v>60</v></c><c r="F2"><f>[1]Sheet1!$A$1</f><v>7</v></c>` : r === 3 ? `<c r="E3"><v>90</v></c>` : "") +
          `</row>`,
      )
      .join("") +
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>';

  const sheet3 =
    `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:B3"/><sheetData>` +
    `<row r="1"><c r="A1" t="s"><v>${sst.id("行标签")}</v></c><c r="B1" t="s"><v>${sst.id("求和项:金额")}</v></c></row>` +
    `<row r="2"><c r="A2" t="s"><v>${sst.id("项目2")}</v></c><c r="B2"><v>20</v></c></row>` +
    `<row r="3"><c r="A3" t="s"><v>${sst.id("总计")}</v></c><c r="B3"><v>20</v></c></row></sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

  const sheet4 =
    `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1"/><sheetData><row r="1"><c r="A1" t="s"><v>${sst.id("已锁定的说明")}</v></c></row></sheetData>` +
    '<sheetProtection sheet="1" objects="1" scenarios="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

  const workbook =
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>` +
    `<workbookPr codeName="ThisWorkbook" defaultThemeVersion="166925"/>` +
    (opts.lockStructure ? '<workbookProtection lockStructure="1"/>' : "") +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>' +
    '<sheets><sheet name="评分表" sheetId="1" r:id="rId1"/><sheet name="数据" sheetId="2" r:id="rId2"/><sheet name="透视" sheetId="3" r:id="rId3"/><sheet name="受保护" sheetId="4" r:id="rId4"/></sheets>' +
    '<externalReferences><externalReference r:id="rId8"/></externalReferences>' +
    '<definedNames><definedName name="区域" localSheetId="0">评分表!$A$4:$H$10</definedName><definedName name="区域" localSheetId="1">数据!$A$1:$C$5</definedName><definedName name="外部">[1]Sheet1!$A$1</definedName></definedNames>' +
    '<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="7" r:id="rId9"/></pivotCaches></workbook>';

  const wbRels =
    `${XML_HEAD}<Relationships xmlns="${PR}">` +
    [1, 2, 3, 4].map((n) => `<Relationship Id="rId${n}" Type="${R}/worksheet" Target="worksheets/sheet${n}.xml"/>`).join("") +
    `<Relationship Id="rId5" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId6" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` +
    `<Relationship Id="rId7" Type="${R}/calcChain" Target="calcChain.xml"/><Relationship Id="rId8" Type="${R}/externalLink" Target="externalLinks/externalLink1.xml"/>` +
    `<Relationship Id="rId9" Type="${R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>` +
    (macros ? `<Relationship Id="rId10" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` : "") +
    "</Relationships>";

  const comments =
    `${XML_HEAD}<comments xmlns="${MAIN}"><authors><author>${REVIEWER_NOTE.author}</author><author>tc={7A1B2C3D-0000-4000-8000-000000000002}</author></authors><commentList>` +
    `<comment ref="${REVIEWER_NOTE.cell}" authorId="0" shapeId="0"><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t>${REVIEWER_NOTE.author}:</t></r>` +
    `<r><rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">\n${REVIEWER_NOTE.text}</t></r></text></comment>` +
    `<comment ref="${THREADED_CELL}" authorId="1" shapeId="0"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    总分需复核</t></text></comment>` +
    "</commentList></comments>";

  const vmlShape = (id: number, row: number, col: number) =>
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:400pt;margin-top:80pt;width:120pt;height:60pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
  const vml =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    vmlShape(1025, 6, 6) +
    vmlShape(1026, 10, 6) +
    "</xml>";

  const threaded =
    `${XML_HEAD}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}">` +
    `<threadedComment ref="${THREADED_CELL}" dT="2024-03-01T08:00:00.00" personId="{11111111-0000-4000-8000-000000000003}" id="{7A1B2C3D-0000-4000-8000-000000000002}"><text>总分需复核</text></threadedComment></ThreadedComments>`;
  const persons = `${XML_HEAD}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><person displayName="李复核" id="{11111111-0000-4000-8000-000000000003}" userId="li" providerId="None"/></personList>`;

  const drawing =
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    '<xdr:twoCellAnchor><xdr:from><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>` +
    '<xdr:oneCellAnchor><xdr:from><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/>' +
    `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="图片 2"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${R}" r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`;
  const chart =
    `${XML_HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:plotArea><c:layout/>` +
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>评分表!$G$4:$G$10</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>' +
    '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>';

  const table =
    `${XML_HEAD}<table xmlns="${MAIN}" id="1" name="明细表" displayName="明细表" ref="A1:C5" headerRowCount="1" totalsRowShown="0"><autoFilter ref="A1:C5"/>` +
    '<tableColumns count="3"><tableColumn id="1" name="项目"/><tableColumn id="2" name="金额"/><tableColumn id="3" name="两倍"><calculatedColumnFormula>明细表[[#This Row],[金额]]*2</calculatedColumnFormula></tableColumn></tableColumns></table>';

  const pivotTable =
    `${XML_HEAD}<pivotTableDefinition xmlns="${MAIN}" name="数据透视表1" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="值" updatedVersion="8" minRefreshableVersion="3" createdVersion="8" indent="0" outline="1" outlineData="1">` +
    '<location ref="A1:B3" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="2"><item x="0"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>' +
    '<rowFields count="1"><field x="0"/></rowFields><rowItems count="2"><i><x/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="求和项:金额" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>';
  const pivotCache =
    `${XML_HEAD}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshedBy="张审核" refreshedDate="45352.5" createdVersion="8" refreshedVersion="8" minRefreshableVersion="3" recordCount="1">` +
    '<cacheSource type="worksheet"><worksheetSource ref="A1:B2" sheet="数据"/></cacheSource><cacheFields count="2"><cacheField name="项目" numFmtId="0"><sharedItems count="1"><s v="项目2"/></sharedItems></cacheField><cacheField name="金额" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="20" maxValue="20"/></cacheField></cacheFields></pivotCacheDefinition>';
  const pivotRecords = `${XML_HEAD}<pivotCacheRecords xmlns="${MAIN}" count="1"><r><x v="0"/><n v="20"/></r></pivotCacheRecords>`;

  const externalLink =
    `${XML_HEAD}<externalLink xmlns="${MAIN}" xmlns:r="${R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>7</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`;

  const calcChain = `${XML_HEAD}<calcChain xmlns="${MAIN}"><c r="C2" i="2" l="1"/><c r="C3"/><c r="C4"/><c r="C5"/><c r="D2"/><c r="D3"/><c r="D4"/><c r="D5"/><c r="E2" a="1"/><c r="F2"/></calcChain>`;

  const ct =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="png" ContentType="image/png"/>' +
    (macros ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : "") +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${macros ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"}"/>` +
    [1, 2, 3, 4].map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>' +
    '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
    '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>' +
    '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>' +
    '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
    '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>' +
    '<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>' +
    '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>' +
    '<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>' +
    '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>';

  const rels = (items: [string, string, string?][]) =>
    `${XML_HEAD}<Relationships xmlns="${PR}">${items.map(([type, target, mode], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"${mode ? ` TargetMode="${mode}"` : ""}/>`).join("")}</Relationships>`;

  const app =
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    '<HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>4</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs>' +
    '<TitlesOfParts><vt:vector size="6" baseType="lpstr"><vt:lpstr>评分表</vt:lpstr><vt:lpstr>数据</vt:lpstr><vt:lpstr>透视</vt:lpstr><vt:lpstr>受保护</vt:lpstr><vt:lpstr>评分表!区域</vt:lpstr><vt:lpstr>数据!区域</vt:lpstr></vt:vector></TitlesOfParts>' +
    "<AppVersion>16.0300</AppVersion></Properties>";
  const core = `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>财务科</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T00:00:00Z</dcterms:created></cp:coreProperties>`;
  const custom = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="审核状态"><vt:lpwstr>初审</vt:lpwstr></property></Properties>`;

  const O = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const files: Record<string, string | Uint8Array> = {
    "[Content_Types].xml": ct,
    "_rels/.rels": rels([
      [`${O}/officeDocument`, "xl/workbook.xml"],
      ["http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"],
      [`${O}/extended-properties`, "docProps/app.xml"],
      [`${O}/custom-properties`, "docProps/custom.xml"],
    ]),
    "docProps/app.xml": app,
    "docProps/core.xml": core,
    "docProps/custom.xml": custom,
    "xl/workbook.xml": workbook,
    "xl/_rels/workbook.xml.rels": wbRels,
    "xl/styles.xml": STYLES,
    "xl/worksheets/sheet1.xml": sheet1,
    "xl/worksheets/sheet2.xml": sheet2,
    "xl/worksheets/sheet3.xml": sheet3,
    "xl/worksheets/sheet4.xml": sheet4,
    "xl/worksheets/_rels/sheet1.xml.rels": rels([
      [`${O}/drawing`, "../drawings/drawing1.xml"],
      [`${O}/vmlDrawing`, "../drawings/vmlDrawing1.vml"],
      [`${O}/comments`, "../comments1.xml"],
      ["http://schemas.microsoft.com/office/2017/10/relationships/threadedComment", "../threadedComments/threadedComment1.xml"],
    ]),
    "xl/worksheets/_rels/sheet2.xml.rels": rels([[`${O}/table`, "../tables/table1.xml"]]),
    "xl/worksheets/_rels/sheet3.xml.rels": rels([[`${O}/pivotTable`, "../pivotTables/pivotTable1.xml"]]),
    "xl/comments1.xml": comments,
    "xl/drawings/vmlDrawing1.vml": vml,
    "xl/threadedComments/threadedComment1.xml": threaded,
    "xl/persons/person.xml": persons,
    "xl/drawings/drawing1.xml": drawing,
    "xl/drawings/_rels/drawing1.xml.rels": rels([
      [`${O}/chart`, "../charts/chart1.xml"],
      [`${O}/image`, "../media/image1.png"],
    ]),
    "xl/charts/chart1.xml": chart,
    "xl/media/image1.png": PNG_1PX,
    "xl/tables/table1.xml": table,
    "xl/pivotTables/pivotTable1.xml": pivotTable,
    "xl/pivotTables/_rels/pivotTable1.xml.rels": rels([[`${O}/pivotCacheDefinition`, "../pivotCache/pivotCacheDefinition1.xml"]]),
    "xl/pivotCache/pivotCacheDefinition1.xml": pivotCache,
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": rels([[`${O}/pivotCacheRecords`, "pivotCacheRecords1.xml"]]),
    "xl/pivotCache/pivotCacheRecords1.xml": pivotRecords,
    "xl/externalLinks/externalLink1.xml": externalLink,
    "xl/externalLinks/_rels/externalLink1.xml.rels": rels([[`${O}/externalLinkPath`, "file:///C:/报表/上年.xlsx", "External"]]),
    "xl/calcChain.xml": calcChain,
    "xl/sharedStrings.xml": "",
  };
  if (macros) files["xl/vbaProject.bin"] = VBA_BYTES;
  files["xl/sharedStrings.xml"] = sst.xml();
  const zipped: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) zipped[k] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(zipped, { level: 6, mtime: new Date("2024-03-01T08:00:00") });
}

/** A 1×1 PNG. */
const PNG_1PX = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"),
);
/** Stand-in macro storage: opaque bytes the writer must copy untouched. */
const VBA_BYTES = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);

export interface PlainOptions {
  /** Write the main namespace with this prefix ("x:"), as the Open XML SDK does. */
  prefix?: string;
  /** Leave out styles.xml (allowed; some generators do). */
  noStyles?: boolean;
  /** Rows and cells without r attributes (positions implied by order). */
  noRefs?: boolean;
}

/** A one-sheet workbook holding the scoring table, written with inline strings, in unusual but valid shapes. */
export function plainWorkbook(opts: PlainOptions = {}): Uint8Array {
  const p = opts.prefix ?? "";
  const xmlns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const s = layoutA({ rows: scoringRows(), total: [100, 100], merges: false });
  const rows = s.values
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = opts.noRefs ? "" : ` r="${toA1(r, c)}"`;
          if (typeof v === "number") return `<${p}c${ref}><${p}v>${v}</${p}v></${p}c>`;
          if (typeof v === "string") return `<${p}c${ref} t="inlineStr"><${p}is><${p}t>${esc(v)}</${p}t></${p}is></${p}c>`;
          return `<${p}c${ref}/>`;
        })
        .join("");
      return `<${p}row${opts.noRefs ? "" : ` r="${r + 1}"`}>${cells}</${p}row>`;
    })
    .join("");
  const sheet = `${XML_HEAD}<${p}worksheet ${xmlns} xmlns:r="${R}"><${p}sheetData>${rows}</${p}sheetData></${p}worksheet>`;
  const workbook = `${XML_HEAD}<${p}workbook ${xmlns} xmlns:r="${R}"><${p}sheets><${p}sheet name="评分表" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`;
  const files: Record<string, string> = {
    "[Content_Types].xml":
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      (opts.noStyles ? "" : '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>') +
      "</Types>",
    "_rels/.rels": `${XML_HEAD}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": workbook,
    "xl/_rels/workbook.xml.rels":
      `${XML_HEAD}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
      (opts.noStyles ? "" : `<Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/>`) +
      "</Relationships>",
    "xl/worksheets/sheet1.xml": sheet,
  };
  if (!opts.noStyles)
    files["xl/styles.xml"] =
      `${XML_HEAD}<${p}styleSheet ${xmlns}><${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="宋体"/></${p}font></${p}fonts>` +
      `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>` +
      `<${p}borders count="1"><${p}border/></${p}borders><${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
      `<${p}cellXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></${p}cellXfs></${p}styleSheet>`;
  const zipped: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) zipped[k] = strToU8(v);
  return zipSync(zipped, { level: 6, mtime: new Date("2024-03-01T08:00:00") });
}
