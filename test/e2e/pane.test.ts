/**
 * The task pane in a real browser: the built pane (dist/addin) with an in-memory gateway holding a
 * seed fixture, driven through Debian's Chromium. Also asserts the pane's CSP holds (no violation)
 * and that it asks for nothing beyond its own origin.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { readXlsxFile } from "../../src/xlsx/reader";
import { loadSpecs } from "../../scripts/build-fixtures";
import { browserAvailable, launch } from "../support/browser";
import { serve, type StaticServer } from "../support/static-server";

const root = join(__dirname, "../..");
const dist = join(root, "dist/addin");
const fixtures = join(root, "test/fixtures/xlsx");
const shots = process.env.UPDATE_SCREENSHOTS ? join(root, "docs/screenshots") : join(root, "test/output/screenshots");
const specs = loadSpecs();
const run = browserAvailable() ? describe : describe.skip;

/** Waits until a page-side value equals what is wanted (the pane updates asynchronously). */
async function until<T>(read: () => Promise<T>, want: T, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  let got = await read();
  while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    got = await read();
  }
  expect(got).toEqual(want);
}

type MemoryState = Record<string, Record<string, { value: unknown; formula: string | null; fill: string | null; note: string | null }>>;

run("task pane in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const offOrigin: string[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(dist, "harness.html"))) throw new Error("dist/addin is not built: run npm run build:addin");
    server = await serve(dist, async (path) => {
      // A same-origin script that tries eval: the CSP must stop it even though the script may run.
      if (path === "/csp-probe.js") return { type: "text/javascript", body: "try { window.__evalRan = (0, eval)('true'); } catch (e) { window.__evalRan = false; }" };
      const m = /^\/fixtures\/([\w.-]+)\.json$/.exec(path);
      return m && existsSync(join(fixtures, `${m[1]}.xlsx`)) ? JSON.stringify(await readXlsxFile(join(fixtures, `${m[1]}.xlsx`))) : null;
    });
    browser = await launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    const context = await browser.newContext({ viewport: { width: 350, height: 900 } });
    page = await context.newPage();
    page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith(server.origin) && !url.startsWith("data:")) offOrigin.push(url);
    });
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    page.on("pageerror", (e) => violations.push(`page error: ${e.message}`));
  });

  afterEach(async () => {
    await page.context().close();
    expect(offOrigin).toEqual([]);
    expect(violations).toEqual([]);
  });

  const open = async (fixture: string, query = "&run=check") => {
    await page.goto(`${server.origin}/harness.html?fixture=${fixture}${query}`);
    await page.getByTestId("summary").waitFor({ timeout: 30_000 });
  };
  const state = () => page.evaluate(() => (window as unknown as { __SCORECHECK_MEMORY__: { state(): MemoryState } }).__SCORECHECK_MEMORY__.state());
  /** The pane's success message, once it says what is wanted (an earlier message may still show). */
  const notice = async (want: RegExp) => {
    const end = Date.now() + 30_000;
    let text = "";
    while (Date.now() < end) {
      const el = page.getByTestId("notice");
      text = (await el.count()) ? ((await el.textContent()) ?? "") : "";
      if (want.test(text)) return text;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the pane's message is "${text}", not ${want}; error: ${await page.getByTestId("error").textContent({ timeout: 100 }).catch(() => "none")}`);
  };
  const findings = async () => page.getByTestId("finding").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-rule")} ${e.getAttribute("data-cell")}`));

  it("一键核查 → findings → go to cell → recalculate with preview → clean → narrative → undo restores the grid exactly", async () => {
    await open("003-01");
    expect(await page.getByTestId("summary").textContent()).toBe("2 个错误，1 个提醒");
    expect(await findings()).toEqual(expect.arrayContaining(["full-score-below-target 自评表!F53", "budget-execution 自评表!F44", "unexplained-deduction 自评表!F42"]));
    const original = await state();

    await page.locator('[data-testid="finding"][data-rule="full-score-below-target"]').click();
    await until(() => page.evaluate(() => (window as unknown as { __SCORECHECK_MEMORY__: { selection(): Promise<unknown> } }).__SCORECHECK_MEMORY__.selection()), { sheet: "自评表", cell: "F53" });

    await page.getByTestId("tab-recalc").click();
    await page.getByTestId("opt-rescore").click();
    expect(await page.getByTestId("change").count()).toBeGreaterThan(0);
    await page.getByTestId("preview").click();
    const preview = page.getByTestId("preview-list");
    await preview.waitFor();
    expect(await preview.textContent()).toContain("F53");
    expect(await preview.textContent()).toContain("7.45");
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, "recalc-zh.png"), fullPage: true });
    await page.getByTestId("apply").click();
    await notice(/已写入 \d+ 处修改/);
    await page.getByTestId("tab-results").click();
    expect(await page.getByTestId("summary").textContent()).toBe("0 个错误，0 个提醒");
    const rescored = await state();
    expect(rescored["自评表"].F53.value).toBe(7.45);

    await page.getByTestId("tab-narrative").click();
    await page.getByTestId("section-conclusion").waitFor();
    await page.getByTestId("section-conclusion").fill("经评价，本项目自评得分 99.25 分，等级为优。");
    await page.getByTestId("copy").click();
    await page.getByText("已复制，可粘贴到 Word。").waitFor();
    await page.screenshot({ path: join(shots, "narrative-zh.png"), fullPage: false });
    await page.getByTestId("insert-sheet").click();
    await notice(/^已插入叙述。$/);
    await page.getByTestId("tab-results").click();
    expect(await page.getByTestId("summary").textContent()).toBe("0 个错误，0 个提醒");
    const report = (await state())["自评报告"];
    expect(report.A1.value).toMatch(/城乡居民养老金缴费补助/);
    expect(Object.values(report).map((c) => c.value)).toContain("经评价，本项目自评得分 99.25 分，等级为优。");

    await page.getByTestId("tab-recalc").click();
    await page.getByTestId("undo").click();
    await notice(/^已恢复修改前的内容，并已重新核查。$/);
    expect(await state()).toEqual(rescored);
    await page.getByTestId("undo").click();
    await page.getByTestId("undo").waitFor({ state: "detached" });
    expect(await state()).toEqual(original);
  }, 90_000);

  it("works from the keyboard: Tab reaches a finding, Enter goes to its cell; arrows move between tabs", async () => {
    await open("000-07");
    await page.getByTestId("run-check").focus();
    let focused = "";
    for (let i = 0; i < 15 && !focused.startsWith("finding"); i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => `${document.activeElement?.getAttribute("data-testid")}:${document.activeElement?.getAttribute("data-cell")}`);
    }
    expect(focused).toMatch(/^finding:评分表!F23$/);
    await page.keyboard.press("Enter");
    await until(() => page.evaluate(() => (window as unknown as { __SCORECHECK_MEMORY__: { selection(): Promise<unknown> } }).__SCORECHECK_MEMORY__.selection()), { sheet: "评分表", cell: "F23" });
    await page.getByTestId("tab-results").focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByTestId("opt-rescore").waitFor();
  }, 60_000);

  it("the pane's Content-Security-Policy blocks inline script and eval", async () => {
    await open("000-07");
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval/);
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
    expect(violations.length).toBeGreaterThan(0);
    violations.length = 0;
  }, 60_000);

  it("a protected sheet: a clear message, and nothing written", async () => {
    await open("000-07", "&run=check&protect=评分表");
    const original = await state();
    await page.getByTestId("tab-recalc").click();
    await page.getByTestId("preview").click();
    await page.getByTestId("apply").click();
    expect(await page.getByTestId("error").textContent({ timeout: 30_000 })).toContain("工作表“评分表”受保护，未做任何修改");
    expect(await state()).toEqual(original);
    expect(await page.getByTestId("undo").count()).toBe(0);
  }, 60_000);

  it("marks flagged cells and clears them back to the original fills and notes", async () => {
    await open("000-07");
    const original = await state();
    await page.getByTestId("mark").click();
    await notice(/已标记 \d+ 个单元格/);
    const marked = await state();
    expect(marked["评分表"].F23.fill).toBeTruthy();
    await page.getByTestId("clear-marks").click();
    await page.getByTestId("clear-marks").waitFor({ state: "detached" });
    expect(await state()).toEqual(original);
  }, 60_000);

  it("shows every seed's expected findings", async () => {
    for (const spec of specs) {
      await open(spec.id);
      const got = await findings();
      for (const f of spec.expect.findings) {
        const want = `${f.rule} ${f.sheet}!${f.cell ?? ""}`;
        expect({ seed: spec.id, found: got.some((g) => g.startsWith(want)) ? want : got }).toEqual({ seed: spec.id, found: want });
      }
    }
  }, 240_000);

  it("speaks English when Office does, and fits the narrow default pane (screenshots)", async () => {
    mkdirSync(shots, { recursive: true });
    await open("000-07");
    expect(await page.getByTestId("summary").textContent()).toBe("4 个错误，1 个提醒");
    // Excel's default pane is about 320 px wide: no tab may scroll sideways there.
    await page.setViewportSize({ width: 320, height: 900 });
    for (const tab of ["results", "recalc", "narrative", "settings"]) {
      await page.getByTestId(`tab-${tab}`).click();
      expect({ tab, width: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ tab, width: 320 });
    }
    await page.getByTestId("tab-results").click();
    await page.setViewportSize({ width: 350, height: 900 });
    await page.screenshot({ path: join(shots, "pane-zh.png"), fullPage: false });
    await open("000-07", "&run=check&lang=en-US");
    expect(await page.getByTestId("summary").textContent()).toBe("4 errors, 1 warning");
    expect(await page.getByRole("tab", { name: "Recalculate" }).count()).toBe(1);
    await page.screenshot({ path: join(shots, "pane-en.png"), fullPage: false });
  }, 60_000);

  it("the built harness shows the bundled sample without Excel (npm start, /harness.html?run=check)", async () => {
    await page.goto(`${server.origin}/harness.html?run=check`);
    await page.getByTestId("summary").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("table").count()).toBeGreaterThanOrEqual(4);
    expect(server.requests).toContain("/fixtures/sample.json");
  }, 60_000);

  it("without ?run=check waits for the user; outside Excel the real pane says so and loads Office.js from its own origin", async () => {
    await page.goto(`${server.origin}/harness.html?fixture=000-07`);
    await page.getByTestId("run-check").waitFor();
    expect(await page.getByTestId("summary").count()).toBe(0);
    await page.getByTestId("run-check").click();
    await page.getByTestId("summary").waitFor();

    await page.goto(`${server.origin}/taskpane.html?run=check`);
    await page.getByText("请在 Excel 中打开").waitFor({ timeout: 30_000 });
    expect(server.requests).toContain("/office-js/office.js");
  }, 60_000);
});
