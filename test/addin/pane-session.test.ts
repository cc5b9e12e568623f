import { join } from "node:path";
import { readXlsxFile } from "../../src/xlsx/read";
import { MemoryGateway } from "../../src/addin/memory-gateway";
import { PaneSession, DEFAULT_RECALC } from "../../src/addin/pane/session";
import { compareRows } from "../../src/addin/pane/recalc-view";
import { draftLines, draftsOf, draftText } from "../../src/addin/pane/narrative-draft";
import { DEFAULT_SETTINGS, loadSettings, saveSettings, sanitize, engineOptions } from "../../src/addin/pane/settings";
import { langFromOffice, strings } from "../../src/addin/pane/strings";
import type { WorkbookSnapshot } from "../../src/engine/grid/types";
import { cleanRows, layoutA } from "../support/tables";

const fixture = (id: string) => readXlsxFile(join(__dirname, "../fixtures/xlsx", `${id}.xlsx`));

async function open(id: string): Promise<{ gw: MemoryGateway; session: PaneSession; snapshot: WorkbookSnapshot }> {
  const snapshot = await fixture(id);
  const gw = new MemoryGateway(snapshot);
  return { gw, session: new PaneSession(gw), snapshot };
}

describe("PaneSession", () => {
  it("checks through the gateway and proposes the recalculation with the cells' current contents", async () => {
    const { session } = await open("000-07");
    const result = await session.check({});
    expect(result.analysis.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.cell}`)).toEqual(["weights-sum F23", "total-mismatch F23", "total-mismatch G23", "narrative-mismatch A14"]);
    const items = session.changeItems(result, DEFAULT_RECALC);
    expect(items.map((i) => i.change.cell)).toEqual(["F23", "G23"]);
    expect(items[1].change).toMatchObject({ kind: "set-formula", formula: "=SUM(G5:G22)", value: 98, before: { value: 99, formula: null } });
    expect(items.every((i) => !i.replacesFormula)).toBe(true);
  });

  it("flags a change that would replace a user formula, so the pane leaves it unticked", async () => {
    const { session, gw } = await open("000-07");
    await gw.apply({ title: { zh: "", en: "" }, changes: [{ kind: "set-formula", sheet: "评分表", cell: "G23", formula: "=SUM(G5:G21)", value: 97, reason: "" }] });
    const items = session.changeItems(await session.check({}), DEFAULT_RECALC);
    expect(items.find((i) => i.change.cell === "G23")).toMatchObject({ replacesFormula: true, change: { formula: "=SUM(G5:G22)" } });
  });

  it("rescoring proposes the rule's scores where a missed target scored full", async () => {
    const { session } = await open("003-01");
    const items = session.changeItems(await session.check({}), { ...DEFAULT_RECALC, rescore: true });
    expect(items.find((i) => i.change.cell === "F53")?.change).toMatchObject({ kind: "set-value", value: 7.45, before: { value: 8 } });
  });

  it("the declared grade follows the recalculated total, keeping the rest of its cell's text", async () => {
    const snapshot = { source: "t", sheets: [layoutA({ rows: cleanRows(), total: [100, 100], below: [["评价结果等次:", "良"], ["自评等级：良（待复核）"]] })] };
    const session = new PaneSession(new MemoryGateway(snapshot));
    const result = await session.check({});
    const grade = session.changeItems(result, DEFAULT_RECALC).find((i) => i.change.reason.includes("等级"));
    expect(grade?.change).toMatchObject({ kind: "set-value", value: "优", before: { value: "良" } });
    expect(session.changeItems(result, { ...DEFAULT_RECALC, totals: false })).toEqual([]);
  });

  it("clearing marks restores fills and notes but keeps a recalculation applied after marking", async () => {
    const { session, gw } = await open("000-07");
    const original = gw.state();
    let result = await session.check({});
    expect(await session.markFindings(result)).toBeGreaterThan(0);
    expect(gw.state()["评分表"].G23.fill).toBeTruthy();
    await session.apply({ title: { zh: "重新计算", en: "Recalculation" }, changes: session.changeItems(result, DEFAULT_RECALC).map((i) => i.change) });
    const recalculated = gw.state()["评分表"].G23;
    expect(recalculated.formula).toBe("=SUM(G5:G22)");
    await session.clearMarks();
    expect(session.hasMarks()).toBe(false);
    expect(gw.state()["评分表"].G23).toEqual({ ...recalculated, fill: null, note: null });
    await session.undoLast();
    expect(gw.state()).toEqual(original);
    expect(session.canUndo()).toBe(false);
    result = await session.check({});
    expect(result.analysis.findings.some((f) => f.rule === "total-mismatch")).toBe(true);
  });

  it("inserts the report at an empty selection after reading the area, and undoes it exactly", async () => {
    const { session, gw } = await open("004-01");
    const original = gw.state();
    const result = await session.check({});
    const [draft] = draftsOf(result.analysis);
    await gw.select(result.analysis.tables[0].sheet, "M2");
    const plan = await session.planInsert(draftLines(draft), "selection", result.snapshot);
    expect(plan).toMatchObject({ kind: "area", range: `M2:M${1 + draftLines(draft).length}`, occupied: [] });
    await session.insert(plan, "confirm");
    const sheet = gw.state()[result.analysis.tables[0].sheet];
    expect(sheet.M2.value).toBe(draft.title);
    expect(sheet.M3.value).toBe("一、评价结论");
    expect(session.lastJournal()).toMatchObject({ cells: draftLines(draft).length, addedSheets: [] });
    await session.undoLast();
    expect(gw.state()).toEqual(original);
  });

  it("never writes over a table: a selection inside it lists what is there and offers the empty area below", async () => {
    const { session, gw } = await open("000-07");
    const result = await session.check({});
    const [draft] = draftsOf(result.analysis);
    const before = gw.state();
    await gw.select("评分表", "F20");
    const plan = await session.planInsert(draftLines(draft), "selection", result.snapshot);
    if (plan.kind !== "area") throw new Error(plan.kind);
    expect(plan.occupied.length).toBeGreaterThan(0);
    expect(plan.occupied[0]).toMatchObject({ cell: "F20" });
    expect(gw.state()).toEqual(before);
    // The offered area lies below everything on the sheet, and really is empty.
    const sheet = result.snapshot.sheets.find((s) => s.name === "评分表")!;
    const below = Number(/\d+/.exec(plan.below!.cell)![0]);
    expect(below).toBeGreaterThan(sheet.top + sheet.values.length);
    await session.insert(plan, "below");
    const after = gw.state()["评分表"];
    for (const [a1, c] of Object.entries(before["评分表"])) expect([a1, after[a1]]).toEqual([a1, c]);
    expect(after[plan.below!.cell].value).toBe(draft.title);
  });

  it("a second report sheet: replace the first (clearing its old lines) or add another, as the user chooses", async () => {
    const { session, gw } = await open("000-07");
    let result = await session.check({});
    const [draft] = draftsOf(result.analysis);
    const lines = draftLines(draft);
    await session.insert(await session.planInsert(lines, "sheet", result.snapshot), "confirm");
    result = await session.check({});
    const shorter = lines.slice(0, 3);
    const plan = await session.planInsert(shorter, "sheet", result.snapshot);
    expect(plan).toMatchObject({ kind: "replace-sheet", sheet: "自评报告", newSheet: "自评报告(2)" });
    if (plan.kind !== "replace-sheet") throw new Error(plan.kind);
    expect(plan.clear).toContain("A4");
    const beforeReplace = gw.state();
    await session.insert(plan, "confirm");
    const report = gw.state()["自评报告"];
    expect(Object.keys(gw.state())).not.toContain("自评报告(2)");
    expect(report.A3.value).toBe(shorter[2].text);
    expect(report.A4.value).toBe("");
    await session.undoLast();
    expect(gw.state()).toEqual(beforeReplace);
    await session.insert(plan, "new-sheet");
    expect(gw.state()["自评报告(2)"].A1.value).toBe(shorter[0].text);
  });

  it("refuses to insert at the selection when nothing is selected", async () => {
    const { session } = await open("004-01");
    const result = await session.check({});
    const [draft] = draftsOf(result.analysis);
    await expect(session.planInsert(draftLines(draft), "selection", result.snapshot)).rejects.toThrow(/no cell/);
  });
});

describe("narrative drafts", () => {
  it("turn edited text back into numbered sections, dropping blank lines; formula-like text stays text", async () => {
    const { session } = await open("000-07");
    const [d] = draftsOf((await session.check({})).analysis);
    expect(d.sections.map((s) => s.heading)).toEqual(["评价结论", "扣分情况", "存在问题", "整改措施"]);
    const edited = { ...d, sections: d.sections.map((s, i) => (i === 0 ? { ...s, text: "第一段\n\n  =1+1  \n" } : s)) };
    const lines = draftLines(edited);
    expect(lines.slice(0, 4)).toEqual([
      { text: d.title, style: "title" },
      { text: "一、评价结论", style: "heading" },
      { text: "第一段", style: "body" },
      { text: "=1+1", style: "body" },
    ]);
    expect(draftText(edited).split("\n")[2]).toBe("第一段");
  });
});

describe("comparison rows", () => {
  it("put the declared total beside the sum of the rows", async () => {
    const { session } = await open("000-07");
    const result = await session.check({});
    const total = compareRows(result.analysis.calcs[0]).find((r) => r.kind === "total")!;
    expect(total).toMatchObject({ declaredWeight: "100", weight: "99", declaredScore: "99", score: "98", differs: true, cell: "G23" });
  });
});

describe("settings", () => {
  it("persist, and fall back field by field when stored values are bad", () => {
    const store = new Map<string, string>();
    const s = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadSettings(s)).toEqual(DEFAULT_SETTINGS);
    saveSettings(s, { ...DEFAULT_SETTINGS, reverseRule: "linear", language: "en" });
    expect(loadSettings(s)).toMatchObject({ reverseRule: "linear", language: "en" });
    store.set("scorecheck.settings", "{not json");
    expect(loadSettings(s)).toEqual(DEFAULT_SETTINGS);
    expect(sanitize({ tolerance: "abc", split: "sometimes" as never })).toEqual(DEFAULT_SETTINGS);
    expect(engineOptions({ ...DEFAULT_SETTINGS, tolerance: " 0.01 " }, "en")).toEqual({ reverseRule: "ratio", tolerance: "0.01", split: "auto", lang: "en" });
  });

  it("language follows Office: English for en-*, Chinese otherwise", () => {
    expect(langFromOffice("en-US")).toBe("en");
    expect(langFromOffice("en-GB")).toBe("en");
    expect(langFromOffice("zh-CN")).toBe("zh-CN");
    expect(langFromOffice("fr-FR")).toBe("zh-CN");
    expect(langFromOffice(undefined)).toBe("zh-CN");
    expect(Object.keys(strings("en"))).toEqual(Object.keys(strings("zh-CN")));
  });
});
