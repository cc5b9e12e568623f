/**
 * The corpus of real published tables (test/corpus/tables): every table read with the right
 * totals, every expected inconsistency found, and no false error — with the original merges and
 * with merges lost. `npm run corpus` prints the same figures for people.
 */
import { failed, loadCorpus, runCorpusSpec, type CorpusResult } from "../../scripts/corpus";

const specs = loadCorpus();

it("holds real tables from many provinces and policy areas", () => {
  expect(specs.length).toBeGreaterThanOrEqual(25);
  expect(new Set(specs.map((s) => s.province)).size).toBeGreaterThanOrEqual(8);
  expect(new Set(specs.map((s) => s.area)).size).toBeGreaterThanOrEqual(8);
  for (const s of specs) expect(s.source).toMatch(/^(https?:\/\/|github:|.+发布)/);
});

describe.each(specs.map((s) => [s.id, s] as const))("corpus %s", (_id, spec) => {
  let results: CorpusResult[];
  beforeAll(async () => {
    results = await runCorpusSpec(spec);
  });

  it("reads every table right, finds every expected finding, raises no false error", () => {
    const problems = results.filter(failed).map((r) => ({
      variant: r.variant,
      tables: r.tableProblems,
      missed: r.missed,
      falseErrors: r.falseErrors,
    }));
    expect(problems).toEqual([]);
  });
});
