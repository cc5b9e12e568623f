import { join } from "node:path";
import { readFileSync, rmSync, writeFileSync, statSync } from "node:fs";
import { main } from "../../src/cli/main";
import { readXlsxFile } from "../../src/xlsx/read";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { cleanRows, layoutA, type Row } from "../support/tables";
import { sheet } from "../support/grid";
import { OUT, writeSnapshots } from "../support/xlsx";

/** Runs the CLI in-process and captures what it prints. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  // The CLI waits for each write's callback (so piped output is never cut): the mocks call it.
  const capture = (add: (s: string) => void) => (s: unknown, ...rest: unknown[]) => {
    add(String(s));
    const cb = rest.find((x) => typeof x === "function") as (() => void) | undefined;
    cb?.();
    return true;
  };
  const o = jest.spyOn(process.stdout, "write").mockImplementation(capture((s) => (out += s)) as typeof process.stdout.write);
  const e = jest.spyOn(process.stderr, "write").mockImplementation(capture((s) => (err += s)) as typeof process.stderr.write);
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const broken: Row[] = cleanRows().map((r, i) => (i === 0 ? [r[0], r[1], r[2], r[3], r[4], 9, 9, r[7]] : r));
let bad: string;
let good: string;

beforeAll(async () => {
  bad = await writeSnapshots(join(OUT, "cli-bad.xlsx"), [
    layoutA({ rows: broken, total: [100, 99] }),
    sheet("情况表", [["自评价得分 99 分，评价等级为优。"]]),
  ]);
  good = await writeSnapshots(join(OUT, "cli-good.xlsx"), [layoutA({ rows: cleanRows(), total: [100, 100] })]);
});

describe("scorecheck check", () => {
  it("prints a readable Chinese report and exits 1 on errors", async () => {
    const r = await run("check", bad);
    expect(r.code).toBe(1);
    expect(r.out).toContain("weights-sum");
    expect(r.out).toContain("权重合计 99（填报 100）");
    expect(r.out).toMatch(/\d+ 个错误，\d+ 个提醒/);
  });

  it("exits 0 on a consistent workbook", async () => {
    const r = await run("check", good, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toContain("no findings");
  });

  it("--json gives tables and findings in the documented shape", async () => {
    const r = await run("check", bad, good, "--json");
    const j = JSON.parse(r.out);
    expect(j.files).toHaveLength(2);
    const [t] = j.files[0].tables;
    expect(t).toMatchObject({ sheet: "评分表", range: "A2:H11", indicators: 7, weightTotal: "99", scoreTotal: "99", declaredWeightTotal: "100", declaredScoreTotal: "99", grade: "优", declaredGrade: null });
    expect(j.files[0].findings.map((f: { rule: string }) => f.rule)).toEqual(expect.arrayContaining(["weights-sum", "total-mismatch"]));
    expect(Object.keys(j.files[0].findings[0]).sort()).toEqual(["cell", "message", "rule", "severity", "sheet", "table"]);
  });

  it("checks every .xlsx in a folder and sums up", async () => {
    const r = await run("check", OUT);
    expect(r.out).toMatch(/共 \d+ 个文件：\d+ 个有错误，\d+ 个无错误，\d+ 个无法读取/);
    expect(r.out).toContain("cli-good.xlsx");
  });

  it.each([
    ["missing file", () => join(OUT, "nope.xlsx"), /文件不存在/],
    ["CSV renamed .xlsx", () => (writeFileSync(join(OUT, "x.xlsx"), "一级指标,权重\n产出,50\n"), join(OUT, "x.xlsx")), /CSV/],
    ["truncated .xlsx", () => (writeFileSync(join(OUT, "t.xlsx"), readFileSync(good).subarray(0, 200)), join(OUT, "t.xlsx")), /损坏|不完整/],
    ["legacy .xls", () => (writeFileSync(join(OUT, "old.xlsx"), Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(600)])), join(OUT, "old.xlsx")), /\.xls/],
    ["encrypted", () => (writeFileSync(join(OUT, "enc.xlsx"), Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(600)])), join(OUT, "enc.xlsx")), /加密/],
  ])("exits 2 with one clear line for a %s", async (_n, make, pattern) => {
    const r = await run("check", make());
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(pattern);
  });
});

describe("scorecheck fix", () => {
  it("writes a copy whose totals re-check clean, keeping indicator values and the input untouched", async () => {
    const out = join(OUT, "cli-fixed.xlsx");
    rmSync(out, { force: true });
    const before = statSync(bad).mtimeMs;
    const input = readFileSync(bad);
    const r = await run("fix", bad, "-o", out);
    expect(r.code).toBe(0);
    expect(readFileSync(bad).equals(input)).toBe(true);
    expect(statSync(bad).mtimeMs).toBe(before);
    const fixed = analyzeWorkbook(await readXlsxFile(out));
    const orig = analyzeWorkbook(await readXlsxFile(bad));
    expect(fixed.findings.filter((f) => /total|subtotal|formula-range/.test(f.rule))).toEqual([]);
    const vals = (a: typeof fixed) => a.tables[0].indicators.map((i) => [i.name, i.weight?.value?.toFixed(), i.score?.value?.toFixed()]);
    expect(vals(fixed)).toEqual(vals(orig));
    expect(fixed.tables[0].total?.score?.formula).toBe("=SUM(G4:G10)");
    const names = (await readXlsxFile(out)).sheets.map((s) => s.name);
    expect(names).toContain("自评报告");
  });

  it("--rescore replaces scores by the rule's", async () => {
    const rows: Row[] = cleanRows().map((r, i) => (i === 4 ? ["产出指标", "质量指标", "发放准确率", "≥98%", "96%", 20, 20] : r));
    const src = await writeSnapshots(join(OUT, "cli-rescore.xlsx"), [layoutA({ rows, total: [100, 100] })]);
    const out = join(OUT, "cli-rescored.xlsx");
    rmSync(out, { force: true });
    expect((await run("fix", src, "-o", out, "--rescore")).code).toBe(0);
    const a = analyzeWorkbook(await readXlsxFile(out));
    expect(a.tables[0].indicators[4].score?.value?.toFixed()).toBe("19.59");
    expect(a.calcs[0].scoreTotal?.toFixed()).toBe("99.59");
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("refuses to overwrite its input", async () => {
    const r = await run("fix", bad, "-o", bad);
    expect(r.code).toBe(2);
  });
});

describe("scorecheck narrative", () => {
  it("prints the report sections with the table's figures", async () => {
    const r = await run("narrative", bad);
    expect(r.code).toBe(0);
    for (const h of ["评价结论", "扣分情况", "存在问题", "整改措施"]) expect(r.out).toContain(h);
    expect(r.out).toContain("各项得分合计99分");
    expect(r.out).toContain("权重合计99分");
  });
});
