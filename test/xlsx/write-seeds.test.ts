/**
 * Every seed workbook through the package-patching writer: only the parts the fix had to touch
 * change, only flagged cells change style, the fixed copy re-checks without total or report-sheet
 * findings, and fixing the fixed copy adds nothing (a further run changes no byte).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpecs } from "../../scripts/build-fixtures";
import { analyzeWorkbook, type Analysis } from "../../src/engine/analyze";
import { planFix, type FixOptions } from "../../src/engine/changes/plan";
import { readXlsxBytes } from "../../src/xlsx/read";
import { patchWorkbookBytes } from "../../src/xlsx/write";
import { XlsxPackage, REL } from "../../src/xlsx/write/package";
import { WorkbookPart } from "../../src/xlsx/write/workbook";
import { cellStyles, partText, storedParts } from "../support/ooxml-inspect";

const dir = join(__dirname, "../fixtures/xlsx");
const TOTAL_RULES = ["total-mismatch", "subtotal-mismatch", "formula-range"];

function fix(bytes: Uint8Array, name: string, opts: Partial<FixOptions> = {}) {
  const snap = readXlsxBytes(bytes, name);
  const analysis = analyzeWorkbook(snap);
  const set = planFix(analysis, snap, opts);
  return { analysis, set, ...patchWorkbookBytes(bytes, name, set) };
}

/** The parts a fix may touch: workbook-level bookkeeping and the parts of the sheets it changes. */
function allowedParts(bytes: Uint8Array, sheets: Set<string>): Set<string> {
  const pkg = new XlsxPackage(bytes, "t.xlsx");
  const wb = new WorkbookPart(pkg);
  const out = new Set(["[Content_Types].xml", "docProps/app.xml", wb.path, XlsxPackage.relsPath(wb.path), ...pkg.related(wb.path, REL.styles), ...pkg.related(wb.path, REL.calcChain)]);
  for (const s of wb.sheets()) {
    if (!sheets.has(s.name)) continue;
    out.add(s.part).add(XlsxPackage.relsPath(s.part));
    for (const p of [...pkg.related(s.part, REL.comments), ...pkg.related(s.part, REL.vmlDrawing)]) out.add(p);
  }
  return out;
}

describe.each(loadSpecs().map((s) => [s.id]))("seed %s", (id) => {
  const name = `${id}.xlsx`;
  const input = new Uint8Array(readFileSync(join(dir, name)));
  const first = fix(input, name);

  it("touches only the parts of the sheets it changes, copying the rest as stored", () => {
    const changedSheets = new Set(first.set.changes.flatMap((c) => ("sheet" in c ? [c.sheet] : [])));
    const touched = [...first.summary.changedParts, ...first.summary.removedParts];
    const allowed = allowedParts(first.bytes, changedSheets);
    for (const p of touched) expect({ p, allowed: allowed.has(p) }).toEqual({ p, allowed: true });
    const before = storedParts(input);
    const after = storedParts(first.bytes);
    for (const [part, stored] of before) if (!touched.includes(part)) expect({ part, same: after.get(part)?.raw.equals(stored.raw) }).toEqual({ part, same: true });
  });

  it("changes the style of flagged cells only", () => {
    const pkg = new XlsxPackage(input, name);
    for (const s of new WorkbookPart(pkg).sheets()) {
      const flagged = new Set(first.set.changes.filter((c) => c.kind === "mark" && c.sheet === s.name).map((c) => ("cell" in c ? c.cell : "")));
      const before = cellStyles(partText(input, s.part));
      const after = cellStyles(partText(first.bytes, s.part));
      const changed = [...after].filter(([a1, st]) => (before.get(a1) ?? 0) !== st).map(([a1]) => a1);
      expect({ sheet: s.name, changed: changed.sort() }).toEqual({ sheet: s.name, changed: [...flagged].filter((a1) => changed.includes(a1)).sort() });
      for (const a1 of flagged) expect(after.get(a1)).not.toBe(before.get(a1) ?? 0);
    }
  });

  it("re-checks without total or report-sheet findings and keeps indicator values", () => {
    const again = analyzeWorkbook(readXlsxBytes(first.bytes, "fixed.xlsx"));
    expect(again.findings.filter((f) => TOTAL_RULES.includes(f.rule)).map((f) => f.message.zh)).toEqual([]);
    expect(again.findings.filter((f) => f.sheet.startsWith("自评报告"))).toEqual([]);
    const weights = (x: Analysis) => x.tables.map((t) => t.indicators.map((i) => [i.name, i.weight?.value?.toFixed(), i.actual?.raw]));
    expect(weights(again)).toEqual(weights(first.analysis));
  });

  it("fix of the fixed copy adds nothing, and a further run changes no byte", () => {
    const second = fix(first.bytes, "fixed.xlsx");
    expect(second.summary.addedParts).toEqual([]);
    expect(partText(second.bytes, "xl/workbook.xml").match(/<sheet /g)?.length).toBe(partText(first.bytes, "xl/workbook.xml").match(/<sheet /g)?.length);
    const third = fix(second.bytes, "fixed2.xlsx");
    expect(third.summary.changedParts).toEqual([]);
    expect(Buffer.from(third.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  });

  // Rescoring and rescaling can raise new findings the next run acts on (the planner does not yet
  // iterate to a fixed point); the writer still settles: within four runs one changes no byte.
  it("rescored: each run keeps one report sheet, and runs settle", () => {
    let bytes: Uint8Array = input;
    let settled = false;
    for (let run = 0; run < 4 && !settled; run++) {
      const next = fix(bytes, `run${run}.xlsx`, { rescore: true, rescaleWeights: true });
      expect(partText(next.bytes, "xl/workbook.xml").match(/_ScoreCheckReport/g)?.length ?? 0).toBeLessThanOrEqual(1);
      if (run > 0) expect(next.summary.addedParts.filter((p) => p.startsWith("xl/worksheets/sheet"))).toEqual([]);
      settled = Buffer.from(next.bytes).equals(Buffer.from(bytes));
      bytes = next.bytes;
    }
    expect(settled).toBe(true);
  });
});
