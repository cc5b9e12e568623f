/** fix over folders: marked copies under the same relative paths, inputs untouched, refusals per file. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { analyzeWorkbook } from "../../src/engine";
import { readWorkbookFile } from "../../src/xlsx";
import { copyFixture, runInProcess, tempDir, writeDocx } from "./helpers";

jest.setTimeout(120_000);

/** Every file under dir with its bytes, relative names sorted. */
function snapshotTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

describe("fix FOLDER -o OUTDIR", () => {
  const root = tempDir("fix");
  const inbox = join(root, "inbox");
  const outdir = join(inbox, "修正"); // inside the input folder: must not be read back as input
  let before: Map<string, Buffer>;
  let first: Awaited<ReturnType<typeof runInProcess>>;

  beforeAll(async () => {
    copyFixture("000-07", join(inbox, "单位A/自评表.xlsx"));
    copyFixture("000-08", join(inbox, "单位B/自评表.xlsx"));
    copyFixture("004-02", join(inbox, "单位C/自评表.xlsx"));
    writeDocx(join(inbox, "单位D/自评表.xlsx"));
    before = snapshotTree(inbox);
    first = await runInProcess("fix", inbox, "-o", outdir, "--summary", join(root, "汇总.xlsx"));
  });

  it("writes a marked copy of each workbook under the same relative path, with a line per file", () => {
    for (const unit of ["A", "B", "C"]) {
      expect(existsSync(join(outdir, `单位${unit}/自评表.xlsx`))).toBe(true);
      expect(first.out).toContain(`单位${unit}/自评表.xlsx → ${join(outdir, `单位${unit}/自评表.xlsx`)}：重算`);
    }
    expect(first.out).toMatch(/单位D\/自评表\.xlsx：未写入，无法读取：.*不是 Excel 工作簿/);
    expect(first.out).toContain("共 4 个文件：2 个有错误，1 个无错误，1 个无法读取");
    expect(first.code).toBe(1);
  });

  it("never touches the inputs", () => {
    const after = snapshotTree(inbox);
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes)).toBe(true);
  });

  it("writes copies whose totals re-check clean", async () => {
    const fixed = analyzeWorkbook(await readWorkbookFile(join(outdir, "单位A/自评表.xlsx")));
    expect(fixed.findings.filter((f) => /total-mismatch|subtotal-mismatch|formula-range/.test(f.rule))).toEqual([]);
    expect(fixed.tables[0].total?.score?.formula).toMatch(/^=SUM\(/);
  });

  it("links the summary's findings to the marked copies", () => {
    const zip = unzipSync(readFileSync(join(root, "汇总.xlsx")));
    expect(strFromU8(zip["xl/worksheets/_rels/sheet2.xml.rels"])).toContain(`Target="inbox/修正/单位A/自评表.xlsx"`);
    expect(strFromU8(zip["xl/worksheets/sheet2.xml"])).toContain(`location="'评分表'!`);
  });

  it("doesn't re-scan its output folder, refuses to overwrite earlier copies without --force, and overwrites with it", async () => {
    const again = await runInProcess("fix", inbox, "-o", outdir, "--json");
    const j = JSON.parse(again.out);
    expect(j.files.map((f: { file: string }) => f.file)).toEqual(["单位A/自评表.xlsx", "单位B/自评表.xlsx", "单位C/自评表.xlsx", "单位D/自评表.xlsx"]);
    expect(j.files[0].writeError).toMatch(/已存在.*--force/);
    expect(again.code).toBe(1);
    const forced = await runInProcess("fix", inbox, "-o", outdir, "--force");
    expect(forced.out).not.toContain("未写入：");
    expect(forced.out).toContain("单位C/自评表.xlsx →");
  });
});

describe("fix FOLDER FOLDER -o OUTDIR", () => {
  it("keeps two folders' 自评表.xlsx apart, each under its folder's name", async () => {
    const root = tempDir("fix2");
    copyFixture("000-07", join(root, "单位A/自评表.xlsx"));
    copyFixture("004-02", join(root, "单位B/自评表.xlsx"));
    const out = join(root, "修正");
    const r = await runInProcess("fix", join(root, "单位A"), join(root, "单位B"), "-o", out);
    expect(r.code).toBe(1);
    expect(existsSync(join(out, "单位A/自评表.xlsx"))).toBe(true);
    expect(existsSync(join(out, "单位B/自评表.xlsx"))).toBe(true);
    expect(r.out).toContain(`${join(root, "单位B/自评表.xlsx")} → ${join(out, "单位B/自评表.xlsx")}：`);
  });
});

describe("fix FILE -o OUT.xlsx", () => {
  const root = tempDir("fix1");
  const input = copyFixture("000-07", join(root, "自评表.xlsx"));

  it("writes the copy and says what it changed (exit 0), then refuses to overwrite it with one line (exit 2) unless --force", async () => {
    const out = join(root, "修正.xlsx");
    const r = await runInProcess("fix", input, "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已写入 .*修正\.xlsx：重算 \d+ 个单元格，标记 \d+ 处/);
    const again = await runInProcess("fix", input, "-o", out);
    expect(again.code).toBe(2);
    expect(again.err.trim().split("\n")).toHaveLength(1);
    expect(again.err).toMatch(/已存在/);
    expect((await runInProcess("fix", input, "-o", out, "--force")).code).toBe(0);
  });

  it("writes into -o when it names an existing folder", async () => {
    const dir = tempDir("fix-into");
    const r = await runInProcess("fix", input, "-o", dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "自评表.xlsx"))).toBe(true);
    expect(r.out.startsWith(`已写入 ${join(dir, "自评表.xlsx")}：重算 `)).toBe(true);
  });

  it("refuses to write onto its input (exit 2)", async () => {
    const bytes = readFileSync(input);
    const r = await runInProcess("fix", input, "-o", input, "--force");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/输出文件.*输入文件/);
    expect(readFileSync(input).equals(bytes)).toBe(true);
  });

  it("takes -o as a folder when given a folder, and says so when -o names a file", async () => {
    writeFileSync(join(root, "x.txt"), "");
    const r = await runInProcess("fix", root, "-o", join(root, "out.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/-o 须为输出文件夹/);
  });
});

describe("fix FILE -o OUT.xlsx into a folder that does not exist", () => {
  it("refuses with one line and exit 2, creating nothing", async () => {
    const root = tempDir("fix-missing");
    copyFixture("000-07", join(root, "自评表.xlsx"));
    const missing = join(root, "没有这个文件夹");
    const r = await runInProcess("fix", join(root, "自评表.xlsx"), "-o", join(missing, "修正.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("输出文件夹不存在");
    expect(existsSync(missing)).toBe(false);
  });
});
