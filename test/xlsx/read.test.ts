/**
 * The lean reader on packages built here part by part (so each case holds exactly the XML it is
 * about): values, formulas, formats, merges, hidden and protected sheets, the report marker, and bad
 * or hostile files.
 */
import { unzipSync, zipSync, strToU8, type Zippable } from "fflate";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../src/engine/errors";
import { readXlsxBytes, readFileBytes } from "../../src/xlsx/read";
import { openZip } from "../../src/xlsx/package/zip";
import { crc32 } from "../../src/xlsx/package/crc32";
import { XmlTokenizer, type XmlSink } from "../../src/xlsx/package/xml";
import { OUT } from "../support/xlsx";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface SheetSpec {
  name: string;
  xml: string;
  state?: "hidden" | "veryHidden";
  /** A chart sheet instead of a worksheet. */
  chart?: boolean;
}

interface BookSpec {
  sheets: SheetSpec[];
  strings?: string[];
  styles?: string;
  definedNames?: string;
  extra?: Zippable;
}

/** A minimal package with the given sheets (sheet XML without the <worksheet> wrapper). */
function book(spec: BookSpec): Uint8Array {
  const parts: Zippable = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
  };
  const rels: string[] = [];
  const sheets = spec.sheets.map((s, i) => {
    const dir = s.chart ? "chartsheets" : "worksheets";
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/${s.chart ? "chartsheet" : "worksheet"}" Target="${dir}/sheet${i + 1}.xml"/>`);
    parts[`xl/${dir}/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>${s.xml}</worksheet>`);
    return `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`;
  });
  if (spec.strings) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts["xl/sharedStrings.xml"] = strToU8(`<sst ${NS}>${spec.strings.join("")}</sst>`);
  }
  if (spec.styles) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="/xl/styles.xml"/>`);
    parts["xl/styles.xml"] = strToU8(`<styleSheet ${NS}>${spec.styles}</styleSheet>`);
  }
  parts["xl/workbook.xml"] = strToU8(`<workbook ${NS}><sheets>${sheets.join("")}</sheets>${spec.definedNames ? `<definedNames>${spec.definedNames}</definedNames>` : ""}</workbook>`);
  parts["xl/_rels/workbook.xml.rels"] = strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`);
  return zipSync({ ...parts, ...spec.extra });
}

const rows = (xml: string) => `<sheetData>${xml}</sheetData>`;
const read = (bytes: Uint8Array) => readXlsxBytes(bytes, "t.xlsx");

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("no InputError");
}

describe("cell values", () => {
  const strings = [
    "<si><t>产出指标</t></si>",
    '<si><r><rPr><b/></rPr><t>扣</t></r><r><t xml:space="preserve"> 1 分</t></r></si>',
    "<si><t>评分</t><rPh sb=\"0\" eb=\"2\"><t>ピンイン</t></rPh></si>",
    "<si><t>A&amp;B_x000D_C</t></si>",
    "<si><t/></si>",
  ];
  const sheet = rows(
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>' +
      '<row r="2"><c r="A2"><v>19.8</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#DIV/0!</v></c><c r="D2" t="inlineStr"><is><t>内联</t></is></c><c r="E2" s="1"><v>44197</v></c></row>' +
      '<row r="3"><c r="A3" t="d"><v>2021-01-01T12:00:00</v></c><c r="B3" t="n"><v>1E-3</v></c><c r="C3" s="1"/></row>',
  );
  const styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';

  it("reads shared strings (runs joined, phonetic guides left out, escapes decoded), numbers, booleans, errors, inline strings", () => {
    const s = read(book({ sheets: [{ name: "评分表", xml: sheet }], strings, styles })).sheets[0];
    expect(s.values).toEqual([
      ["产出指标", "扣 1 分", "评分", "A&B\rC", ""],
      [19.8, true, { error: "#DIV/0!" }, "内联", 44197],
      [44197.5, 0.001, null, null, null],
    ]);
  });

  it("keeps dates as the serial numbers Excel stores, with their number format", () => {
    const s = read(book({ sheets: [{ name: "评分表", xml: sheet }], strings, styles })).sheets[0];
    expect(s.values[1][4]).toBe(44197);
    expect(s.numberFormats?.[1][4]).toBe("mm-dd-yy");
    expect(s.numberFormats?.[0][0]).toBeNull();
  });

  it("custom number formats come from styles.xml by the cell's style; General is no format", () => {
    const styles = '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00&quot;分&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/><xf numFmtId="0" applyNumberFormat="1"/></cellXfs>';
    const xml = rows('<row r="1"><c r="A1" s="1"><v>9.5</v></c><c r="B1" s="2"><v>0.98</v></c><c r="C1" s="3"><v>1</v></c><c r="D1" s="9"><v>2</v></c></row>');
    const s = read(book({ sheets: [{ name: "s", xml }], styles })).sheets[0];
    expect(s.numberFormats).toEqual([['0.00"分"', "0.00%", null, null]]);
  });

  it("reads parts written in UTF-16 with a byte-order mark", () => {
    const bytes = book({ sheets: [{ name: "评分表", xml: rows('<row r="1"><c r="A1" t="inlineStr"><is><t>总计</t></is></c><c r="B1"><v>100</v></c></row>') }] });
    const parts = unzipSync(bytes);
    for (const p of ["xl/workbook.xml", "xl/worksheets/sheet1.xml"]) parts[p] = Buffer.from(`\ufeff${Buffer.from(parts[p]).toString("utf8").replace('encoding="UTF-8"', 'encoding="UTF-16"')}`, "utf16le");
    expect(read(zipSync(parts)).sheets[0]).toMatchObject({ name: "评分表", values: [["总计", 100]] });
  });

  it("tolerates prefixed element names and cells without addresses", () => {
    const xml = '<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="C2"><x:v>3</x:v></x:c></x:row></x:sheetData>';
    expect(read(book({ sheets: [{ name: "s", xml }] })).sheets[0].values).toEqual([
      [1, 2, null],
      [null, null, 3],
    ]);
  });
});

describe("formulas", () => {
  const xml = rows(
    '<row r="4"><c r="D4"><v>1</v></c><c r="E4"><v>2</v></c><c r="G4"><f t="shared" ref="G4:G6" si="0">SUM(D4:E4)*$B$1+COUNTIF(D:D,"A4")+Sheet2!A4</f><v>3</v></c><c r="H4" t="str"><f>"得"&amp;D4</f><v>得1</v></c></row>' +
      '<row r="5"><c r="G5"><f t="shared" si="0"/><v>7</v></c><c r="H5"><f>10*1</f></c></row>' +
      '<row r="6"><c r="G6"><f t="shared" si="0"/></c><c r="H6" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>',
  );
  const s = read(book({ sheets: [{ name: "s", xml }] })).sheets[0];

  it("gives each cell of a shared formula its own A1 formula", () => {
    expect(s.formulas?.map((r) => r[3])).toEqual([
      '=SUM(D4:E4)*$B$1+COUNTIF(D:D,"A4")+Sheet2!A4',
      '=SUM(D5:E5)*$B$1+COUNTIF(D:D,"A4")+Sheet2!A5',
      '=SUM(D6:E6)*$B$1+COUNTIF(D:D,"A4")+Sheet2!A6',
    ]);
  });

  it("takes the cached result as the value, null when there is none", () => {
    expect(s.values.map((r) => r[3])).toEqual([3, 7, null]);
    expect(s.values.map((r) => r[4])).toEqual(["得1", null, { error: "#DIV/0!" }]);
    expect(s.formulas?.map((r) => r[4])).toEqual(['="得"&D4', "=10*1", "=1/0"]);
  });
});

describe("sheet structure", () => {
  it("keeps a merged area's value in its top-left cell only, and lists hidden rows with content", () => {
    const xml =
      rows('<row r="2"><c r="B2"><v>1</v></c><c r="C2"><v>9</v></c></row><row r="3" hidden="1"><c r="B3"><v>2</v></c></row><row r="4" hidden="true"><c r="B4" s="1"/></row>') +
      '<mergeCells count="1"><mergeCell ref="B2:C2"/></mergeCells>';
    const s = read(book({ sheets: [{ name: "s", xml }] })).sheets[0];
    expect(s).toMatchObject({ top: 1, left: 1, values: [[1], [2]], merges: [{ top: 1, left: 1, bottom: 1, right: 2 }], hiddenRows: [2] });
  });

  it("reports hidden and very hidden sheets, protection, and skips chart sheets", () => {
    const cell = rows('<row r="1"><c r="A1"><v>1</v></c></row>');
    const snap = read(
      book({
        sheets: [
          { name: "甲", xml: cell + '<sheetProtection sheet="1" objects="1"/>' },
          { name: "图表", xml: "", chart: true },
          { name: "乙", xml: cell, state: "hidden" },
          { name: "丙", xml: cell + '<sheetProtection sheet="0"/>', state: "veryHidden" },
        ],
      }),
    );
    expect(snap.sheets.map((s) => [s.name, s.hidden, s.protected])).toEqual([
      ["甲", false, true],
      ["乙", true, false],
      ["丙", true, false],
    ]);
  });

  it("marks as generated only the sheet ScoreCheck's sheet-scoped report name points to", () => {
    const cell = rows('<row r="1"><c r="A1" t="inlineStr"><is><t>评价结论：优</t></is></c></row>');
    const names = '<definedName name="_ScoreCheckReport" localSheetId="2" hidden="1">自评报告!$A$1</definedName><definedName name="_ScoreCheckReport">评分表!$A$1</definedName>';
    const snap = read(book({ sheets: [{ name: "评分表", xml: cell }, { name: "图", xml: "", chart: true }, { name: "自评报告", xml: cell }], definedNames: names }));
    expect(snap.sheets.map((s) => [s.name, s.generated ?? false])).toEqual([
      ["评分表", false],
      ["自评报告", true],
    ]);
  });
});

describe("the XML tokenizer", () => {
  const record = (events: string[]): XmlSink => ({
    open: (n, a, self) => events.push(`<${n} ${JSON.stringify(a)}${self ? "/" : ""}>`),
    close: (n) => events.push(`</${n}>`),
    text: (t) => events.push(`"${t}`),
  });
  const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><!-- c > d --><a x='1 > 0' y="&quot;中&#x6587;&#25991;&quot;"><b/>文&amp;本<![CDATA[<raw>]]>&e;<c:d k = "v"></c:d></a>`;

  it("gives the same tokens whatever the chunk boundaries, one byte at a time included", () => {
    const whole: string[] = [];
    const t = new XmlTokenizer(record(whole));
    t.write(xml);
    t.end();
    const bytes = strToU8(xml);
    const pieces: string[] = [];
    const b = new XmlTokenizer(record(pieces));
    for (let i = 0; i < bytes.length; i++) b.writeBytes(bytes.subarray(i, i + 1), i === bytes.length - 1);
    const join = (ev: string[]) => ev.join("").replace(/"(?=[^<"]*")/g, ""); // text may arrive in pieces
    expect(join(pieces)).toBe(join(whole));
    expect(whole).toEqual(['<a {"x":"1 > 0","y":"\\"中文文\\""}>', "<b {}/>", "</b>", '"文&本', '"<raw>', '"&e;', '<d {"k":"v"}>', "</d>", "</a>"]);
  });

  it("rejects markup that never ends", () => {
    const t = new XmlTokenizer(record([]));
    t.write("<a><b x='1'");
    expect(() => t.end()).toThrow(/unterminated/);
  });
});

/** Re-packs parts as a zip64 archive: stored entries, every size and offset in zip64 fields only. */
function zip64(parts: Record<string, Uint8Array>): Uint8Array {
  const out: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(parts)) {
    const n = strToU8(name);
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30 + n.length + 20));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 45, true);
    local.setUint16(6, 0x800, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, 0xffffffff, true);
    local.setUint32(22, 0xffffffff, true);
    local.setUint16(26, n.length, true);
    local.setUint16(28, 20, true);
    new Uint8Array(local.buffer).set(n, 30);
    local.setUint16(30 + n.length, 1, true);
    local.setUint16(32 + n.length, 16, true);
    local.setBigUint64(34 + n.length, BigInt(data.length), true);
    local.setBigUint64(42 + n.length, BigInt(data.length), true);
    const cd = new DataView(new ArrayBuffer(46 + n.length + 28));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 45, true);
    cd.setUint16(6, 45, true);
    cd.setUint16(8, 0x800, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, 0xffffffff, true);
    cd.setUint32(24, 0xffffffff, true);
    cd.setUint16(28, n.length, true);
    cd.setUint16(30, 28, true);
    cd.setUint32(42, 0xffffffff, true);
    new Uint8Array(cd.buffer).set(n, 46);
    const x = 46 + n.length;
    cd.setUint16(x, 1, true);
    cd.setUint16(x + 2, 24, true);
    cd.setBigUint64(x + 4, BigInt(data.length), true);
    cd.setBigUint64(x + 12, BigInt(data.length), true);
    cd.setBigUint64(x + 20, BigInt(offset), true);
    out.push(new Uint8Array(local.buffer), data);
    central.push(new Uint8Array(cd.buffer));
    offset += local.byteLength + data.length;
  }
  const count = BigInt(central.length);
  const cdSize = central.reduce((a, c) => a + c.length, 0);
  const end = new DataView(new ArrayBuffer(56 + 20 + 22));
  end.setUint32(0, 0x06064b50, true);
  end.setBigUint64(4, 44n, true);
  end.setBigUint64(24, count, true);
  end.setBigUint64(32, count, true);
  end.setBigUint64(40, BigInt(cdSize), true);
  end.setBigUint64(48, BigInt(offset), true);
  end.setUint32(56, 0x07064b50, true);
  end.setBigUint64(64, BigInt(offset + cdSize), true);
  end.setUint32(72, 1, true);
  end.setUint32(76, 0x06054b50, true);
  end.setUint16(84, 0xffff, true);
  end.setUint16(86, 0xffff, true);
  end.setUint32(88, 0xffffffff, true);
  end.setUint32(92, 0xffffffff, true);
  return Buffer.concat([...out, ...central, new Uint8Array(end.buffer)]);
}

describe("the zip layer", () => {
  it("reads a zip64 package (sizes and offsets only in zip64 fields) like the ordinary one", () => {
    const plain = book({ sheets: [{ name: "评分表", xml: rows('<row r="1"><c r="A1" t="inlineStr"><is><t>总计</t></is></c><c r="B1"><v>100</v></c></row>') }] });
    const wide = zip64(unzipSync(plain));
    const entry = openZip(wide, "z64").get("xl/worksheets/sheet1.xml")!;
    expect(entry).toMatchObject({ method: 0, size: entry.compressedSize });
    expect(read(wide)).toEqual(read(plain));
  });

  it("gives each entry's stored bytes untouched, for copying", () => {
    const bytes = book({ sheets: [{ name: "s", xml: rows('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
    for (const e of openZip(bytes, "t").values()) {
      const at = Buffer.from(bytes).indexOf(Buffer.from(e.raw()));
      expect(at).toBeGreaterThan(0);
      expect(e.raw()).toHaveLength(e.compressedSize);
      expect(crc32(e.bytes())).toBe(e.crc32);
    }
  });
});

describe("files that are not workbooks", () => {
  const cases: [string, () => Uint8Array, RegExp, RegExp][] = [
    ["a .docx", () => zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") }), /这是 Word 文档（\.docx），不是 Excel 工作簿/, /Word document \(\.docx\), not an Excel workbook/],
    ["a .pptx", () => zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "ppt/presentation.xml": strToU8("<p/>") }), /PowerPoint 演示文稿/, /PowerPoint presentation/],
    ["an .ods", () => zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }], "content.xml": strToU8("<office:document-content/>") }), /这是 OpenDocument 电子表格（\.ods），不是 Excel 工作簿；请另存为 \.xlsx/, /OpenDocument spreadsheet \(\.ods\), not an Excel workbook/],
    ["a plain zip", () => zipSync({ "readme.txt": strToU8("hi") }), /普通 zip 压缩包，不是 Excel 工作簿/, /plain zip archive, not an Excel workbook/],
    [
      "an .xlsb",
      () =>
        zipSync({
          "[Content_Types].xml": strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>'),
          "_rels/.rels": strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>`),
          "xl/workbook.bin": new Uint8Array([0x83, 0x01, 0x00]),
        }),
      /二进制工作簿（\.xlsb），不是 Excel 工作簿；请在 Excel 中另存为 \.xlsx/,
      /binary workbook \(\.xlsb\), not an Excel workbook; save it as \.xlsx/,
    ],
  ];
  it.each(cases)("%s renamed .xlsx is not-xlsx, naming what it is", (_, bytes, zh, en) => {
    const e = inputError(() => read(bytes()));
    expect(e.code).toBe("not-xlsx");
    expect(e.zh).toMatch(zh);
    expect(e.en).toMatch(en);
  });

  it("keeps the former answers for empty, OLE (.xls, encrypted), CSV and HTML files", () => {
    const ole = Buffer.from("d0cf11e0a1b11ae1", "hex");
    expect(inputError(() => read(new Uint8Array())).code).toBe("empty");
    expect(inputError(() => read(Buffer.concat([ole, Buffer.alloc(600)]))).code).toBe("legacy-xls");
    expect(inputError(() => read(Buffer.concat([ole, Buffer.from("EncryptedPackage", "utf16le")]))).code).toBe("encrypted");
    expect(inputError(() => read(strToU8("一级指标,权重\n产出,50\n"))).zh).toMatch(/CSV/);
    expect(inputError(() => read(strToU8("<html><body>表</body></html>"))).zh).toMatch(/HTML/);
  });

  it("a truncated workbook is damaged; an encrypted zip entry is encrypted", () => {
    const good = book({ sheets: [{ name: "s", xml: rows('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
    const cut = inputError(() => read(good.subarray(0, good.length - 30)));
    expect(cut.code).toBe("corrupt");
    expect(cut.zh).toMatch(/损坏或不完整/);
    const enc = new Uint8Array(good);
    const view = new DataView(enc.buffer);
    for (let i = 0; i < enc.length - 4; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 8, view.getUint16(i + 8, true) | 1, true);
    expect(inputError(() => read(enc)).code).toBe("encrypted");
  });

  it("a damaged sheet part is damaged, with the part named", () => {
    const bytes = book({ sheets: [{ name: "s", xml: rows('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
    const z = openZip(bytes, "t");
    const sheet = z.get("xl/worksheets/sheet1.xml")!;
    const start = Buffer.from(bytes).indexOf(Buffer.from(sheet.raw()));
    const bad = new Uint8Array(bytes);
    bad[start + Math.floor(sheet.compressedSize / 2)] ^= 0xff;
    const e = inputError(() => read(bad));
    expect(e.code).toBe("corrupt");
    expect(e.en).toContain("xl/worksheets/sheet1.xml");
  });
});

describe("size limits", () => {
  const bigSheet = (n: number) => rows(Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>居民${i}</t></is></c></row>`).join(""));

  it("a part that expands past the limit is too large, naming the part and the limit, never damaged", () => {
    const bytes = book({ sheets: [{ name: "明细", xml: bigSheet(40_000) }] });
    const e = inputError(() => readXlsxBytes(bytes, "big.xlsx", { streamLimit: 2 ** 20 }));
    expect(e.code).toBe("too-large");
    expect(e.zh).toContain("xl/worksheets/sheet1.xml");
    expect(e.zh).toContain("1 MB");
    expect(e.en).toMatch(/expands past the 1 MB limit/);
  });

  it("a zip bomb that understates its size stops at the limit", () => {
    const bomb = book({ sheets: [{ name: "s", xml: rows("<row/>".repeat(2_000_000)) }] });
    // Declare 100 bytes for the 12 MB sheet in both headers: the running count must catch it.
    const z = openZip(bomb, "t");
    const entry = z.get("xl/worksheets/sheet1.xml")!;
    const view = new DataView(bomb.buffer, bomb.byteOffset);
    for (let i = 0; i < bomb.length - 30; i++) {
      const sig = view.getUint32(i, true);
      if ((sig === 0x04034b50 && view.getUint32(i + 22, true) === entry.size) || (sig === 0x02014b50 && view.getUint32(i + 24, true) === entry.size))
        view.setUint32(sig === 0x04034b50 ? i + 22 : i + 24, 100, true);
    }
    const e = inputError(() => readXlsxBytes(bomb, "bomb.xlsx", { streamLimit: 4 * 2 ** 20 }));
    expect(e.code).toBe("too-large");
    expect(e.en).toContain("4 MB");
  });

  it("more cells than the cell limit is too large, with the limit", () => {
    const e = inputError(() => readXlsxBytes(book({ sheets: [{ name: "明细", xml: bigSheet(3_000) }] }), "cells.xlsx", { cellLimit: 5_000 }));
    expect(e.code).toBe("too-large");
    expect(e.zh).toContain("5,000");
    expect(e.zh).toContain("明细");
  });

  it("text of more than 16 MB between two tags is too large, not a crash", () => {
    const xml = rows(`<row r="1"><c r="A1" t="inlineStr"><is><t>${"评".repeat(17 * 2 ** 20)}</t></is></c></row>`);
    const e = inputError(() => read(book({ sheets: [{ name: "s", xml }] })));
    expect(e.code).toBe("too-large");
    expect(e.zh).toContain("16 MB");
  });

  it("merged areas piled over the same rows are stopped, with the sheet named", () => {
    const merges = Array.from({ length: 60 }, (_, i) => `<mergeCell ref="A${i + 1}:B1048576"/>`).join("");
    const xml = rows('<row r="1000000"><c r="C1000000"><v>1</v></c></row>') + `<mergeCells>${merges}</mergeCells>`;
    const e = inputError(() => read(book({ sheets: [{ name: "叠放", xml }] })));
    expect(e.code).toBe("too-large");
    expect(e.zh).toContain("叠放");
  });

  it("a used range too wide to pad keeps rows ragged, and one too wide to hold is too large", () => {
    const ragged = read(book({ sheets: [{ name: "s", xml: rows(`<row r="1"><c r="XFD1"><v>1</v></c></row>` + Array.from({ length: 2_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`).join("")) }] })).sheets[0];
    expect(ragged.values[0]).toHaveLength(16_384);
    expect(ragged.values[0][16_383]).toBe(1);
    expect(ragged.values[1]).toEqual([0]);
    const wide = rows(Array.from({ length: 7_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c><c r="XFD${i + 1}"><v>2</v></c></row>`).join(""));
    expect(inputError(() => read(book({ sheets: [{ name: "宽", xml: wide }] }))).code).toBe("too-large");
  });

  it("a sheet read in chunks gives every row", () => {
    const s = read(book({ sheets: [{ name: "明细", xml: bigSheet(40_000) }] })).sheets[0];
    expect(s.values).toHaveLength(40_000);
    expect(s.values[39_999]).toEqual([39_999, "居民39999"]);
  });
});

describe("files on disk", () => {
  const dir = join(OUT, "read-files");
  beforeAll(() => mkdirSync(dir, { recursive: true }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a pipe is skipped with a message instead of blocking", async () => {
    const fifo = join(dir, "pipe.xlsx");
    rmSync(fifo, { force: true });
    execFileSync("mkfifo", [fifo]);
    await expect(readFileBytes(fifo)).rejects.toMatchObject({ code: "unreadable", zh: expect.stringContaining("不是普通文件") });
  });

  it("a missing file and a folder say so", async () => {
    await expect(readFileBytes(join(dir, "none.xlsx"))).rejects.toMatchObject({ code: "not-found" });
    await expect(readFileBytes(dir)).rejects.toMatchObject({ code: "unreadable", en: expect.stringContaining("directory") });
    writeFileSync(join(dir, "ok.xlsx"), "x");
    await expect(readFileBytes(join(dir, "ok.xlsx"))).resolves.toHaveLength(1);
  });
});
