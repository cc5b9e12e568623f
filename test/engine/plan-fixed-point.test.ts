/**
 * The planner applies the rules' fixes as ESLint's fixer does: in rule order, a fix touching a cell
 * an earlier fix of the pass claims is deferred; the workbook is analysed again with the changes made
 * until no new fix appears, at most MAX_FIX_PASSES times. So one `fix` reaches the fixed point: on
 * every seed, running it again on its own output (written and read back) writes no figure.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpecs } from "../../scripts/build-fixtures";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { DEFAULT_FIX, FIX_OPTION, fixToFixedPoint, MAX_FIX_PASSES, passFixes, planFix, type FixOptions } from "../../src/engine/changes/plan";
import type { Change, ChangeSet } from "../../src/engine/changes/types";
import type { WorkbookSnapshot } from "../../src/engine/grid/types";
import { readXlsxBytes } from "../../src/xlsx/read";
import { patchWorkbookBytes } from "../../src/xlsx/write";
import { cleanRows, layoutA, type Row } from "../support/tables";

const writes = (set: ChangeSet) => set.changes.filter((c): c is Extract<Change, { kind: "set-value" | "set-formula" }> => c.kind === "set-value" || c.kind === "set-formula");
const brief = (set: ChangeSet) => Object.fromEntries(writes(set).map((c) => [c.cell, c.kind === "set-formula" ? `${c.formula} → ${c.value}` : c.value]));
const withRow = (i: number, row: Row): Row[] => cleanRows().map((r, k) => (k === i ? row : r));
const book = (rows: Row[], total: [unknown, unknown]): WorkbookSnapshot => ({ source: "t", sheets: [layoutA({ rows, total })] });

describe("one pass", () => {
  // 百姓满意度: 96% against 98%, weight 10, declared 11. score-exceeds-weight (earlier in rule order)
  // caps it at 10; score-off-rule's 9.8 touches the same cell and waits for the next pass.
  const wb = book(withRow(6, ["满意度指标", "满意度指标", "百姓满意度", "98%", "96%", 10, 11]), [100, 101]);
  const rescore: FixOptions = { ...DEFAULT_FIX, rescore: true };

  it("applies the first fix by rule order on a cell and defers the other", () => {
    const a = analyzeWorkbook(wb);
    expect(a.findings.filter((f) => f.cell === "G10" && f.fix).map((f) => f.rule).sort()).toEqual(["score-exceeds-weight", "score-off-rule"]);
    expect(passFixes(a, wb, rescore).map((c) => `${c.cell}=${c.kind === "set-value" ? c.value : c.formula}`)).toEqual(["G10=10"]);
  });

  it("the deferred fix and the totals it changes follow in later passes of the same plan", () => {
    const set = planFix(analyzeWorkbook(wb), wb, { rescore: true, marks: false, narrative: false });
    expect(brief(set)).toEqual({ G10: 9.8, F11: "=SUM(F4:F10) → 100", G11: "=SUM(G4:G10) → 99.8" });
    // One write per cell, with what the cell held before any pass.
    expect(writes(set).find((c) => c.cell === "G10")?.before).toEqual({ value: 11, formula: null });
  });

  it("stops at the pass cap, saying it did not settle", () => {
    const a = analyzeWorkbook(wb);
    const capped = fixToFixedPoint(a, wb, rescore, 1);
    expect({ passes: capped.passes, settled: capped.settled }).toEqual({ passes: 1, settled: false });
    const full = fixToFixedPoint(a, wb, rescore);
    expect(full.settled).toBe(true);
    expect(full.passes).toBeGreaterThan(1);
    expect(full.passes).toBeLessThanOrEqual(MAX_FIX_PASSES);
  });

  it("applies only the fixes its options allow", () => {
    const a = analyzeWorkbook(wb);
    expect(passFixes(a, wb, { ...DEFAULT_FIX, totals: false })).toEqual([]);
    expect(brief(planFix(a, wb, { marks: false, narrative: false }))).toEqual({ F11: "=SUM(F4:F10) → 100", G11: "=SUM(G4:G10) → 101" });
  });
});

describe("rescaled weights and rescored scores in one run", () => {
  it("a weight raised by the rescaling takes its met indicator's score with it, and the totals follow", () => {
    // 9 + 10 + 10 + 20 + 20 + 20 + 10 = 99: 参保人数 (met) gets the missing point; its 20 of 21 is then a
    // deduction with no reason, which the rescore gives back, and the totals add up to 100.
    const wb = book(withRow(0, ["决策指标", "项目立项", "立项依据充分性", "充分", "充分", 9, 9]), [100, 99]);
    const set = planFix(analyzeWorkbook(wb), wb, { rescore: true, rescaleWeights: true, marks: false, narrative: false });
    expect(brief(set)).toEqual({ F7: 21, F11: "=SUM(F4:F10) → 100", G7: 21, G11: "=SUM(G4:G10) → 100" });
    const fixed = fixToFixedPoint(analyzeWorkbook(wb), wb, { rescore: true, rescaleWeights: true });
    expect(fixed.analysis.findings.map((f) => f.rule)).toEqual([]);
  });
});

const dir = join(__dirname, "../fixtures/xlsx");
const OPTIONS: [string, Partial<FixOptions>][] = [
  ["default", {}],
  ["--rescore", { rescore: true }],
  ["--rescale-weights", { rescaleWeights: true }],
  ["--rescore --rescale-weights", { rescore: true, rescaleWeights: true }],
];

describe.each(loadSpecs().flatMap((s) => [s.id, `${s.id}.nomerge`]).map((id) => [id]))("seed %s", (id) => {
  const bytes = new Uint8Array(readFileSync(join(dir, `${id}.xlsx`)));
  const snapshot = readXlsxBytes(bytes, `${id}.xlsx`);

  it.each(OPTIONS)("fix %s reaches its fixed point in one run: fixing its output writes no figure", (_name, opts) => {
    const analysis = analyzeWorkbook(snapshot);
    expect(fixToFixedPoint(analysis, snapshot, opts).settled).toBe(true);
    const out = patchWorkbookBytes(bytes, `${id}.xlsx`, planFix(analysis, snapshot, opts)).bytes;
    const again = readXlsxBytes(out, "fixed.xlsx");
    const second = planFix(analyzeWorkbook(again), again, opts);
    expect(brief(second)).toEqual({});
  });

  it("every fix the rules offer here is one the planner applies under some option", () => {
    const offered = analyzeWorkbook(snapshot).findings.filter((f) => f.fix?.length).map((f) => f.rule);
    for (const rule of offered) expect({ rule, option: FIX_OPTION[rule] ?? null }).toEqual({ rule, option: expect.any(String) });
  });
});
