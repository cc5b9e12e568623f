import type { SheetSnapshot } from "../../src/engine/grid/types";
import type { Rule } from "../../src/engine/rules/types";
import type { EngineOptions } from "../../src/engine/options";
import { RULES } from "../../src/engine/rules";
import { analyzeWorkbook } from "../../src/engine/analyze";

interface Case {
  name: string;
  sheets: SheetSnapshot[];
  options?: Partial<EngineOptions>;
}

interface InvalidCase extends Case {
  /** Exactly the cells (Sheet!A1 or A1 on the first sheet) the rule must report, in any order. */
  errors: { cell: string; includes?: string }[];
}

/** ESLint-RuleTester-style tests: the rule alone reports nothing on valid, exactly `errors` on invalid. */
export function testRule(rule: Rule, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  const others = RULES.filter((r) => r.id !== rule.id).map((r) => r.id);
  const run = (c: Case) =>
    analyzeWorkbook({ source: c.name, sheets: c.sheets }, { ...c.options, disabledRules: others }).findings.filter((f) => f.rule === rule.id);
  describe(rule.id, () => {
    it("is registered with an id, severity and description", () => {
      expect(RULES).toContain(rule);
      expect(rule.description.zh.length).toBeGreaterThan(4);
      expect(rule.description.en.length).toBeGreaterThan(4);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(run(c).map((f) => `${f.cell} ${f.message.zh}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = run(c);
        const first = c.sheets[0].name;
        const cells = found.map((f) => (f.sheet === first ? f.cell : `${f.sheet}!${f.cell}`)).sort();
        expect(cells).toEqual(c.errors.map((e) => e.cell).sort());
        for (const e of c.errors) {
          if (!e.includes) continue;
          const f = found.find((x) => (x.sheet === first ? x.cell : `${x.sheet}!${x.cell}`) === e.cell)!;
          expect(f.message.zh + " | " + f.message.en).toContain(e.includes);
        }
        for (const f of found) {
          expect(f.severity).toBe(rule.severity);
          expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/);
          expect(f.message.en).toMatch(/[a-z]/);
        }
      });
    }
  });
}
