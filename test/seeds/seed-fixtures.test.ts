/**
 * Every scoring table of the seed reports, rebuilt as .xlsx (with the original merges and with merges
 * lost): recognised with the right totals, every real inconsistency found, nothing cried wolf on.
 */
import { join } from "node:path";
import { existsSync } from "node:fs";
import { loadSpecs } from "../../scripts/build-fixtures";
import { pickFields, SPEC_TABLE_FIELDS } from "../../scripts/fixture-spec";
import { readXlsxBytes, readXlsxFile } from "../../src/xlsx/read";
import { analyzeWorkbook, type Analysis } from "../../src/engine/analyze";
import { summarizeTable } from "../../src/engine/report";
import { RULES } from "../../src/engine/rules";
import { planFix } from "../../src/engine/changes/plan";
import { patchWorkbookBytes } from "../../src/xlsx/write";
import { readFileSync } from "node:fs";

const dir = join(__dirname, "../fixtures/xlsx");
const specs = loadSpecs();
const severity = new Map(RULES.map((r) => [r.id, r.severity]));

describe.each(specs.map((s) => [s.id, s] as const))("seed %s", (id, spec) => {
  for (const variant of ["", ".nomerge"]) {
    describe(variant ? "merges lost" : "with merges", () => {
      let a: Analysis;
      beforeAll(async () => {
        const file = join(dir, `${id}${variant}.xlsx`);
        expect(existsSync(file)).toBe(true);
        a = analyzeWorkbook(await readXlsxFile(file));
      });

      it("recognises each table with its totals", () => {
        const got = a.calcs.map((c) => pickFields(summarizeTable(c), SPEC_TABLE_FIELDS));
        expect(got).toEqual(spec.expect.tables);
      });

      it("finds exactly the real errors, and every expected warning", () => {
        const key = (f: { rule: string; sheet: string; cell?: string }) => `${f.rule} ${f.sheet}${f.cell ? "!" + f.cell : ""}`;
        const expected = spec.expect.findings;
        const found = a.findings;
        for (const e of expected) {
          const hit = found.some((f) => f.rule === e.rule && f.sheet === e.sheet && (!e.cell || f.cell === e.cell));
          if (!hit) throw new Error(`missing ${key(e)}\nfound:\n${found.map((f) => key(f) + " " + f.message.zh).join("\n")}`);
        }
        const unexpectedErrors = found.filter(
          (f) => f.severity === "error" && !expected.some((e) => e.rule === f.rule && e.sheet === f.sheet && (!e.cell || e.cell === f.cell)),
        );
        expect(unexpectedErrors.map((f) => `${key(f)} ${f.message.zh}`)).toEqual([]);
        for (const e of expected) expect(severity.has(e.rule)).toBe(true);
      });

      it("fix leaves no total or subtotal finding and keeps indicator values", async () => {
        const file = join(dir, `${id}${variant}.xlsx`);
        const { bytes } = patchWorkbookBytes(new Uint8Array(readFileSync(file)), file, planFix(a, await readXlsxFile(file)));
        const fixed = analyzeWorkbook(await readXlsxBytes(bytes, "fixed.xlsx"));
        expect(fixed.findings.filter((f) => ["total-mismatch", "subtotal-mismatch", "formula-range"].includes(f.rule)).map((f) => f.message.zh)).toEqual([]);
        const values = (x: Analysis) => x.tables.map((t) => t.indicators.map((i) => [i.name, i.weight?.value?.toFixed(), i.score?.value?.toFixed(), i.actual?.raw]));
        expect(values(fixed)).toEqual(values(a));
      });
    });
  }
});

it("has seed specs to test", () => {
  expect(specs.length).toBeGreaterThanOrEqual(15);
});
