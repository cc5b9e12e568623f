/**
 * Writes a workbook with one sheet of `rows` rows of non-scoring data (序号, 姓名, 乡镇, 缴费档次,
 * 补助金额, 备注) the way Excel stores it: text in the shared string table, the sheet XML and the
 * strings streamed into the zip, so a 1,000,000-row file is built in seconds and little memory.
 */
import { Zip, ZipDeflate, strToU8 } from "fflate";
import { closeSync, openSync, writeSync } from "node:fs";

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

const HEAD = ["序号", "姓名", "乡镇", "缴费档次", "补助金额", "备注"];
const TOWNS = 37;
/** Shared string indexes: the header, the towns, 代缴, then one name per row. */
const TOWN0 = HEAD.length;
const PAID_FOR = TOWN0 + TOWNS;
const NAME0 = PAID_FOR + 1;

export function writeBigDataWorkbook(path: string, rows: number): void {
  const fd = openSync(path, "w");
  let failure: Error | null = null;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else writeSync(fd, chunk);
    if (final) closeSync(fd);
  });
  const whole = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  /** A part pushed in ~1 MB pieces as `next` produces its text. */
  const streamed = (name: string, head: string, next: (i: number) => string, count: number, tail: string) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    let buf = head;
    for (let i = 0; i < count; i++) {
      buf += next(i);
      if (buf.length > 1 << 20) {
        f.push(strToU8(buf));
        buf = "";
      }
    }
    f.push(strToU8(buf + tail), true);
  };

  whole(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/></Types>`,
  );
  whole("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  whole("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${MAIN}><sheets><sheet name="明细" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  whole(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  const fixed = [...HEAD, ...Array.from({ length: TOWNS }, (_, i) => `镇${i}`), "代缴"];
  streamed(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${MAIN} uniqueCount="${fixed.length + rows}">${fixed.map((t) => `<si><t>${t}</t></si>`).join("")}`,
    (i) => `<si><t>居民${i + 1}</t></si>`,
    rows,
    "</sst>",
  );
  const header = `<row r="1">${HEAD.map((_, c) => `<c r="${"ABCDEF"[c]}1" t="s"><v>${c}</v></c>`).join("")}</row>`;
  streamed(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${MAIN}><dimension ref="A1:F${rows + 1}"/><sheetData>${header}`,
    (k) => {
      const i = k + 1;
      const r = i + 1;
      const note = i % 97 ? "" : `<c r="F${r}" t="s"><v>${PAID_FOR}</v></c>`;
      return `<row r="${r}"><c r="A${r}"><v>${i}</v></c><c r="B${r}" t="s"><v>${NAME0 + k}</v></c><c r="C${r}" t="s"><v>${TOWN0 + (i % TOWNS)}</v></c><c r="D${r}"><v>${200 + (i % 5) * 100}</v></c><c r="E${r}"><v>${20 + (i % 3) * 20}</v></c>${note}</row>`;
    },
    rows,
    "</sheetData></worksheet>",
  );
  zip.end();
  if (failure) throw failure;
}
