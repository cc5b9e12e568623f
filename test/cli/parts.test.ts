/** The batch's parts on their own: discovery, the summary package's XML, links and the progress line. */
import { execFileSync } from "node:child_process";
import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { discover } from "../../src/cli/discover";
import { Progress, progressWanted } from "../../src/cli/progress";
import { linkTo, reason } from "../../src/cli/summary-input";
import { readWorkbookFile } from "../../src/xlsx";
import { summaryBytes, type SummaryInput } from "../../src/xlsx/summary";
import { columnLetter, escapeXml, sheetLocation } from "../../src/xlsx/summary/xml";
import { displayWidth, fitWidths, linesOf } from "../../src/xlsx/summary/sheet";
import { strFromU8, unzipSync } from "fflate";
import { copyFixture, tempDir } from "./helpers";

describe("discover", () => {
  const root = tempDir("discover");
  beforeAll(() => {
    for (const n of ["单位2", "单位10", "单位1"]) copyFixture("004-02", join(root, "in", n, "自评表.xlsx"));
    copyFixture("004-02", join(root, "in/.git/x.xlsx"));
    copyFixture("004-02", join(root, "in/单位1/~$自评表.xlsx"));
    writeFileSync(join(root, "in/单位1/说明.docx"), "x");
    copyFixture("004-02", join(root, "elsewhere/链接目标.xlsx"));
    symlinkSync(join(root, "elsewhere/链接目标.xlsx"), join(root, "in/单位2/链接.xlsx"));
    copyFixture("004-02", join(root, "in/修正/单位1/自评表.xlsx"));
    execFileSync("mkfifo", [join(root, "fifo.xlsx")]);
  });

  it("walks folders in depth, numbers by value, skipping hidden, lock and non-workbook files, following linked files", () => {
    const d = discover([join(root, "in")], [join(root, "in/修正")]);
    expect(d.files.map((f) => f.file)).toEqual(["单位1/自评表.xlsx", "单位2/链接.xlsx", "单位2/自评表.xlsx", "单位10/自评表.xlsx"]);
    expect(d.folders).toBe(true);
  });

  it("takes a file named twice (or through a link) once, keeps a missing file for the reader to report, and skips a pipe with a message", () => {
    const a = join(root, "in/单位1/自评表.xlsx");
    const d = discover([a, a, join(root, "elsewhere/链接目标.xlsx"), join(root, "in/单位2/链接.xlsx"), join(root, "nope.xlsx"), join(root, "fifo.xlsx")]);
    expect(d.files.map((f) => f.file)).toEqual([a, join(root, "elsewhere/链接目标.xlsx"), join(root, "nope.xlsx")]);
    expect(d.skipped.map((s) => s.reason.zh)).toEqual([`${join(root, "fifo.xlsx")}：不是普通文件（管道、设备或套接字），已跳过`]);
    expect(d.folders).toBe(false);
  });
});

describe("the summary package", () => {
  it("escapes XML, drops characters XML can't hold, and quotes sheet names as Excel does", () => {
    expect(escapeXml(`a<b>&"c"\u0001\u0008d\te`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;d\te");
    expect(sheetLocation("It's 表", "B7")).toBe("'It''s 表'!B7");
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
  });

  it("fits column widths with CJK counted double, within each column's cap, and counts wrapped lines", () => {
    expect(displayWidth("单位A/自评表.xlsx")).toBe(17);
    expect(displayWidth("（完成93.13%）")).toBe(14);
    const spec = { name: "s", rows: [["文件", "说明"], ["单位A/自评表.xlsx", "很长的说明".repeat(20)]], columnMax: { 1: 30 } };
    expect(fitWidths(spec)).toEqual([19, 30]);
    expect(linesOf(spec.rows[1], [19, 30])).toBeGreaterThan(7);
  });

  it("writes numbers as numbers, long text cut to Excel's limit, and reads back with the project's reader", async () => {
    const input: SummaryInput = {
      files: [
        {
          file: "单位A/<自评>&表.xlsx",
          link: "单位A/%3C自评%3E&表.xlsx",
          error: null,
          tables: [{ label: "表1 评分表!A1:H9", unit: "某局", project: "项目", declaredScore: "99.50", recalculatedScore: "98", ruleScore: null, declaredGrade: null, grade: "优", errors: 1, warnings: 0 }],
          findings: [{ table: 0, sheet: "It's", cell: "F9", rule: "weights-sum", severity: "error", message: "说".repeat(40_000) }],
        },
      ],
      inputs: ["收件箱"],
      rules: [{ id: "weights-sum", severity: "error", description: "权重合计应为100分" }],
      settings: [["设置", "值"]],
      date: "2026-01-01 08:00",
      version: "9.9.9",
    };
    const dir = tempDir("pkg");
    const path = join(dir, "汇总.xlsx");
    writeFileSync(path, summaryBytes(input));
    const wb = await readWorkbookFile(path);
    const [overview, findings] = wb.sheets;
    expect(overview.values[1].slice(0, 7)).toEqual(["单位A/<自评>&表.xlsx", "某局", "项目", "表1 评分表!A1:H9", 99.5, 98, null]);
    expect(String(findings.values[1][5])).toHaveLength(32_767);
    const sheet = strFromU8(unzipSync(summaryBytes(input))["xl/worksheets/sheet2.xml"]);
    expect(sheet).toContain(`location="'It''s'!F9"`);
  });
});

describe("links and reasons in the summary", () => {
  it("links by a relative path with / separators, escaping only what a URL must", () => {
    expect(linkTo("/r/汇总.xlsx", "/r/收件箱/单位 A/#1 50%.xlsx")).toBe("收件箱/单位%20A/%231%2050%25.xlsx");
    expect(linkTo("/r/out/汇总.xlsx", "/r/收件箱/自评表.xlsx")).toBe("../收件箱/自评表.xlsx");
  });

  it("drops the file name an error message starts with (the row names the file)", () => {
    expect(reason({ code: "not-xlsx", zh: "单位A/自评表.xlsx：不是 Excel 工作簿", en: "" }, "单位A/自评表.xlsx")).toBe("不是 Excel 工作簿");
    expect(reason({ code: "not-xlsx", zh: "自评表.xlsx：不是 Excel 工作簿", en: "" }, "单位A/自评表.xlsx")).toBe("不是 Excel 工作簿");
  });
});

describe("the progress line", () => {
  const stream = () => {
    const writes: string[] = [];
    return { writes, write: (s: string) => (writes.push(s), true), columns: 40 };
  };

  it("is wanted on a terminal, or when forced; never otherwise", () => {
    expect(progressWanted({ isTTY: true }, {})).toBe(true);
    expect(progressWanted({ isTTY: false }, {})).toBe(false);
    expect(progressWanted({ isTTY: false }, { SCORECHECK_PROGRESS: "1" })).toBe(true);
    expect(progressWanted({ isTTY: true }, { SCORECHECK_PROGRESS: "0" })).toBe(false);
  });

  it("shows done/total, elapsed time and the end of a long path within the terminal's width, and clears itself", () => {
    const s = stream();
    const p = new Progress(3, s, true);
    p.start("第一个单位/自评表.xlsx");
    p.step(3, "很长很长的单位名称/再长一些的子文件夹/自评表.xlsx");
    p.end();
    const CLEAR = "\r\u001b[K";
    expect(s.writes.every((w) => w.startsWith(CLEAR))).toBe(true);
    const [first, last] = s.writes.map((w) => w.slice(CLEAR.length));
    expect(first).toMatch(/^\[0\/3\] 0\.\d s {2}第一个单位\/自评表\.xlsx$/);
    expect(last).toMatch(/^\[3\/3\] \d+\.\d s {2}….*\/自评表\.xlsx$/);
    expect(displayWidth(last)).toBeLessThanOrEqual(39);
    expect(s.writes[2]).toBe(CLEAR);
  });

  it("writes nothing when not wanted", () => {
    const s = stream();
    const p = new Progress(2, s, false);
    p.start("a.xlsx");
    p.step(2, "a.xlsx");
    p.end();
    expect(s.writes).toEqual([]);
  });
});
