/**
 * The in-memory gateway executes the engine's operations as the other writers do: ScoreCheck's note
 * lines are tagged (noteLine), a reviewer's note keeps its text with ScoreCheck's lines after it, a
 * second marking replaces the first one's lines instead of stacking them, and undo restores exactly.
 */
import { MemoryGateway } from "../../src/addin/memory-gateway";
import { NOTE_TAG, type ChangeSet } from "../../src/engine";
import { cleanRows, layoutA } from "../support/tables";

const snapshot = { source: "t", sheets: [layoutA({ rows: cleanRows(), total: [100, 99] })] };
const marks = (note: string): ChangeSet => ({
  title: { zh: "标记", en: "mark" },
  changes: [
    { kind: "mark", sheet: "评分表", cell: "G11", severity: "warning", note: `${note}甲` },
    { kind: "mark", sheet: "评分表", cell: "g11", severity: "error", note: `${note}乙` },
  ],
});

describe("MemoryGateway notes", () => {
  it("appends tagged lines after a reviewer's note, one fill at the highest severity, and undo restores the note", async () => {
    const reviewer = "扣 1 分：3 人未按时领取，已核实（附件 5）";
    const gw = new MemoryGateway(snapshot, { 评分表: { G11: reviewer } });
    const before = gw.state();
    const journal = await gw.apply(marks("第一次"));
    expect(gw.state()["评分表"].G11).toMatchObject({ fill: "#FFC7CE", note: `${reviewer}\n${NOTE_TAG}第一次甲\n${NOTE_TAG}第一次乙` });
    expect(journal.cells).toEqual([expect.objectContaining({ cell: "G11", note: reviewer, fill: null, formatOnly: true, contentOnly: false })]);
    await gw.undo(journal);
    expect(gw.state()).toEqual(before);
  });

  it("a second marking replaces its own earlier lines and keeps the reviewer's; undoing both restores the original", async () => {
    const reviewer = "已复核";
    const gw = new MemoryGateway(snapshot, { 评分表: { G11: reviewer } });
    const before = gw.state();
    const first = await gw.apply(marks("第一次"));
    const afterFirst = gw.state();
    const second = await gw.apply(marks("第二次"));
    expect(gw.state()["评分表"].G11.note).toBe(`${reviewer}\n${NOTE_TAG}第二次甲\n${NOTE_TAG}第二次乙`);
    await gw.undo(second);
    expect(gw.state()).toEqual(afterFirst);
    await gw.undo(first);
    expect(gw.state()).toEqual(before);
  });

  it("refuses an invalid address before writing anything", async () => {
    const gw = new MemoryGateway(snapshot);
    const before = gw.state();
    const bad: ChangeSet = { title: { zh: "t", en: "t" }, changes: [{ kind: "set-value", sheet: "评分表", cell: "G4", value: 1, reason: "r" }, { kind: "set-value", sheet: "评分表", cell: "4G", value: 1, reason: "r" }] };
    await expect(gw.apply(bad)).rejects.toMatchObject({ code: "api" });
    expect(gw.state()).toEqual(before);
  });
});
