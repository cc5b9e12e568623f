/**
 * The reviewer's inbox (issue 10's "done when"): unit folders with duplicate 自评表.xlsx names, a
 * renamed .docx, a .xls made by LibreOffice, hidden and lock files, a pipe and a link loop.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { RULES } from "../../src/engine";
import { readWorkbookFile } from "../../src/xlsx";
import { copyFixture, fixture, runInProcess, soffice, sofficeConvert, tempDir, writeDocx, type Run } from "./helpers";

jest.setTimeout(180_000);

const root = tempDir("inbox");
const inbox = join(root, "inbox");
const summary = join(root, "汇总.xlsx");
let json: Run;
let report: ReturnType<typeof JSON.parse>;

beforeAll(async () => {
  copyFixture("000-07", join(inbox, "单位A/自评表.xlsx"));
  copyFixture("004-02", join(inbox, "单位B/自评表.xlsx"));
  copyFixture("003-01", join(inbox, "单位C/自评表.xlsx"));
  writeDocx(join(inbox, "单位D/报告.xlsx"));
  copyFixture("000-01", join(inbox, ".备份/自评表.xlsx"));
  copyFixture("000-01", join(inbox, "单位A/~$自评表.xlsx"));
  symlinkSync(inbox, join(inbox, "单位A/回到收件箱"));
  execFileSync("mkfifo", [join(inbox, "管道.xlsx")]);
  if (soffice) {
    const work = join(root, "work");
    copyFixture("000-01", join(work, "自评表.xlsx"));
    sofficeConvert(join(work, "自评表.xlsx"), "xls", work);
    mkdirSync(join(inbox, "单位E"));
    execFileSync("cp", [join(work, "自评表.xls"), join(inbox, "单位E/自评表.xls")]);
  }
  json = await runInProcess("check", inbox, "--json", "--summary", summary);
  report = JSON.parse(json.out);
});

const expectedFiles = () => ["单位A/自评表.xlsx", "单位B/自评表.xlsx", "单位C/自评表.xlsx", "单位D/报告.xlsx", ...(soffice ? ["单位E/自评表.xls"] : [])];

describe("check FOLDER on a reviewer's inbox", () => {
  it("lists every workbook once by its path relative to the folder, skipping hidden, lock and loop entries", () => {
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(expectedFiles());
  });

  it("reports the renamed .docx as not an Excel workbook, never as clean", () => {
    const docx = report.files.find((f: { file: string }) => f.file === "单位D/报告.xlsx");
    expect(docx.error).toMatch(/不是 Excel 工作簿/);
    expect(docx.tables).toEqual([]);
  });

  it("skips the pipe with a message instead of hanging on it", () => {
    expect(json.err).toMatch(/管道\.xlsx：不是普通文件/);
    expect(report.skipped).toEqual([expect.objectContaining({ file: "管道.xlsx" })]);
  });

  (soffice ? it : it.skip)("reads the .xls through LibreOffice, with the same tables and findings as its .xlsx original", async () => {
    const xls = report.files.find((f: { file: string }) => f.file === "单位E/自评表.xls");
    expect(xls.error).toBeUndefined();
    expect(xls.convertedFrom).toBe(".xls");
    const original = JSON.parse((await runInProcess("check", fixture("000-01"), "--json")).out).files[0];
    expect(xls.tables).toEqual(original.tables);
    expect(xls.findings.length).toBeGreaterThan(0);
    expect(xls.findings).toEqual(original.findings);
  });

  it("exits 1: some files have errors and one could not be read", () => {
    expect(json.code).toBe(1);
  });

  it("keeps duplicate names apart in the text report, lists the unreadable file with its reason, and sums up", async () => {
    const r = await runInProcess("check", join(inbox, "单位A"), join(inbox, "单位B"), join(inbox, "单位D"));
    expect(r.code).toBe(1);
    // With several folders given, each name starts with its folder.
    const names = r.out.split("\n").filter((l) => l.startsWith(inbox));
    expect(names).toEqual([join(inbox, "单位A/自评表.xlsx"), join(inbox, "单位B/自评表.xlsx"), join(inbox, "单位D/报告.xlsx")]);
    expect(r.out).toMatch(/报告\.xlsx\n {2}✖ 无法读取：.*不是 Excel 工作簿/);
    expect(r.out).toContain("共 3 个文件：1 个有错误，1 个无错误，1 个无法读取");
  });
});

/** The summary read back with the project's reader: rows of values per sheet. */
async function summaryRows(): Promise<Record<string, unknown[][]>> {
  const wb = await readWorkbookFile(summary);
  return Object.fromEntries(wb.sheets.map((s) => [s.name, s.values]));
}

describe("the summary workbook", () => {
  interface JsonFile {
    file: string;
    error?: string;
    tables: { index: number; errors: number; warnings: number; declaredScoreTotal: string | null; scoreTotal: string | null; unit: string | null; projectName: string | null }[];
    findings: { severity: string; cell: string; sheet: string }[];
  }

  it("has the sheets 汇总, 问题明细 and 说明", async () => {
    expect(Object.keys(await summaryRows())).toEqual(["汇总", "问题明细", "说明"]);
  });

  it("汇总 has one row per table (one per unreadable file) whose figures and counts agree with --json", async () => {
    const [head, ...rows] = (await summaryRows())["汇总"];
    expect(head).toEqual(["文件", "单位/部门", "项目名称", "表格", "填报总分", "重算总分", "规则得分", "填报等级", "重算等级", "错误数", "提醒数", "主要问题", "状态"]);
    const files: JsonFile[] = report.files;
    expect(rows).toHaveLength(files.reduce((n, f) => n + Math.max(1, f.tables.length), 0));
    let i = 0;
    for (const f of files) {
      if (f.error) {
        expect(rows[i][0]).toBe(f.file);
        expect(String(rows[i][12])).toMatch(/^无法读取：.*不是 Excel 工作簿/);
        i++;
        continue;
      }
      for (const t of f.tables) {
        const row = rows[i++];
        expect(row[0]).toBe(f.file);
        expect(row[1]).toBe(t.unit);
        expect(row[2]).toBe(t.projectName);
        expect(row[9]).toBe(t.errors);
        expect(row[10]).toBe(t.warnings);
        expect(row[12]).toBe(t.errors > 0 ? "有错误" : "无错误");
      }
      const errors = f.findings.filter((x) => x.severity === "error").length;
      expect(f.tables.reduce((n, t) => n + t.errors, 0)).toBe(errors);
    }
    // Numbers are numbers: 单位A's declared 99 and recalculated 98.
    const a = rows.find((r) => r[0] === "单位A/自评表.xlsx")!;
    expect(a.slice(1, 7)).toEqual(["如皋市被征地农民基本生活保障资金管理中心", "基础养老金补贴", "表1 评分表!A3:H23", 99, 98, 99]);
    expect(rows.find((r) => r[0] === "单位C/自评表.xlsx" && String(r[3]).startsWith("表2"))?.[1]).toBe("晋中市养老保险中心");
  });

  it("问题明细 has one row per finding, each cell linked to the workbook beside the summary", async () => {
    const [head, ...rows] = (await summaryRows())["问题明细"];
    expect(head).toEqual(["文件", "工作表", "单元格", "规则", "严重程度", "说明"]);
    const all = (report.files as JsonFile[]).flatMap((f) => f.findings.map((x) => [f.file, x.sheet, x.cell]));
    expect(rows.map((r) => r.slice(0, 3))).toEqual(all);
    const zip = unzipSync(readFileSync(summary));
    const rels = strFromU8(zip["xl/worksheets/_rels/sheet2.xml.rels"]);
    const sheet = strFromU8(zip["xl/worksheets/sheet2.xml"]);
    const first = all[0];
    // The file in the relationship, the place in the hyperlink's location (as Excel writes them).
    expect(rels).toContain(`Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="inbox/${first[0]}" TargetMode="External"`);
    expect(sheet).toContain(`<hyperlink ref="C2" r:id="rId1" location="'${first[1]}'!${first[2]}"/>`);
    expect((rels.match(/<Relationship /g) ?? []).length).toBe(all.length);
  });

  it("freezes the header, filters the table, fits the columns (CJK counted double) and highlights error rows", () => {
    const zip = unzipSync(readFileSync(summary));
    const sheet = strFromU8(zip["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toMatch(/<autoFilter ref="A1:M\d+"\/>/);
    // 文件 column: "单位A/自评表.xlsx" is 7 ASCII + 5 CJK characters = 17 places, plus 2 of padding.
    expect(sheet).toContain('<col min="1" max="1" width="19" customWidth="1"/>');
    const styles = strFromU8(zip["xl/styles.xml"]);
    expect(styles).toContain("FFFFD7D7");
    const errorRow = /<row r="2"[^>]*>(.*?)<\/row>/.exec(sheet)![1];
    expect(errorRow).toMatch(/ s="2"/);
  });

  it("说明 names what was checked, every rule with its Chinese description, the settings, the date and the version", async () => {
    const text = (await summaryRows())["说明"].map((r) => r.filter((v) => v !== null).join(" ")).join("\n");
    expect(text).toContain(inbox);
    for (const r of RULES) expect(text).toContain(`${r.id} ${{ error: "错误", warning: "提醒", info: "信息" }[r.severity]} ${r.description.zh}`);
    expect(text).toContain("反向指标（≤）未达标的计分");
    expect(text).toMatch(/核查时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(text).toMatch(/ScoreCheck 版本 \d+\.\d+\.\d+/);
  });

  (soffice ? it : it.skip)("opens in LibreOffice without complaint, with the same rows", () => {
    const out = tempDir("summary-csv");
    sofficeConvert(summary, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", out);
    const csv = readdirSync(out).sort();
    expect(csv).toEqual(["汇总-汇总.csv", "汇总-说明.csv", "汇总-问题明细.csv"]);
    const lines = readFileSync(join(out, "汇总-汇总.csv"), "utf8").trim().split("\n");
    expect(lines[0]).toBe("文件,单位/部门,项目名称,表格,填报总分,重算总分,规则得分,填报等级,重算等级,错误数,提醒数,主要问题,状态");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual((report.files as JsonFile[]).flatMap((f) => Array(Math.max(1, f.tables.length)).fill(f.file)));
    expect(lines.find((l) => l.startsWith("单位A/"))).toContain(",99,98,99,");
    // LibreOffice follows the links: saved as .ods, each finding's cell links to its workbook's cell.
    sofficeConvert(summary, "ods", out);
    const content = strFromU8(unzipSync(readFileSync(join(out, "汇总.ods")))["content.xml"]);
    const first = (report.files as JsonFile[]).find((f) => f.findings.length)!;
    // (LibreOffice rewrites the relative path for where the .ods was saved.)
    expect(content).toContain(`/inbox/${first.file}#&apos;${first.findings[0].sheet}&apos;!${first.findings[0].cell}"`);
  });
});
