/**
 * The .xlsx writer patches the package: on a workbook carrying a chart, an image, a pivot table,
 * macros, an external link, custom properties, x14 validation and data bars, conditional formats,
 * sheet-scoped names, a LibreOffice table, named styles, a reviewer's note and a threaded comment,
 * every part the fix did not have to touch is byte-identical, only flagged cells change style,
 * notes are added to (never replaced), and a fix of the fixed copy adds nothing.
 */
import { analyzeWorkbook } from "../../src/engine/analyze";
import { planFix } from "../../src/engine/changes/plan";
import { MARK_FILLS } from "../../src/engine/changes/mark-style";
import { readXlsxBytes } from "../../src/xlsx/read";
import { patchWorkbookBytes } from "../../src/xlsx/write";
import { NOTE_AUTHOR, NOTE_TAG } from "../../src/xlsx/write/notes";
import { strFromU8, strToU8, zipSync } from "fflate";
import { parseXml } from "../support/xml";
import { REVIEWER_NOTE, THREADED_CELL, richWorkbook } from "../support/ooxml-workbook";
import { cellStyles, cellXfs, fills, notes, partText, parts, storedParts } from "../support/ooxml-inspect";

const TOTAL_RULES = ["total-mismatch", "subtotal-mismatch", "formula-range"];

function fix(bytes: Uint8Array, name = "rich.xlsm", opts = {}) {
  const snap = readXlsxBytes(bytes, name);
  const analysis = analyzeWorkbook(snap);
  const set = planFix(analysis, snap, opts);
  return { analysis, set, ...patchWorkbookBytes(bytes, name, set) };
}

describe("fix of a workbook carrying everything a model round trip loses", () => {
  const input = richWorkbook();
  const first = fix(input);
  const out = first.bytes;

  it("plans marks, a SUM total and a report sheet (the test means something)", () => {
    const kinds = first.set.changes.map((c) => c.kind);
    expect(kinds).toContain("mark");
    expect(kinds).toContain("add-sheet");
    expect(first.set.changes.some((c) => c.kind === "set-formula" && c.cell === "G11")).toBe(true);
  });

  it("copies every part it did not have to touch as stored, byte for byte", () => {
    const before = storedParts(input);
    const after = storedParts(out);
    const touched = new Set([...first.summary.changedParts, ...first.summary.addedParts, ...first.summary.removedParts]);
    expect([...touched].sort()).toEqual(
      [
        "[Content_Types].xml",
        "docProps/app.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/calcChain.xml",
        "xl/comments1.xml",
        "xl/drawings/vmlDrawing1.vml",
        "xl/styles.xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet5.xml",
      ].sort(),
    );
    for (const [name, part] of before) {
      if (touched.has(name)) continue;
      expect({ name, same: after.get(name)?.raw.equals(part.raw), crc: after.get(name)?.crc }).toEqual({ name, same: true, crc: part.crc });
    }
    // The order of the package's entries is kept; new parts come last.
    const kept = [...after.keys()].filter((n) => before.has(n));
    expect(kept).toEqual([...before.keys()].filter((n) => after.has(n)));
  });

  it("keeps macros, the pivot cache, the chart, the image, the external link and custom properties", () => {
    const p = parts(out);
    for (const name of [
      "xl/vbaProject.bin",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/pivotCache/pivotCacheRecords1.xml",
      "xl/charts/chart1.xml",
      "xl/media/image1.png",
      "xl/externalLinks/externalLink1.xml",
      "docProps/custom.xml",
      "xl/threadedComments/threadedComment1.xml",
      "xl/tables/table1.xml",
    ])
      expect(p[name]).toEqual(parts(input)[name]);
    const ct = partText(out, "[Content_Types].xml");
    expect(ct).toContain('PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"');
    expect(partText(out, "xl/_rels/workbook.xml.rels")).toContain('Target="vbaProject.bin"');
    const wb = partText(out, "xl/workbook.xml");
    expect(wb).toContain('<definedName name="区域" localSheetId="0">评分表!$A$4:$H$10</definedName>');
    expect(wb).toContain('<definedName name="区域" localSheetId="1">数据!$A$1:$C$5</definedName>');
    expect(wb).toContain("<externalReferences><externalReference r:id=\"rId8\"/></externalReferences>");
    expect(wb).toContain('<pivotCaches><pivotCache cacheId="7" r:id="rId9"/></pivotCaches>');
  });

  it("changes only the flagged cells' styles, each to its own style with the severity fill", () => {
    const before = cellStyles(partText(input, "xl/worksheets/sheet1.xml"));
    const after = cellStyles(partText(out, "xl/worksheets/sheet1.xml"));
    const marked = new Map<string, string>();
    for (const c of first.set.changes) if (c.kind === "mark" && c.sheet === "评分表") marked.set(c.cell, marked.get(c.cell) === "error" ? "error" : c.severity);
    const changed = [...after].filter(([a1, s]) => (before.get(a1) ?? 0) !== s).map(([a1]) => a1);
    expect(changed.sort()).toEqual([...marked.keys()].sort());
    const xfsBefore = cellXfs(partText(input, "xl/styles.xml"));
    const xfsAfter = cellXfs(partText(out, "xl/styles.xml"));
    const fillList = fills(partText(out, "xl/styles.xml"));
    expect(xfsAfter.slice(0, xfsBefore.length)).toEqual(xfsBefore);
    for (const [a1, severity] of marked) {
      const was = xfsBefore[before.get(a1) ?? 0];
      const now = xfsAfter[after.get(a1)!];
      const strip = (x: string) => x.replace(/\s(fillId|applyFill)="[^"]*"/g, "");
      expect(strip(now)).toBe(strip(was));
      const fill = fillList[Number(/fillId="(\d+)"/.exec(now)![1])];
      expect(fill).toContain(`rgb="FF${MARK_FILLS[severity as "error"].slice(1)}"`);
    }
    // Other sheets were never parsed or rewritten.
    expect(partText(out, "xl/worksheets/sheet2.xml")).toBe(partText(input, "xl/worksheets/sheet2.xml"));
  });

  it("adds ScoreCheck's line to the reviewer's note, keeping its author, runs and text", () => {
    const was = notes(partText(input, "xl/comments1.xml")).find((n) => n.ref === REVIEWER_NOTE.cell)!;
    const now = notes(partText(out, "xl/comments1.xml")).find((n) => n.ref === REVIEWER_NOTE.cell)!;
    expect(now.author).toBe(REVIEWER_NOTE.author);
    expect(now.xml.startsWith(was.xml.replace(/<\/text>$/, ""))).toBe(true);
    expect(now.text).toContain(REVIEWER_NOTE.text);
    expect(now.text).toContain(`\n${NOTE_TAG}`);
  });

  it("leaves the threaded comment alone and says so", () => {
    const was = notes(partText(input, "xl/comments1.xml")).find((n) => n.ref === THREADED_CELL)!;
    const now = notes(partText(out, "xl/comments1.xml")).find((n) => n.ref === THREADED_CELL)!;
    expect(now).toEqual(was);
    if (first.set.changes.some((c) => c.kind === "mark" && c.cell === THREADED_CELL)) expect(first.summary.notesSkipped.map((n) => n.cell)).toContain(THREADED_CELL);
  });

  it("writes well-formed parts, the report sheet with its marker, and drops the stale calculation chain", () => {
    for (const name of [...first.summary.changedParts, ...first.summary.addedParts]) {
      if (name.endsWith(".vml")) continue;
      expect(() => parseXml(partText(out, name))).not.toThrow();
    }
    expect(first.summary.calcChain).toBe("removed");
    expect(partText(out, "[Content_Types].xml")).not.toContain("calcChain");
    expect(partText(out, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    const wb = partText(out, "xl/workbook.xml");
    expect(wb).toMatch(/<sheet name="自评报告" sheetId="5" r:id="rId\d+"/);
    expect(wb).toContain(`<definedName name="_ScoreCheckReport" localSheetId="4" hidden="1">'自评报告'!$A$1</definedName>`);
    expect(partText(out, "docProps/app.xml")).toContain("<vt:lpstr>受保护</vt:lpstr><vt:lpstr>自评报告</vt:lpstr>");
    expect(partText(out, "docProps/app.xml")).toContain('<vt:vector size="7" baseType="lpstr">');
  });

  it("re-checks clean: no total finding and nothing on the report sheet", () => {
    const again = analyzeWorkbook(readXlsxBytes(out, "fixed.xlsm"));
    expect(again.findings.filter((f) => TOTAL_RULES.includes(f.rule))).toEqual([]);
    expect(again.findings.filter((f) => f.sheet === "自评报告")).toEqual([]);
  });

  it("fix of the fixed copy adds nothing; a third run changes no byte", () => {
    const second = fix(out, "fixed.xlsm");
    expect(second.summary.addedParts).toEqual([]);
    expect(second.summary.reportSheet).toEqual({ name: "自评报告", replaced: true });
    expect(cellXfs(partText(second.bytes, "xl/styles.xml"))).toEqual(cellXfs(partText(out, "xl/styles.xml")));
    const wb = partText(second.bytes, "xl/workbook.xml");
    expect(wb.match(/<sheet /g)).toHaveLength(5);
    expect(wb.match(/_ScoreCheckReport/g)).toHaveLength(1);
    for (const n of notes(partText(second.bytes, "xl/comments1.xml"))) {
      const lines = n.text.split("\n").filter((l) => l.startsWith(NOTE_TAG));
      expect(new Set(lines).size).toBe(lines.length);
    }
    const reviewer = notes(partText(second.bytes, "xl/comments1.xml")).find((n) => n.ref === REVIEWER_NOTE.cell)!;
    expect(reviewer.author).toBe(REVIEWER_NOTE.author);
    const third = fix(second.bytes, "fixed2.xlsm");
    expect(third.summary.changedParts).toEqual([]);
    expect(Buffer.from(third.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  });

  it("clearing marks restores every cell's original style index and removes ScoreCheck's notes", () => {
    const cleared = fix(out, "fixed.xlsm", { marks: false });
    expect(cellStyles(partText(cleared.bytes, "xl/worksheets/sheet1.xml"))).toEqual(cellStyles(partText(input, "xl/worksheets/sheet1.xml")));
    const left = notes(partText(cleared.bytes, "xl/comments1.xml"));
    expect(left.map((n) => n.author)).not.toContain(NOTE_AUTHOR);
    expect(left).toEqual(notes(partText(input, "xl/comments1.xml")));
    expect(partText(cleared.bytes, "xl/workbook.xml")).not.toContain("_ScoreCheckMarks");
    expect(cleared.summary.earlierReportKept).toBeNull();
    const noReport = fix(out, "fixed.xlsm", { narrative: false });
    expect(noReport.summary.earlierReportKept).toBe("自评报告");
    expect(partText(noReport.bytes, "xl/worksheets/sheet5.xml")).toBe(partText(out, "xl/worksheets/sheet5.xml"));
  });
});

describe("a user's own style that looks like a mark", () => {
  it("is never reused for a mark, so clearing marks leaves the user's cells alone", () => {
    const mark = (cell: string) => ({ title: { zh: "t", en: "t" }, changes: [{ kind: "mark" as const, sheet: "评分表", cell, severity: "error" as const, note: "x" }] });
    // C4 carries a style identical to a ScoreCheck mark but is the user's: the record is gone.
    const marked = parts(patchWorkbookBytes(richWorkbook(), "r.xlsm", mark("C4")).bytes);
    marked["xl/workbook.xml"] = strToU8(strFromU8(marked["xl/workbook.xml"]).replace(/<definedName name="_ScoreCheckMarks"[^<]*<\/definedName>/, ""));
    const input = zipSync(marked);
    const userXf = cellStyles(partText(input, "xl/worksheets/sheet1.xml")).get("C4")!;
    const C5 = cellStyles(partText(input, "xl/worksheets/sheet1.xml")).get("C5");
    const second = patchWorkbookBytes(input, "r.xlsm", mark("C5"));
    const markXf = cellStyles(partText(second.bytes, "xl/worksheets/sheet1.xml")).get("C5")!;
    expect(markXf).not.toBe(userXf);
    expect(cellXfs(partText(second.bytes, "xl/styles.xml"))[markXf]).toBe(cellXfs(partText(second.bytes, "xl/styles.xml"))[userXf]);
    const cleared = cellStyles(partText(patchWorkbookBytes(second.bytes, "r.xlsm", { title: { zh: "t", en: "t" }, changes: [] }).bytes, "xl/worksheets/sheet1.xml"));
    expect(cleared.get("C4")).toBe(userXf);
    expect(cleared.get("C5")).toBe(C5);
  });
});

describe("ScoreCheck's note lines merged into a reviewer's run by an editor", () => {
  it("are still found and replaced, the reviewer's text kept", () => {
    const mark = { title: { zh: "t", en: "t" }, changes: [{ kind: "mark" as const, sheet: "评分表", cell: "G7", severity: "warning" as const, note: "甲" }] };
    const once = parts(patchWorkbookBytes(richWorkbook(), "r.xlsm", mark).bytes);
    // An editor saved the note as one run: the reviewer's text and ScoreCheck's line together.
    const merged = strFromU8(once["xl/comments1.xml"]).replace(/<\/t><\/r><r><rPr><sz val="9"\/><color rgb="FF9C0006"\/>[^]*?<t xml:space="preserve">/, "");
    expect(merged).not.toBe(strFromU8(once["xl/comments1.xml"]));
    once["xl/comments1.xml"] = strToU8(merged);
    const again = patchWorkbookBytes(zipSync(once), "r.xlsm", { ...mark, changes: [{ ...mark.changes[0], note: "乙" }] });
    const note = notes(partText(again.bytes, "xl/comments1.xml")).find((n) => n.ref === "G7")!;
    expect(note.author).toBe(REVIEWER_NOTE.author);
    expect(note.text).toContain(REVIEWER_NOTE.text);
    expect(note.text).not.toContain(`${NOTE_TAG}甲`);
    expect(note.text.split(NOTE_TAG)).toHaveLength(2);
    expect(note.text).toContain(`${NOTE_TAG}乙`);
  });
});
