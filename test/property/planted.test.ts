/**
 * Property-based tests: random consistent tables stay clean under reordering and merge loss;
 * planted errors are always found; random grids never throw and findings point inside their table.
 */
import fc from "fast-check";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { parseA1, rangeContains } from "../../src/engine/grid/address";
import { layoutA, type Row } from "../support/tables";
import { sheet, workbook } from "../support/grid";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

/** Random positive integer weights adding up to exactly 100. */
const weightsArb = fc.integer({ min: 3, max: 12 }).chain((n) =>
  fc.array(fc.integer({ min: 1, max: 30 }), { minLength: n, maxLength: n }).map((raw) => {
    const total = raw.reduce((a, b) => a + b, 0);
    const w = raw.map((x) => Math.max(1, Math.floor((x * 100) / total)));
    w[0] += 100 - w.reduce((a, b) => a + b, 0);
    return w[0] > 0 ? w : null;
  }),
).filter((w): w is number[] => w !== null);

const GROUPS = ["决策指标", "过程指标", "产出指标", "效益指标", "满意度指标"];

/** A consistent table: every target met, full scores, correct total. */
function consistentRows(weights: number[]): Row[] {
  return weights.map((w, i) => {
    const kind = i % 3;
    const target = kind === 0 ? "≥95%" : kind === 1 ? "是" : `≥${100 + i}人`;
    const actual = kind === 0 ? "98%" : kind === 1 ? "是" : `${120 + i}人`;
    return [i % 2 === 0 ? GROUPS[(i / 2) % GROUPS.length] : null, `二级${i}`, `指标${String.fromCharCode(0x4e00 + i * 7)}率`, target, actual, w, w, ""];
  });
}

const tableArb = weightsArb.map(consistentRows);
const total = (rows: Row[]): [number, number] => [rows.reduce((s, r) => s + Number(r[5]), 0), rows.reduce((s, r) => s + Number(r[6]), 0)];

function errorsOf(rows: Row[], merges = true, t?: [unknown, unknown]) {
  const a = analyzeWorkbook(workbook(layoutA({ rows, total: t ?? total(rows), merges })));
  return { a, errors: a.findings.filter((f) => f.severity === "error").map((f) => f.rule) };
}

describe("consistent tables stay clean", () => {
  it("under row reordering and merge removal", () => {
    fc.assert(
      fc.property(tableArb, fc.boolean(), fc.func(fc.integer()), (rows, merges, order) => {
        const shuffled = [...rows].sort((x, y) => order(x[2]) - order(y[2]));
        // Reordering moves rows between groups: re-label the first row so it opens a group.
        shuffled[0] = ["产出指标", "二级", ...shuffled[0].slice(2)] as Row;
        const { a, errors } = errorsOf(shuffled, merges);
        expect(errors).toEqual([]);
        expect(a.calcs[0].scoreTotal?.toFixed()).toBe("100");
      }),
      { numRuns: RUNS },
    );
  });
});

describe("planted errors are always found", () => {
  const pick = (rows: Row[]) => fc.integer({ min: 0, max: rows.length - 1 });

  it("a changed weight → weights-sum", () => {
    fc.assert(
      fc.property(tableArb.chain((rows) => fc.tuple(fc.constant(rows), pick(rows), fc.integer({ min: 1, max: 5 }))), ([rows, i, d]) => {
        const r = rows.map((x) => [...x] as Row);
        r[i][5] = Number(r[i][5]) + d;
        r[i][6] = Number(r[i][5]);
        expect(errorsOf(r, true, [100, total(r)[1]]).errors).toContain("weights-sum");
      }),
      { numRuns: RUNS },
    );
  });

  it("a score above its weight → score-exceeds-weight", () => {
    fc.assert(
      fc.property(tableArb.chain((rows) => fc.tuple(fc.constant(rows), pick(rows))), ([rows, i]) => {
        const r = rows.map((x) => [...x] as Row);
        r[i][6] = Number(r[i][5]) + 0.5;
        expect(errorsOf(r).errors).toContain("score-exceeds-weight");
      }),
      { numRuns: RUNS },
    );
  });

  it("a total off by 0.5 → total-mismatch", () => {
    fc.assert(
      fc.property(tableArb, fc.boolean(), (rows, up) => {
        const [w, s] = total(rows);
        expect(errorsOf(rows, true, [w, s + (up ? 0.5 : -0.5)]).errors).toContain("total-mismatch");
      }),
      { numRuns: RUNS },
    );
  });

  it("a full score on a missed target → full-score-below-target", () => {
    fc.assert(
      fc.property(tableArb.chain((rows) => fc.tuple(fc.constant(rows), pick(rows))), ([rows, i]) => {
        const r = rows.map((x) => [...x] as Row);
        r[i][3] = "≥98%";
        r[i][4] = "90%";
        expect(errorsOf(r).errors).toContain("full-score-below-target");
      }),
      { numRuns: RUNS },
    );
  });

  it("a total formula missing a row → formula-range", () => {
    fc.assert(
      fc.property(tableArb, (rows) => {
        const first = 4;
        const last = first + rows.length - 1;
        const [w, s] = total(rows);
        const skipLast = { f: `SUM(G${first}:G${last - 1})`, v: s - Number(rows[rows.length - 1][6]) };
        const { errors } = errorsOf(rows, true, [{ f: `SUM(F${first}:F${last})`, v: w }, skipLast]);
        expect(errors).toContain("formula-range");
      }),
      { numRuns: RUNS },
    );
  });
});

const WORDS = ["一级指标", "二级指标", "三级指标", "权重", "得分", "分值", "年度指标值", "实际完成值", "总计", "合计", "小计", "投入:", "指标2:", "其中：", "……", "/", "优", "评价等级", "是", "否", "≥95%", "98%", "＞", "十", "10分", "９．５", "项目资金（万元）", "全年预算数", "全年执行数", "执行率"];
const cellArb = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...WORDS),
  fc.integer({ min: -5, max: 120 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom({ error: "#REF!" }, { error: "#DIV/0!" }, { error: "#N/A" }),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
);

describe("random grids", () => {
  it("never throw, finish quickly, and findings point inside their table", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 9 }), { maxLength: 40 }), (rows) => {
        const wb = workbook(sheet("随机", rows as never));
        const t0 = Date.now();
        const a = analyzeWorkbook(wb);
        expect(Date.now() - t0).toBeLessThan(2000);
        for (const f of a.findings) {
          if (f.rule === "narrative-mismatch") continue;
          const t = a.tables[f.tableIndex];
          const p = parseA1(f.cell)!;
          expect(rangeContains(t.range, p.row, p.col)).toBe(true);
        }
      }),
      { numRuns: RUNS * 4 },
    );
  });
});
