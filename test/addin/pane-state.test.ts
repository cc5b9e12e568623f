/**
 * The pane's React state without a browser: report edits survive re-checks; changed figures are
 * offered, never applied silently; strings, text clean-up and the ribbon's shared-runtime command.
 */
import { join } from "node:path";
import { readXlsxFile } from "../../src/xlsx/read";
import { MemoryGateway } from "../../src/addin/memory-gateway";
import { DEFAULT_RECALC, PaneSession } from "../../src/addin/pane/session";
import { currentDrafts, initialState, paneReducer, type PaneState } from "../../src/addin/pane/state";
import { cleanName, display, mainland, reasonText } from "../../src/addin/pane/text";
import { strings } from "../../src/addin/pane/strings";
import { zhCN } from "../../src/addin/pane/strings/zh-CN";
import { en } from "../../src/addin/pane/strings/en";
import { CHECK_ACTION, registerRibbonCommands, type OfficeCommandHost } from "../../src/addin/commands/commands";
import { onRibbonCheck, ribbonCheck } from "../../src/addin/pane/ribbon";

const fixture = (id: string) => readXlsxFile(join(__dirname, "../fixtures/xlsx", `${id}.xlsx`));

describe("pane state", () => {
  it("keeps an edited report across re-checks, and offers (never applies) a draft from changed figures", async () => {
    const gw = new MemoryGateway(await fixture("000-07"));
    const session = new PaneSession(gw);
    let state: PaneState = paneReducer(initialState, { type: "checked", result: await session.check({}) });
    const [{ key, entry }] = currentDrafts(state);
    state = paneReducer(state, { type: "tab", tab: "narrative" });
    state = paneReducer(state, { type: "edit", key, section: 0, text: "我写的评价结论" });
    state = paneReducer(state, { type: "tab", tab: "results" });
    // Same figures: the edit stays, nothing is offered.
    state = paneReducer(state, { type: "checked", result: await session.check({}) });
    expect(state.drafts[key]).toMatchObject({ edited: true, stale: null });
    expect(state.drafts[key].draft.sections[0].text).toBe("我写的评价结论");

    // The totals become SUM formulas: the figures change; the edit stays and the new text is offered.
    const result = await session.check({});
    await session.apply({ title: { zh: "重新计算", en: "Recalculation" }, changes: session.changeItems(result, DEFAULT_RECALC).map((i) => i.change) });
    state = paneReducer(state, { type: "checked", result: await session.check({}) });
    expect(state.drafts[key].draft.sections[0].text).toBe("我写的评价结论");
    expect(state.drafts[key].stale?.basis).toBeTruthy();
    expect(state.drafts[key].stale!.generated.sections[0].text).not.toBe(entry.generated.sections[0].text);

    const kept = paneReducer(state, { type: "keep-draft", key });
    expect(kept.drafts[key]).toMatchObject({ stale: null, edited: true });
    const regenerated = paneReducer(state, { type: "regenerate", key });
    expect(regenerated.drafts[key]).toMatchObject({ stale: null, edited: false });
    expect(regenerated.drafts[key].draft).toBe(state.drafts[key].stale!.generated);
    const discarded = paneReducer(kept, { type: "discard", key });
    expect(discarded.drafts[key].draft).toBe(kept.drafts[key].generated);
  });

  it("scopes messages to the tab that produced them, one per tab", () => {
    let s = paneReducer(initialState, { type: "message", tab: "recalc", intent: "success", text: "a" });
    s = paneReducer(s, { type: "message", tab: "narrative", intent: "success", text: "b" });
    s = paneReducer(s, { type: "message", tab: "recalc", intent: "success", text: "c" });
    expect(s.messages.map((m) => [m.tab, m.text])).toEqual([["narrative", "b"], ["recalc", "c"]]);
  });
});

describe("pane text", () => {
  it("uses mainland punctuation and separates labels from values", () => {
    expect(mainland("「资金到位率」标注10分")).toBe("“资金到位率”标注10分");
    expect(mainland("评价等级: 优")).toBe("评价等级：优");
    expect(display("「x」", "zh-CN")).not.toMatch(/[「」]/);
    expect(display("但评分表（评分表）各项得分合计为98分", "zh-CN")).toBe("但评分表各项得分合计为98分");
  });

  it("strips blank-fill underscores and doubled names", () => {
    expect(cleanName("_基础养老金补贴")).toBe("基础养老金补贴");
    expect(cleanName("资金__到位率＿")).toBe("资金到位率");
    expect(cleanName("评分表（评分表）")).toBe("评分表");
    expect(cleanName("投入:")).toBe("投入");
    expect(cleanName("产出指标（数量）")).toBe("产出指标（数量）");
  });

  it("says a change's reason in English in the English pane", () => {
    expect(reasonText("合计按明细行求和", "en")).toBe("sum of its rows");
    expect(reasonText("等级按总分 98 分评定为“优”", "en", en.gradeName)).toBe("grade from the total 98: Excellent (优)");
    expect(reasonText("按评分规则计分：实际完成值96%低于目标值98%", "en")).toBe("scored by the rules");
  });
});

describe("pane strings", () => {
  const texts = (x: unknown): string[] =>
    typeof x === "string" ? [x] : typeof x === "function" ? [String((x as (...a: unknown[]) => unknown)(3, "X", ["S"]))] : x && typeof x === "object" ? Object.values(x).flatMap(texts) : [];

  it("has the same keys in both languages", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    expect(strings("en")).toBe(en);
  });

  it("Chinese: mainland punctuation, 自评报告 for the report tab, 财预〔2020〕10号 for the split", () => {
    const all = texts(zhCN).join("\n");
    expect(all).not.toMatch(/[「」『』]/);
    expect(all).not.toMatch(/[\u4e00-\u9fff]:/);
    expect(all).not.toMatch(/国家标准|叙述/);
    expect(zhCN.tabNarrative).toBe("自评报告");
    expect(zhCN.splitHint).toContain("财预〔2020〕10号");
    expect(zhCN.runCheck).toBe("一键核查");
    expect(zhCN.recheck).toBe("重新核查");
  });

  it("English: no Chinese text, grades as “Excellent (优)”", () => {
    expect(texts({ ...en, gradeName: undefined }).filter((s) => /[\u4e00-\u9fff]/.test(s))).toEqual([]);
    expect(en.gradeName("优")).toBe("Excellent (优)");
  });
});

describe("ribbon 一键核查 under a shared runtime (mocked Office)", () => {
  function host(shared: boolean) {
    const handlers: Record<string, (e: { completed(): void }) => void> = {};
    const calls: string[] = [];
    const office: OfficeCommandHost = {
      actions: { associate: (name, h) => void (handlers[name] = h) },
      addin: shared ? { showAsTaskpane: async () => void calls.push("show") } : undefined,
      context: {
        requirements: { isSetSupported: (name, v) => shared && name === "SharedRuntime" && v === "1.1" },
        ui: { displayDialogAsync: (url) => void calls.push(`dialog ${url}`) },
      },
    };
    return { office, handlers, calls };
  }
  const press = (h: (e: { completed(): void }) => void) => new Promise<void>((done) => h({ completed: done }));

  it("shows the pane and runs the check in it, completing the command afterwards", async () => {
    const { office, handlers, calls } = host(true);
    const off = onRibbonCheck(async () => void calls.push("check"));
    registerRibbonCommands(office, ribbonCheck, "https://x/help.html");
    await press(handlers[CHECK_ACTION]);
    expect(calls).toEqual(["show", "check"]);
    off();
  });

  it("a pane that mounts after the click still runs the check", async () => {
    const { office, handlers, calls } = host(true);
    registerRibbonCommands(office, ribbonCheck, "https://x/help.html");
    const done = press(handlers[CHECK_ACTION]);
    await new Promise((r) => setTimeout(r, 10));
    const off = onRibbonCheck(async () => void calls.push("check"));
    await done;
    expect(calls).toEqual(["show", "check"]);
    off();
  });

  it("without a shared runtime explains in a dialog instead of running unseen", async () => {
    const { office, handlers, calls } = host(false);
    registerRibbonCommands(office, async () => void calls.push("check"), "https://x/help.html");
    await press(handlers[CHECK_ACTION]);
    expect(calls).toEqual(["dialog https://x/help.html#ribbon"]);
  });
});

describe("Office.js from the CDN by default, the packaged copy with OFFICE_JS=local", () => {
  const config = (officeJs?: string) => {
    const saved = process.env.OFFICE_JS;
    if (officeJs === undefined) delete process.env.OFFICE_JS;
    else process.env.OFFICE_JS = officeJs;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const c = require("../../webpack.config.js")({}, { mode: "production" });
      const page = c.plugins.find((p: { userOptions?: { filename?: string } }) => p.userOptions?.filename === "taskpane.html").userOptions;
      const copies = c.plugins.find((p: { patterns?: unknown[] }) => p.patterns)?.patterns as { to: string }[];
      return { url: page.officeJsUrl as string, csp: page.csp as string, copiesOfficeJs: copies.some((p) => p.to === "office-js"), header: c.devServer.headers["Content-Security-Policy"] as string };
    } finally {
      if (saved === undefined) delete process.env.OFFICE_JS;
      else process.env.OFFICE_JS = saved;
    }
  };

  it("loads Office.js from appsforoffice.microsoft.com by default, and the CSP allows that origin and no other", () => {
    const c = config();
    expect(c.url).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(c.copiesOfficeJs).toBe(false);
    expect(c.csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(c.csp.match(/https:\/\/[^\s;]+/g)!.every((u) => u === "https://appsforoffice.microsoft.com")).toBe(true);
    expect(c.header).toBe(c.csp);
  });

  it("with OFFICE_JS=local serves the packaged copy from the add-in's origin, and the CSP allows only that origin", () => {
    const c = config("local");
    expect(c.url).toBe("office-js/office.js");
    expect(c.copiesOfficeJs).toBe(true);
    expect(c.csp).not.toMatch(/https?:/);
    expect(c.csp).toContain("script-src 'self';");
    expect(() => config("offline")).toThrow(/OFFICE_JS must be/);
  });
});
