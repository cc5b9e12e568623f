/** Change sets as primitive operations: one mark per cell at its highest severity, notes gathered, lines as cell writes. */
import { InvalidChange, operationsOf, type ChangeSet } from "../../src/engine";

const set = (changes: ChangeSet["changes"]): ChangeSet => ({ title: { zh: "t", en: "t" }, changes });

describe("operationsOf", () => {
  it("normalises marks, notes, writes and the report sheet, and says what each touches", () => {
    const { operations, undo } = operationsOf(
      set([
        { kind: "mark", sheet: "表", cell: "g7", severity: "warning", note: "甲" },
        { kind: "set-formula", sheet: "表", cell: "G11", formula: "=SUM(G4:G10)", value: 99, reason: "r" },
        { kind: "mark", sheet: "表", cell: "G7", severity: "error", note: "乙" },
        { kind: "insert-lines", sheet: "表", cell: "B20", lines: [{ text: "一", style: "title" }, { text: "", style: "body" }, { text: "=1", style: "body" }] },
        { kind: "add-sheet", name: "自评报告", lines: [{ text: "报告", style: "title" }] },
      ]),
    );
    expect(operations).toEqual([
      { op: "write-cell", sheet: "表", cell: "G11", content: { kind: "formula", formula: "=SUM(G4:G10)", value: 99 }, before: undefined },
      { op: "write-cell", sheet: "表", cell: "B20", content: { kind: "text", value: "一" }, line: "title" },
      { op: "write-cell", sheet: "表", cell: "B22", content: { kind: "text", value: "=1" }, line: "body" },
      { op: "mark-cell", sheet: "表", cell: "G7", severity: "error" },
      { op: "note-lines", sheet: "表", cell: "G7", lines: ["甲", "乙"], severities: ["warning", "error"] },
      { op: "report-sheet", name: "自评报告", lines: [{ text: "报告", style: "title" }] },
    ]);
    expect(undo).toEqual([
      { aspect: "content", sheet: "表", cell: "G11" },
      { aspect: "content", sheet: "表", cell: "B20" },
      { aspect: "font", sheet: "表", cell: "B20" },
      { aspect: "content", sheet: "表", cell: "B22" },
      { aspect: "font", sheet: "表", cell: "B22" },
      { aspect: "style", sheet: "表", cell: "G7" },
      { aspect: "note", sheet: "表", cell: "G7" },
      { aspect: "sheet", sheet: "自评报告", cell: null },
    ]);
  });

  it("rejects an invalid address and a second report sheet", () => {
    expect(() => operationsOf(set([{ kind: "set-value", sheet: "表", cell: "7G", value: 1, reason: "r" }]))).toThrow(InvalidChange);
    const sheet = { kind: "add-sheet" as const, name: "自评报告", lines: [] };
    expect(() => operationsOf(set([sheet, sheet]))).toThrow(InvalidChange);
  });
});
