/**
 * The .xlsx writer and the in-memory gateway apply the same change set alike: on every seed, every
 * cell's value and formula, the fill of every cell (by severity), the report sheet's lines, and the
 * notes' ScoreCheck lines agree. (Notes differ only in form: the writer tags its lines so that a later
 * run can replace them.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpecs } from "../../scripts/build-fixtures";
import { analyzeWorkbook, NOTE_TAG, planFix, toA1, type SheetSnapshot } from "../../src/engine";
import { MemoryGateway } from "../../src/addin/memory-gateway";
import { readXlsxBytes } from "../../src/xlsx/read";
import { patchWorkbookBytes } from "../../src/xlsx/write";
import { XlsxPackage } from "../../src/xlsx/write/package";
import { WorkbookPart } from "../../src/xlsx/write/workbook";
import { cellStyles, cellXfs, fills, notes, partText } from "../support/ooxml-inspect";

const dir = join(__dirname, "../fixtures/xlsx");

function cells(s: SheetSnapshot): Record<string, { value: unknown; formula: string | null }> {
  const out: Record<string, { value: unknown; formula: string | null }> = {};
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = s.formulas?.[r]?.[c] ?? null;
      if (v !== null || f) out[toA1(s.top + r, s.left + c)] = { value: v, formula: f };
    }),
  );
  return out;
}

/** cell → fill colour ("#FFC7CE") of the cells whose style has a solid fill. */
function fillsOf(bytes: Uint8Array, sheetPart: string): Record<string, string> {
  const styles = partText(bytes, "xl/styles.xml");
  const xfs = cellXfs(styles);
  const fillList = fills(styles);
  const out: Record<string, string> = {};
  for (const [a1, s] of cellStyles(partText(bytes, sheetPart))) {
    const fill = fillList[Number(/fillId="(\d+)"/.exec(xfs[s] ?? "")?.[1] ?? 0)] ?? "";
    const rgb = /patternType="solid"[\s\S]*?fgColor rgb="FF([0-9A-F]{6})"/.exec(fill)?.[1];
    if (rgb) out[a1] = `#${rgb}`;
  }
  return out;
}

describe.each(loadSpecs().map((s) => [s.id]))("seed %s", (id) => {
  it("writer and memory gateway agree cell by cell", async () => {
    const bytes = new Uint8Array(readFileSync(join(dir, `${id}.xlsx`)));
    const snapshot = readXlsxBytes(bytes, `${id}.xlsx`);
    const set = planFix(analyzeWorkbook(snapshot), snapshot, { rescore: true });
    const gw = new MemoryGateway(snapshot);
    await gw.apply(set);
    const memory = gw.state();
    const written = patchWorkbookBytes(bytes, `${id}.xlsx`, set).bytes;
    const read = readXlsxBytes(written, "fixed.xlsx");
    expect(read.sheets.map((s) => s.name)).toEqual(Object.keys(memory));
    const inputFills = new WorkbookPart(new XlsxPackage(bytes, "in")).sheets().map((e) => fillsOf(bytes, e.part));
    const pkg = new XlsxPackage(written, "out");
    const entries = new WorkbookPart(pkg).sheets();
    for (const [i, s] of read.sheets.entries()) {
      const mem = memory[s.name];
      const contents = Object.fromEntries(Object.entries(mem).filter(([, c]) => c.value !== null || c.formula).map(([a1, c]) => [a1, { value: c.value, formula: c.formula }]));
      expect({ sheet: s.name, cells: cells(s) }).toEqual({ sheet: s.name, cells: contents });
      if (s.generated) continue;
      // Fills the fix added: the writer's new fills are the gateway's mark fills.
      const before = inputFills[i] ?? {};
      const added = Object.fromEntries(Object.entries(fillsOf(written, entries[i].part)).filter(([a1, f]) => before[a1] !== f));
      const memFills = Object.fromEntries(Object.entries(mem).filter(([, c]) => c.fill).map(([a1, c]) => [a1, c.fill]));
      expect({ sheet: s.name, fills: added }).toEqual({ sheet: s.name, fills: memFills });
      // Every note line the gateway wrote is in the writer's note on that cell, tagged.
      const comments = pkg.related(entries[i].part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments")[0];
      const writerNotes = comments ? notes(partText(written, comments)) : [];
      for (const [a1, c] of Object.entries(mem)) {
        if (!c.note) continue;
        const mine = writerNotes.find((n) => n.ref === a1)?.text ?? "";
        for (const line of c.note.split("\n")) expect(mine).toContain(`${NOTE_TAG}${line}`);
      }
    }
  });
});
