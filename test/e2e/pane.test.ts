/**
 * The task pane in a real browser: the built pane (dist/addin) with an in-memory gateway holding a
 * seed fixture, driven through Debian's Chromium: check, go to a cell, recalculate with a preview,
 * the report (edits kept across tabs, re-checks and inserts; inserts that ask before overwriting),
 * undo, the ribbon's 一键核查 under a shared runtime, the CSP and the pane's own origin.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { loadSpecs } from "../../scripts/build-fixtures";
import { browserAvailable } from "../support/browser";
import { notice, open, shots, state, until, useHarness } from "./harness";

const specs = loadSpecs();
const run = browserAvailable() ? describe : describe.skip;

run("task pane in Chromium", () => {
  const h = useHarness();
  const findings = async () => h.page.getByTestId("finding").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-rule")} ${e.getAttribute("data-cell")}`));
  const selection = () => h.page.evaluate(() => (window as unknown as { __SCORECHECK_MEMORY__: { selection(): Promise<unknown> } }).__SCORECHECK_MEMORY__.selection());

  it("一键核查 → findings → go to cell → recalculate with preview → clean → report → undo restores the grid exactly", async () => {
    const { page } = h;
    await open(h, "003-01");
    expect(await page.getByTestId("summary").textContent()).toBe("2 个错误，1 个提醒");
    expect(await findings()).toEqual(expect.arrayContaining(["full-score-below-target 自评表!F53", "budget-execution 自评表!F44", "unexplained-deduction 自评表!F42"]));
    const original = await state(h);

    await page.locator('[data-testid="finding"][data-rule="full-score-below-target"]').click();
    await until(selection, { sheet: "自评表", cell: "F53" });

    await page.getByTestId("tab-recalc").click();
    await page.getByTestId("opt-rescore").click();
    expect(await page.getByTestId("change").count()).toBeGreaterThan(0);
    await page.getByTestId("preview").click();
    const rows = await page.getByTestId("preview-row").allTextContents();
    // Each row names its indicator, and the rows follow the table from top to bottom.
    const f53 = rows.find((r) => r.includes("自评表!F53"))!;
    expect(f53).toContain("7.45");
    expect(f53.split("自评表!F53")[0].trim().length).toBeGreaterThan(1);
    const order = rows.map((r) => Number(/自评表!\$?[A-Z]+\$?(\d+)/.exec(r)?.[1]));
    expect(order.every((n) => n > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, "recalc-zh.png"), fullPage: true });
    await page.getByTestId("apply").click();
    await notice(h, /已写入 \d+ 处修改.*撤销将恢复/);
    // Focus lands on the result, inside the live region.
    expect(await page.evaluate(() => !!document.activeElement?.closest('[aria-live="polite"]'))).toBe(true);
    expect(await page.getByTestId("undo-what").textContent()).toMatch(/^撤销“重新计算”：恢复 \d+ 个单元格原来的内容$/);
    await page.getByTestId("tab-results").click();
    expect(await page.getByTestId("summary").textContent()).toBe("0 个错误，0 个提醒");
    // The recalculation's message stays with its tab.
    expect(await page.getByTestId("notice").count()).toBe(0);
    const rescored = await state(h);
    expect(rescored["自评表"].F53.value).toBe(7.45);

    await page.getByTestId("tab-narrative").click();
    await page.getByTestId("section-conclusion").waitFor();
    const mine = "经评价，本项目自评得分 99.25 分，等级为优。";
    await page.getByTestId("section-conclusion").fill(mine);
    await page.getByTestId("copy").click();
    await notice(h, /已复制，可粘贴到 Word。/);
    await page.screenshot({ path: join(shots, "narrative-zh.png"), fullPage: false });
    await page.getByTestId("insert-sheet").click();
    expect(await page.getByTestId("insert-confirm").textContent()).toMatch(/将新建工作表“自评报告”，写入 \d+ 行报告文字/);
    await page.getByTestId("confirm-insert").click();
    await notice(h, /^已插入报告文字：“自评报告”。撤销将删除工作表“自评报告”。/);
    expect(await page.getByTestId("section-conclusion").inputValue()).toBe(mine);
    const report = (await state(h))["自评报告"];
    expect(report.A1.value).toMatch(/城乡居民养老金缴费补助/);
    expect(Object.values(report).map((c) => c.value)).toContain(mine);

    // A second insert asks whether to replace the first report sheet.
    await page.getByTestId("insert-sheet").click();
    expect(await page.getByTestId("insert-confirm").textContent()).toContain("工作簿中已有“自评报告”工作表");
    await page.getByTestId("cancel-insert").click();
    expect(Object.keys(await state(h))).not.toContain("自评报告(2)");

    await page.getByTestId("tab-recalc").click();
    expect(await page.getByTestId("undo-what").textContent()).toBe("撤销“插入自评报告”：删除工作表“自评报告”");
    await page.getByTestId("undo").click();
    await notice(h, /^已撤销“插入自评报告”，并已重新核查。/);
    expect(await state(h)).toEqual(rescored);
    await page.getByTestId("undo").click();
    await page.getByTestId("undo").waitFor({ state: "detached" });
    expect(await state(h)).toEqual(original);
  }, 120_000);

  it("a report edit survives tab switches, 重新核查 and inserts; changed figures are offered, not applied", async () => {
    const { page } = h;
    await open(h, "000-07");
    await page.getByTestId("tab-narrative").click();
    const mine = "我自己写的评价结论。";
    await page.getByTestId("section-conclusion").fill(mine);
    expect(await page.getByTestId("edited").count()).toBe(1);
    for (const tab of ["results", "recalc", "settings", "narrative"]) await page.getByTestId(`tab-${tab}`).click();
    expect(await page.getByTestId("section-conclusion").inputValue()).toBe(mine);
    await page.getByTestId("run-check").click();
    await page.getByTestId("busy").waitFor({ state: "detached" });
    expect(await page.getByTestId("section-conclusion").inputValue()).toBe(mine);

    // Change the table's figures (totals as SUM formulas): the text stays, a new draft is offered.
    await page.getByTestId("tab-recalc").click();
    await page.getByTestId("preview").click();
    await page.getByTestId("apply").click();
    await notice(h, /已写入/);
    await page.getByTestId("tab-narrative").click();
    expect(await page.getByTestId("section-conclusion").inputValue()).toBe(mine);
    expect(await page.getByTestId("stale").textContent()).toMatch(/表格数字已变化（.*得分合计（填报） 99 → 98/);
    await page.getByTestId("keep-draft").click();
    expect(await page.getByTestId("stale").count()).toBe(0);
    expect(await page.getByTestId("section-conclusion").inputValue()).toBe(mine);

    await page.getByTestId("insert-sheet").click();
    await page.getByTestId("confirm-insert").click();
    await notice(h, /已插入报告文字/);
    expect(await page.getByTestId("section-conclusion").inputValue()).toBe(mine);
    await page.getByTestId("discard").click();
    expect(await page.getByTestId("section-conclusion").inputValue()).not.toBe(mine);
  }, 90_000);

  it("insert at a selection inside the table asks, showing the range and what is there, and offers the empty area below", async () => {
    const { page } = h;
    await open(h, "000-07");
    const before = await state(h);
    await page.locator('[data-testid="finding"][data-cell="评分表!F23"]').first().click();
    await until(selection, { sheet: "评分表", cell: "F23" });
    await page.getByTestId("tab-narrative").click();
    await page.getByTestId("insert-selection").click();
    const ask = page.getByTestId("insert-confirm");
    await ask.waitFor();
    expect(await ask.textContent()).toMatch(/评分表!F23:F\d+ 中有 \d+ 个单元格已有内容，插入会覆盖它们/);
    expect(await page.getByTestId("occupied").textContent()).toMatch(/F23：/);
    expect(await state(h)).toEqual(before);
    await page.screenshot({ path: join(shots, "insert-ask-zh.png"), fullPage: false });
    await page.getByTestId("confirm-below").click();
    await notice(h, /已插入报告文字：评分表!F\d+:F\d+。撤销将恢复这 \d+ 个单元格原来的内容。/);
    const after = (await state(h))["评分表"];
    for (const [a1, c] of Object.entries(before["评分表"])) expect([a1, after[a1]]).toEqual([a1, c]);
    await page.getByTestId("tab-results").click();
    expect(await page.getByTestId("summary").textContent()).toBe("4 个错误，1 个提醒");
  }, 60_000);

  it("the ribbon's 一键核查 runs the check in the open pane under a shared runtime, keeping edits", async () => {
    const { page } = h;
    await page.goto(`${h.server.origin}/harness.html?fixture=000-07`);
    await page.getByTestId("welcome").waitFor();
    await page.getByTestId("run-check").click();
    await page.getByTestId("summary").waitFor();
    await page.getByTestId("tab-narrative").click();
    await page.getByTestId("section-measures").fill("整改措施由我填写。");
    // The workbook changes behind the pane's back (a user edit in Excel): the ribbon's check sees it.
    await page.evaluate(() =>
      (window as unknown as { __SCORECHECK_MEMORY__: { apply(s: unknown): Promise<unknown> } }).__SCORECHECK_MEMORY__.apply({ title: { zh: "", en: "" }, changes: [{ kind: "set-value", sheet: "评分表", cell: "F23", value: 99, reason: "" }] }),
    );
    const completed = await page.evaluate(
      () =>
        new Promise<boolean>((done) => {
          const r = (window as unknown as { __SCORECHECK_RIBBON__: { handlers: Record<string, (e: { completed(): void }) => void> } }).__SCORECHECK_RIBBON__;
          r.handlers.checkWorkbook({ completed: () => done(true) });
        }),
    );
    expect(completed).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __SCORECHECK_RIBBON__: { shown: number } }).__SCORECHECK_RIBBON__.shown)).toBe(1);
    expect(await page.getByTestId("section-measures").inputValue()).toBe("整改措施由我填写。");
    await page.getByTestId("tab-results").click();
    expect(await page.getByTestId("summary").textContent()).toBe("3 个错误，1 个提醒");
  }, 60_000);

  it("works from the keyboard: Tab reaches a finding, Enter goes to its cell; arrows move between tabs", async () => {
    const { page } = h;
    await open(h, "000-07");
    await page.getByTestId("run-check").focus();
    let focused = "";
    for (let i = 0; i < 15 && !focused.startsWith("finding"); i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => `${document.activeElement?.getAttribute("data-testid")}:${document.activeElement?.getAttribute("data-cell")}`);
    }
    expect(focused).toMatch(/^finding:评分表!F23$/);
    await page.keyboard.press("Enter");
    await until(selection, { sheet: "评分表", cell: "F23" });
    await page.getByTestId("tab-results").focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByTestId("opt-rescore").waitFor();
  }, 60_000);

  it("the pane's Content-Security-Policy blocks inline script and eval; the local build allows no other origin", async () => {
    const { page } = h;
    await open(h, "000-07");
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|https:/);
    const blocked = await page.evaluate(async () => {
      const w = window as unknown as { __inline?: number };
      const s = document.createElement("script");
      s.textContent = "window.__inline = 1";
      document.body.appendChild(s);
      const probe = document.createElement("script");
      probe.src = "csp-probe.js";
      await new Promise((r) => {
        probe.onload = r;
        document.body.appendChild(probe);
      });
      return { inline: w.__inline ?? null, evalRan: (window as unknown as { __evalRan?: boolean }).__evalRan ?? null };
    });
    expect(blocked).toEqual({ inline: null, evalRan: false });
    // The two refusals above are the policy working: not a violation by the pane.
    expect(h.violations.length).toBeGreaterThan(0);
    h.violations.length = 0;
  }, 60_000);

  it("a protected sheet: a clear message, and nothing written", async () => {
    const { page } = h;
    await open(h, "000-07", "&run=check&protect=评分表");
    const original = await state(h);
    await page.getByTestId("tab-recalc").click();
    await page.getByTestId("preview").click();
    await page.getByTestId("apply").click();
    expect(await page.getByTestId("error").textContent({ timeout: 30_000 })).toContain("工作表“评分表”受保护，未做任何修改");
    expect(await state(h)).toEqual(original);
    expect(await page.getByTestId("undo").count()).toBe(0);
  }, 60_000);

  it("marks flagged cells and clears them back to the original fills and notes", async () => {
    const { page } = h;
    await open(h, "000-07");
    const original = await state(h);
    await page.getByTestId("mark").click();
    await notice(h, /已标记 \d+ 个单元格/);
    const marked = await state(h);
    expect(marked["评分表"].F23.fill).toBeTruthy();
    await page.getByTestId("clear-marks").click();
    await page.getByTestId("clear-marks").waitFor({ state: "detached" });
    expect(await state(h)).toEqual(original);
  }, 60_000);

  it("shows every seed's expected findings", async () => {
    for (const spec of specs) {
      await open(h, spec.id);
      const got = await findings();
      for (const f of spec.expect.findings) {
        const want = `${f.rule} ${f.sheet}!${f.cell ?? ""}`;
        expect({ seed: spec.id, found: got.some((g) => g.startsWith(want)) ? want : got }).toEqual({ seed: spec.id, found: want });
      }
    }
  }, 240_000);

  it("the built harness shows the bundled sample without Excel (npm start, /harness.html?run=check)", async () => {
    await h.page.goto(`${h.server.origin}/harness.html?run=check`);
    await h.page.getByTestId("summary").waitFor({ timeout: 30_000 });
    expect(await h.page.getByTestId("table").count()).toBeGreaterThanOrEqual(4);
    expect(h.server.requests).toContain("/fixtures/sample.json");
  }, 60_000);

  it("without ?run=check shows the first screen and waits; outside Excel the real pane says so and loads Office.js from its own origin", async () => {
    const { page } = h;
    await page.goto(`${h.server.origin}/harness.html?fixture=000-07`);
    await page.getByTestId("welcome").waitFor();
    expect(await page.getByTestId("welcome").locator("li").count()).toBe(3);
    expect(await page.getByTestId("help-link").getAttribute("href")).toBe("help.html");
    expect(await page.getByTestId("run-check").textContent()).toBe("一键核查");
    expect(await page.getByTestId("summary").count()).toBe(0);
    await page.getByTestId("run-check").click();
    await page.getByTestId("summary").waitFor();
    expect(await page.getByTestId("run-check").textContent()).toBe("重新核查");

    await page.goto(`${h.server.origin}/taskpane.html?run=check`);
    await page.getByText("请在 Excel 中打开").waitFor({ timeout: 30_000 });
    expect(h.server.requests).toContain("/office-js/office.js");
  }, 60_000);
});
