/**
 * Valid but unusual packages: a namespace prefix on every element (Open XML SDK), no style sheet,
 * rows and cells without addresses. The writer patches them, the reader reads the result, and a
 * second fix adds nothing.
 */
import { analyzeWorkbook } from "../../src/engine/analyze";
import { planFix } from "../../src/engine/changes/plan";
import { readXlsxBytes } from "../../src/xlsx/read";
import { patchWorkbookBytes } from "../../src/xlsx/write";
import { parseXml } from "../support/xml";
import { plainWorkbook, type PlainOptions } from "../support/ooxml-workbook";
import { partText } from "../support/ooxml-inspect";

const TOTAL_RULES = ["total-mismatch", "subtotal-mismatch", "formula-range"];

describe.each<[string, PlainOptions]>([
  ["prefixed (x:)", { prefix: "x:" }],
  ["without styles.xml", { noStyles: true }],
  ["rows and cells without r", { noRefs: true }],
])("a workbook %s", (_label, opts) => {
  const input = plainWorkbook(opts);
  const snap = readXlsxBytes(input, "p.xlsx");
  const analysis = analyzeWorkbook(snap);
  const set = planFix(analysis, snap);
  const { bytes, summary } = patchWorkbookBytes(input, "p.xlsx", set);

  it("is fixed: marks, formulas and the report sheet, in well-formed parts", () => {
    expect(set.changes.some((c) => c.kind === "set-formula")).toBe(true);
    expect(summary.marks).toBeGreaterThan(0);
    for (const p of [...summary.changedParts, ...summary.addedParts]) if (!p.endsWith(".vml")) expect(() => parseXml(partText(bytes, p))).not.toThrow();
    const again = analyzeWorkbook(readXlsxBytes(bytes, "fixed.xlsx"));
    expect(again.findings.filter((f) => TOTAL_RULES.includes(f.rule))).toEqual([]);
    expect(again.findings.filter((f) => f.sheet === "自评报告")).toEqual([]);
    if (opts.prefix) expect(partText(bytes, "xl/worksheets/sheet1.xml")).toMatch(/<x:c r="G11"( s="\d+")?><x:f>SUM\(G4:G10\)<\/x:f>/);
    if (opts.noStyles) expect(summary.addedParts).toContain("xl/styles.xml");
  });

  it("a second fix adds nothing, a third changes no byte", () => {
    const s2 = readXlsxBytes(bytes, "f.xlsx");
    const second = patchWorkbookBytes(bytes, "f.xlsx", planFix(analyzeWorkbook(s2), s2));
    expect(second.summary.addedParts).toEqual([]);
    const s3 = readXlsxBytes(second.bytes, "g.xlsx");
    const third = patchWorkbookBytes(second.bytes, "g.xlsx", planFix(analyzeWorkbook(s3), s3));
    expect(Buffer.from(third.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  });
});

it("a workbook without styles.xml gets none when nothing needs a style", () => {
  const input = plainWorkbook({ noStyles: true });
  const { summary } = patchWorkbookBytes(input, "p.xlsx", { title: { zh: "t", en: "t" }, changes: [{ kind: "set-value", sheet: "评分表", cell: "G7", value: 20, reason: "r" }] });
  expect(summary.addedParts).toEqual([]);
  expect(summary.changedParts.sort()).toEqual(["xl/workbook.xml", "xl/worksheets/sheet1.xml"]);
});
