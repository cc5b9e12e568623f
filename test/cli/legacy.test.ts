/** .xls, WPS .et and .ods through LibreOffice, and a clear message where LibreOffice is missing. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { analyzeWorkbook } from "../../src/engine";
import { readWorkbookFile } from "../../src/xlsx";
import { convertLegacyFiles, findSoffice } from "../../src/xlsx/legacy";
import { copyFixture, fixture, runInProcess, soffice, sofficeConvert, tempDir } from "./helpers";

jest.setTimeout(180_000);

const root = tempDir("legacy");
const work = join(root, "work");
const inbox = join(root, "inbox");
const withOffice = soffice ? describe : describe.skip;

beforeAll(() => {
  if (!soffice) return;
  const src = copyFixture("000-07", join(work, "自评表.xlsx"));
  sofficeConvert(src, "xls", work);
  sofficeConvert(src, "ods", work);
  mkdirSync(join(inbox, "单位A"), { recursive: true });
  mkdirSync(join(inbox, "单位B"), { recursive: true });
  mkdirSync(join(inbox, "单位C"), { recursive: true });
  copyFileSync(join(work, "自评表.xls"), join(inbox, "单位A/自评表.xls"));
  // WPS's .et is its BIFF spreadsheet; LibreOffice reads it by content.
  copyFileSync(join(work, "自评表.xls"), join(inbox, "单位B/自评表.et"));
  copyFileSync(join(work, "自评表.ods"), join(inbox, "单位C/自评表.ods"));
});

async function originalJson() {
  return JSON.parse((await runInProcess("check", fixture("000-07"), "--json")).out).files[0];
}

withOffice("with LibreOffice installed", () => {
  it("reads .xls, .et and .ods in one batch, each with the tables and findings of the .xlsx it was made from", async () => {
    const r = await runInProcess("check", inbox, "--json");
    const j = JSON.parse(r.out);
    const original = await originalJson();
    expect(j.files.map((f: { file: string }) => f.file)).toEqual(["单位A/自评表.xls", "单位B/自评表.et", "单位C/自评表.ods"]);
    for (const f of j.files) {
      expect(f.error).toBeUndefined();
      expect(f.tables).toEqual(original.tables);
      expect(f.findings.map((x: { rule: string; cell: string }) => [x.rule, x.cell])).toEqual(original.findings.map((x: { rule: string; cell: string }) => [x.rule, x.cell]));
    }
    expect(r.code).toBe(1);
  });

  it("says in the text report that a file was converted", async () => {
    const r = await runInProcess("check", join(inbox, "单位A/自评表.xls"));
    expect(r.out).toMatch(/^.*自评表\.xls（由 \.xls 经 LibreOffice 转换后读取）/);
    expect(r.code).toBe(1);
  });

  it("fix on a legacy file writes .xlsx and says so", async () => {
    const out = join(root, "修正.xls");
    const r = await runInProcess("fix", join(inbox, "单位A/自评表.xls"), "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已写入 .*修正\.xlsx（由 \.xls 转换，已写为 \.xlsx）/);
    expect(existsSync(out)).toBe(false);
    const fixed = analyzeWorkbook(await readWorkbookFile(join(root, "修正.xlsx")));
    expect(fixed.findings.filter((f) => f.rule === "total-mismatch")).toEqual([]);
  });

  it("fix FOLDER writes each legacy workbook as .xlsx under its relative path, leaving the inputs as they were", async () => {
    const xls = readFileSync(join(inbox, "单位A/自评表.xls"));
    const outdir = join(root, "修正");
    const r = await runInProcess("fix", inbox, "-o", outdir);
    expect(r.code).toBe(1);
    for (const f of ["单位A/自评表.xlsx", "单位B/自评表.xlsx", "单位C/自评表.xlsx"]) expect(existsSync(join(outdir, f))).toBe(true);
    expect(r.out).toContain("单位B/自评表.et → ");
    expect(r.out).toContain("（由 .et 转换，已写为 .xlsx）");
    expect(readFileSync(join(inbox, "单位A/自评表.xls")).equals(xls)).toBe(true);
  });

  it("narrative reads a legacy file too", async () => {
    const r = await runInProcess("narrative", join(inbox, "单位C/自评表.ods"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("评价结论");
  });

  it("reports a damaged .xls as unreadable, with the others still read", async () => {
    const bad = join(root, "damaged");
    mkdirSync(bad);
    copyFileSync(join(work, "自评表.xls"), join(bad, "好.xls"));
    // The first 300 bytes of an .xls: a damaged file LibreOffice can't make a spreadsheet of.
    writeFileSync(join(bad, "坏.xls"), readFileSync(join(work, "自评表.xls")).subarray(0, 300));
    const j = JSON.parse((await runInProcess("check", bad, "--json")).out);
    expect(j.files.find((f: { file: string }) => f.file === "坏.xls").error).toMatch(/LibreOffice 无法将其转换为 \.xlsx/);
    expect(j.files.find((f: { file: string }) => f.file === "好.xls").tables).toHaveLength(1);
  });
});

describe("without LibreOffice", () => {
  const saved = process.env.SCORECHECK_SOFFICE;
  beforeEach(() => (process.env.SCORECHECK_SOFFICE = "none"));
  afterEach(() => (saved === undefined ? delete process.env.SCORECHECK_SOFFICE : (process.env.SCORECHECK_SOFFICE = saved)));

  it("says that the format needs LibreOffice and how to install it (exit 2 for one file)", async () => {
    const xls = join(root, "无LibreOffice.xls");
    copyFileSync(fixture("000-07"), xls);
    const r = await runInProcess("check", xls);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\.xls 格式需要 LibreOffice 才能读取.*apt-get install libreoffice-calc.*libreoffice\.org/);
    const en = await runInProcess("check", xls, "--lang", "en");
    expect(en.err).toMatch(/the \.xls format needs LibreOffice.*apt-get install libreoffice-calc/);
  });

  it("finds no soffice when told there is none, and finds one on a PATH that has it", () => {
    expect(findSoffice({ SCORECHECK_SOFFICE: "none", PATH: process.env.PATH })).toBeNull();
    expect(findSoffice({ PATH: "/nonexistent" })).toBeNull();
    if (soffice) expect(findSoffice({ PATH: `/nonexistent:${dirname(soffice)}` })).toBe(soffice);
  });

  it("lists each legacy file with the same message from convertLegacyFiles", async () => {
    const c = await convertLegacyFiles(["/x/a.xls", "/x/b.ods"], { soffice: null, names: ["a.xls", "b.ods"] });
    expect(c.results.map((e) => (e as Error & { zh: string }).zh)).toEqual([expect.stringMatching(/^a\.xls：\.xls 格式需要 LibreOffice/), expect.stringMatching(/^b\.ods：\.ods 格式需要 LibreOffice/)]);
  });
});
