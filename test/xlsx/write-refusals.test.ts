/**
 * What writeFixedCopy refuses, with one zh/en line and nothing written: changes to protected
 * sheets, a report sheet in a structure-locked workbook, cells whose change would break a table, a
 * shared formula or an array formula; an output that is the input (also through a symlinked folder
 * or a hard link), an existing output without force, and outputs that cannot be written.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Change, ChangeSet } from "../../src/engine/changes/types";
import { InputError } from "../../src/engine/errors";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { planFix } from "../../src/engine/changes/plan";
import { readXlsxBytes } from "../../src/xlsx/read";
import { patchWorkbookBytes, writeFixedCopy } from "../../src/xlsx/write";
import { richWorkbook } from "../support/ooxml-workbook";
import { notes, partText } from "../support/ooxml-inspect";

const set = (...changes: Change[]): ChangeSet => ({ title: { zh: "t", en: "t" }, changes });
const value = (sheet: string, cell: string, v: number | string): Change => ({ kind: "set-value", sheet, cell, value: v, reason: "test" });

function refusal(bytes: Uint8Array, s: ChangeSet): InputError {
  try {
    patchWorkbookBytes(bytes, "rich.xlsm", s);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("changes the writer refuses rather than break or drop something", () => {
  const rich = richWorkbook();

  it("a mark on a protected sheet, naming the sheet", () => {
    const e = refusal(rich, set({ kind: "mark", sheet: "受保护", cell: "A1", severity: "error", note: "x" }));
    expect(e.code).toBe("protected");
    expect(e.zh).toContain("“受保护”");
    expect(e.en).toContain('"受保护"');
  });

  it("a fix of a protected scoring sheet", () => {
    const bytes = richWorkbook({ protectScoring: true });
    const snap = readXlsxBytes(bytes, "p.xlsm");
    expect(refusal(bytes, planFix(analyzeWorkbook(snap), snap))).toMatchObject({ code: "protected", zh: expect.stringContaining("“评分表”") });
  });

  it("a report sheet in a workbook whose structure is locked; without the report the fix goes through", () => {
    const bytes = richWorkbook({ lockStructure: true });
    const snap = readXlsxBytes(bytes, "l.xlsm");
    const analysis = analyzeWorkbook(snap);
    expect(refusal(bytes, planFix(analysis, snap)).zh).toContain("工作簿结构受保护");
    const out = patchWorkbookBytes(bytes, "l.xlsm", planFix(analysis, snap, { narrative: false }));
    expect(out.summary.reportSheet).toBeNull();
    expect(out.summary.marks).toBeGreaterThan(0);
  });

  it.each([
    ["C3", "计算列", "calculated column"],
    ["B1", "标题行", "header row"],
  ])("a cell in a table's %s, naming the table", (cell, zh, en) => {
    const e = refusal(rich, set(value("数据", cell, 1)));
    expect(e.code).toBe("unsupported");
    expect(e.zh).toContain("明细表");
    expect(e.zh).toContain(zh);
    expect(e.en).toContain(en);
  });

  it("a shared formula's master cell and a cell of a multi-cell array formula", () => {
    expect(refusal(rich, set(value("数据", "D2", 1))).en).toContain("shared formula over D2:D5");
    expect(refusal(rich, set(value("数据", "E3", 1))).en).toContain("array formula");
  });

  it("writes what is safe: a plain table cell, a shared formula's dependent (dropping the stale calculation chain)", () => {
    const { bytes, summary } = patchWorkbookBytes(rich, "rich.xlsm", set(value("数据", "B3", 35), value("数据", "D4", 41)));
    const xml = partText(bytes, "xl/worksheets/sheet2.xml");
    expect(xml).toContain('<c r="B3"><v>35</v></c>');
    expect(xml).toContain('<c r="D4"><v>41</v></c>');
    expect(xml).toContain('<f t="shared" ref="D2:D5" si="0">B2+1</f>');
    expect(summary.calcChain).toBe("removed");
    expect(partText(bytes, "xl/workbook.xml")).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
  });

  it("a sheet that does not exist", () => {
    expect(refusal(rich, set(value("不存在", "A1", 1))).zh).toContain("找不到工作表“不存在”");
  });
});

describe("text written stays text", () => {
  it("lines starting with = + - @ and markup characters are inline strings, escaped", () => {
    const lines = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "a<b & c>d", "tab\there\u0001"].map((text) => ({ text, style: "body" as const }));
    const { bytes } = patchWorkbookBytes(richWorkbook(), "r.xlsm", set({ kind: "add-sheet", name: "自评报告", lines }));
    const xml = partText(bytes, "xl/worksheets/sheet5.xml");
    expect(xml).not.toContain("<f>");
    expect(xml).toContain('t="inlineStr"><is><t xml:space="preserve">=HYPERLINK("http://x")</t></is>');
    expect(xml).toContain("a&lt;b &amp; c&gt;d");
    expect(xml).toContain("tab\there_x0001_");
    const read = readXlsxBytes(bytes, "r.xlsm").sheets.find((s) => s.name === "自评报告")!;
    expect(read.values.map((r) => r[0])).toEqual(lines.map((l) => l.text));
    expect(read.generated).toBe(true);
  });
});

describe("safe output paths", () => {
  let dir: string;
  let input: string;
  const fixSet = () => {
    const snap = readXlsxBytes(new Uint8Array(readFileSync(input)), "in.xlsm");
    return planFix(analyzeWorkbook(snap), snap);
  };
  const expectRefused = async (out: string, code: string, text: RegExp, force = false) => {
    const before = readFileSync(input);
    await expect(writeFixedCopy(input, out, fixSet(), { force })).rejects.toMatchObject({ code, zh: expect.stringMatching(text) });
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "scorecheck-write-"));
    input = join(dir, "in.xlsm");
    writeFileSync(input, richWorkbook());
  });
  afterEach(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes a copy and reports what it did", async () => {
    const out = join(dir, "out.xlsm");
    const report = await writeFixedCopy(input, out, fixSet());
    expect(report.written).toBe(out);
    expect(report.reportSheet).toEqual({ name: "自评报告", replaced: false });
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["in.xlsm", "out.xlsm"]);
  });

  it("refuses the input itself, by path, through a symlinked folder and as a hard link", async () => {
    await expectRefused(input, "unwritable", /输出文件就是输入文件/);
    await expectRefused(`${dir}/./in.xlsm`, "unwritable", /输出文件就是输入文件/);
    symlinkSync(dir, join(dir, "alias"));
    await expectRefused(join(dir, "alias", "in.xlsm"), "unwritable", /输出文件就是输入文件/, true);
    linkSync(input, join(dir, "hard.xlsm"));
    await expectRefused(join(dir, "hard.xlsm"), "unwritable", /输出文件就是输入文件/, true);
  });

  it("refuses any other file named as never to be written (the original of a converted input)", async () => {
    const original = join(dir, "original.xls");
    writeFileSync(original, "legacy");
    await expect(writeFixedCopy(input, original, fixSet(), { force: true, alsoNot: [original] })).rejects.toMatchObject({ code: "unwritable" });
    expect(readFileSync(original, "utf8")).toBe("legacy");
  });

  it("needs force to replace an existing output", async () => {
    const out = join(dir, "out.xlsm");
    writeFileSync(out, "old");
    await expectRefused(out, "exists", /已存在.*--force/);
    expect(readFileSync(out, "utf8")).toBe("old");
    await writeFixedCopy(input, out, fixSet(), { force: true });
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  it("a missing folder, an output that is a folder", async () => {
    await expectRefused(join(dir, "nope", "out.xlsm"), "unwritable", /输出文件夹不存在/);
    mkdirSync(join(dir, "folder"));
    await expectRefused(join(dir, "folder"), "unwritable", /是一个文件夹/, true);
  });

  const root = process.getuid?.() === 0;
  (root ? it.skip : it)("a folder without write permission", async () => {
    const ro = join(dir, "ro");
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    await expectRefused(join(ro, "out.xlsm"), "unwritable", /没有写入权限/);
    chmodSync(ro, 0o755);
  });
});

describe("LibreOffice opens the fixed copy", () => {
  it("converts every sheet of the fixed rich workbook to CSV", () => {
    const dir = mkdtempSync(join(tmpdir(), "scorecheck-lo-"));
    try {
      const bytes = richWorkbook();
      const snap = readXlsxBytes(bytes, "rich.xlsm");
      writeFileSync(join(dir, "fixed.xlsm"), patchWorkbookBytes(bytes, "rich.xlsm", planFix(analyzeWorkbook(snap), snap)).bytes);
      execFileSync(
        "soffice",
        [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, join(dir, "fixed.xlsm")],
        { stdio: "ignore", timeout: 120_000 },
      );
      const csv = (sheet: string) => readFileSync(join(dir, `fixed-${sheet}.csv`), "utf8");
      expect(csv("自评报告")).toContain("一、评价结论");
      expect(csv("评分表").split("\n")[10]).toMatch(/^总计,+100,99/);
      expect(csv("数据")).toContain("项目2,20,40");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it("after LibreOffice re-saves the fixed copy (runs split, authors lost), a new fix replaces its own report and note lines", () => {
    const dir = mkdtempSync(join(tmpdir(), "scorecheck-lo-"));
    try {
      const bytes = richWorkbook({ macros: false });
      const snap = readXlsxBytes(bytes, "rich.xlsx");
      writeFileSync(join(dir, "fixed.xlsx"), patchWorkbookBytes(bytes, "rich.xlsx", planFix(analyzeWorkbook(snap), snap)).bytes);
      mkdirSync(join(dir, "lo"));
      execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", join(dir, "lo"), join(dir, "fixed.xlsx")], { stdio: "ignore", timeout: 120_000 });
      const resaved = new Uint8Array(readFileSync(join(dir, "lo", "fixed.xlsx")));
      const again = readXlsxBytes(resaved, "resaved.xlsx");
      const { bytes: out, summary } = patchWorkbookBytes(resaved, "resaved.xlsx", planFix(analyzeWorkbook(again), again));
      expect(summary.reportSheet).toEqual({ name: "自评报告", replaced: true });
      const comments = partText(out, "xl/comments1.xml");
      const text = (ref: string) => notes(comments).find((n) => n.ref === ref)?.text.replace(/&#10;/g, "\n") ?? "";
      expect(text("G7")).toContain("已核实（附件 5）");
      expect(text("G7").split("【评分表核查】")).toHaveLength(2);
      expect(text("E8").split("【评分表核查】")).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});

describe("the copy keeps the input's format", () => {
  it("a macro workbook cannot be written under .xlsx (Excel would not open it); .xlsm is fine", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scorecheck-ext-"));
    try {
      const input = join(dir, "in.xlsm");
      writeFileSync(input, richWorkbook());
      const s = set(value("数据", "B3", 1));
      await expect(writeFixedCopy(input, join(dir, "out.xlsx"), s)).rejects.toMatchObject({ code: "unwritable", zh: expect.stringContaining("须以 .xlsm 结尾") });
      expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
      await writeFixedCopy(input, join(dir, "OUT.XLSM"), s);
      expect(partText(new Uint8Array(readFileSync(join(dir, "OUT.XLSM"))), "xl/vbaProject.bin")).toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
