/** One numbering (check's 表N is narrative's --table N), the rules list, and the form's unit. */
import { analyzeWorkbook, RULES, type SheetSnapshot } from "../../src/engine";
import { readWorkbookFile } from "../../src/xlsx";
import { findUnit } from "../../src/cli/form-header";
import { join } from "node:path";
import { loadCorpus } from "../../scripts/corpus";
import { specToWorkbook } from "../../scripts/fixture-spec";
import { fixture, runInProcess, tempDir } from "./helpers";

describe("one table numbering", () => {
  // 003-01 holds a target table (表1, no weights or scores) above its scoring table (表2).
  it("check calls the scoring table 表2, and narrative --table 2 narrates that table", async () => {
    const check = await runInProcess("check", fixture("003-01"));
    expect(check.out).toMatch(/表1 {2}自评表!A7:F\d+ .*\n\s+目标表/);
    expect(check.out).toMatch(/表2 {2}自评表!A37:F63/);
    const all = await runInProcess("narrative", fixture("003-01"));
    const second = await runInProcess("narrative", fixture("003-01"), "--table", "2");
    expect(second.code).toBe(0);
    expect(second.out).toBe(all.out);
    expect(second.out).toContain("99.8");
  });

  it("--table 1 names the target table as one with nothing to narrate; --table 3 is out of range", async () => {
    const target = await runInProcess("narrative", fixture("003-01"), "--table", "1");
    expect(target.code).toBe(2);
    expect(target.err).toMatch(/表1 是目标表/);
    const out = await runInProcess("narrative", fixture("003-01"), "--table", "3");
    expect(out.code).toBe(2);
    expect(out.err).toMatch(/--table 3 超出范围（共 2 张表/);
  });

  it("the JSON table index is N - 1 of check's 表N", async () => {
    const j = JSON.parse((await runInProcess("check", fixture("003-01"), "--json")).out);
    expect(j.files[0].tables.map((t: { index: number; kind: string }) => [t.index, t.kind])).toEqual([
      [0, "target"],
      [1, "scoring"],
    ]);
  });
});

describe("scorecheck rules", () => {
  it("lists every rule with its severity and Chinese description", async () => {
    const r = await runInProcess("rules");
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(RULES.length);
    RULES.forEach((rule, i) => expect(lines[i]).toMatch(new RegExp(`^${rule.id} +${{ error: "错误", warning: "提醒", info: "信息" }[rule.severity]} +${rule.description.zh.replace(/[()（）.*+?[\]]/g, ".")}$`)));
  });

  it("in English with --lang en", async () => {
    const r = await runInProcess("rules", "--lang", "en");
    const lines = r.out.trim().split("\n");
    RULES.forEach((rule, i) => {
      expect(lines[i].startsWith(rule.id)).toBe(true);
      expect(lines[i]).toContain(` ${rule.severity} `);
      expect(lines[i].endsWith(rule.description.en)).toBe(true);
    });
  });
});

describe("the unit (单位/部门) read from the form", () => {
  it.each([
    ["000-07", ["如皋市被征地农民基本生活保障资金管理中心"]], // "填报单位：X 项目名称：Y" in one cell
    ["001-01", ["如皋市社会保险基金管理中心"]],
    ["003-01", ["晋中市养老保险中心", "晋中市养老保险中心"]], // 填报单位（公章）： is blank; 实施单位 | X
    ["004-01", ["渠县城乡居民社会养老保险管理局"]], // 部门名称 | X
    ["004-02", ["渠县城乡居民社会养老保险管理局"]], // 预算单位 | X
    ["002-01", [null]], // a third-party report's table names no unit
  ])("%s", async (id, units) => {
    const wb = await readWorkbookFile(fixture(id));
    expect(analyzeWorkbook(wb).tables.map((t) => findUnit(wb, t))).toEqual(units);
  });

  const sheet = (rows: (string | null)[][]): SheetSnapshot => ({ name: "表", top: 0, left: 0, values: rows });
  const table = { sheet: "表", range: { top: 5, left: 0, bottom: 9, right: 4 } };

  it("skips codes and empty labels, and prefers 填报单位 to 主管部门", () => {
    const wb = { source: "x", sheets: [sheet([["项目支出绩效自评表"], ["主管部门及代码", "077", "实施单位", null, "某某中心"], ["填报单位（公章）：某某局"], [], []])] };
    expect(findUnit(wb, table)).toBe("某某局");
    const noFiller = { source: "x", sheets: [sheet([["主管部门及代码", "077 某某局", null], ["主管部门意见", "同意"], [], [], []])] };
    expect(findUnit(noFiller, table)).toBe("某某局");
  });
});

describe("the report's own words follow its language", () => {
  it("English: Table N, ASCII brackets and colons around the figures; Chinese: 表N, full-width", async () => {
    const en = await runInProcess("check", fixture("000-07"), "--lang", "en");
    expect(en.out).toMatch(/Table 1 {2}评分表!A3:H23/);
    expect(en.out).toContain("weights 99 (stated 100)  scores 98 (stated 99)");
    expect(en.out).not.toMatch(/（stated|unit：/);
    const zh = await runInProcess("check", fixture("000-07"));
    expect(zh.out).toContain("权重合计 99（填报 100）  得分合计 98（填报 99）");
  });
});

describe("the weight scale read is said", () => {
  it("a 指标体系 whose 二级/三级 weights are shares of their 一级: the report says so, --json names the scale", async () => {
    const spec = loadCorpus().find((s) => s.id === "jl-keji-nd-1")!;
    const file = join(tempDir("scale"), "指标体系.xlsx");
    await specToWorkbook(spec as never, true).xlsx.writeFile(file);
    const text = await runInProcess("check", file);
    expect(text.out).toContain("二级/三级权重按占一级的比例读取，已换算为分");
    const json = JSON.parse((await runInProcess("check", file, "--json")).out);
    expect(json.files[0].tables[0].weightScale).toBe("relative");
    const plain = JSON.parse((await runInProcess("check", fixture("000-07"), "--json")).out);
    expect(plain.files[0].tables[0].weightScale).toBe("points");
  });
});
