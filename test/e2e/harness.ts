/**
 * What the browser tests share: the built pane (dist/addin, the OFFICE_JS=local build) served from
 * 127.0.0.1 with seed fixtures as grid snapshots, Debian's Chromium, and checks that the pane asked
 * for nothing beyond its own origin and broke no CSP rule.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { readXlsxFile } from "../../src/xlsx/read";
import { launch } from "../support/browser";
import { serve, type StaticServer } from "../support/static-server";

export const root = join(__dirname, "../..");
export const dist = join(root, "dist/addin");
const fixtures = join(root, "test/fixtures/xlsx");
export const shots = process.env.UPDATE_SCREENSHOTS ? join(root, "docs/screenshots") : join(root, "test/output/screenshots");

export type MemoryState = Record<string, Record<string, { value: unknown; formula: string | null; fill: string | null; note: string | null }>>;

export interface Harness {
  server: StaticServer;
  browser: Browser;
  page: Page;
  offOrigin: string[];
  violations: string[];
}

/** Sets up server and browser for a describe block; a fresh page per test, checked after it. */
export function useHarness(context: BrowserContextOptions = { viewport: { width: 350, height: 900 } }): Harness {
  const h = { offOrigin: [], violations: [] } as unknown as Harness;
  beforeAll(async () => {
    if (!existsSync(join(dist, "harness.html"))) throw new Error("dist/addin is not built: run OFFICE_JS=local npm run build:addin");
    h.server = await serve(dist, async (path) => {
      // A same-origin script that tries eval: the CSP must stop it even though the script may run.
      if (path === "/csp-probe.js") return { type: "text/javascript", body: "try { window.__evalRan = (0, eval)('true'); } catch (e) { window.__evalRan = false; }" };
      const m = /^\/fixtures\/([\w.-]+)\.json$/.exec(path);
      return m && existsSync(join(fixtures, `${m[1]}.xlsx`)) ? JSON.stringify(await readXlsxFile(join(fixtures, `${m[1]}.xlsx`))) : null;
    });
    h.browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await h.browser?.close();
    await h.server?.close();
  });
  beforeEach(async () => {
    h.offOrigin.length = 0;
    h.violations.length = 0;
    const ctx = await h.browser.newContext(context);
    h.page = await ctx.newPage();
    h.page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith(h.server.origin) && !url.startsWith("data:")) h.offOrigin.push(url);
    });
    h.page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) h.violations.push(m.text());
    });
    h.page.on("pageerror", (e) => h.violations.push(`page error: ${e.message}`));
  });
  afterEach(async () => {
    await h.page.context().close();
    expect(h.offOrigin).toEqual([]);
    expect(h.violations).toEqual([]);
  });
  return h;
}

export async function open(h: Harness, fixture: string, query = "&run=check"): Promise<void> {
  await h.page.goto(`${h.server.origin}/harness.html?fixture=${fixture}${query}`);
  await h.page.getByTestId("summary").waitFor({ timeout: 30_000 });
}

/** Opens a tab and waits until it is ready to be measured: the recalculation with its preview shown. */
export async function showTab(page: Page, tab: string): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await page.getByTestId("busy").waitFor({ state: "detached" });
  if (tab === "recalc") {
    await page.getByTestId("opt-rescore").click();
    await page.getByTestId("preview").click().catch(() => undefined);
  }
}

export const state = (h: Harness) => h.page.evaluate(() => (window as unknown as { __SCORECHECK_MEMORY__: { state(): MemoryState } }).__SCORECHECK_MEMORY__.state());

/** The pane's message on the current tab, once it says what is wanted (an earlier message may still show). */
export async function notice(h: Harness, want: RegExp): Promise<string> {
  const end = Date.now() + 30_000;
  let text = "";
  while (Date.now() < end) {
    const el = h.page.getByTestId("notice");
    text = (await el.count()) ? ((await el.last().textContent()) ?? "") : "";
    if (want.test(text)) return text;
    await new Promise((r) => setTimeout(r, 50));
  }
  const error = await h.page.getByTestId("error").allTextContents();
  throw new Error(`the pane's message is "${text}", not ${want}; errors: ${JSON.stringify(error)}`);
}

/** Waits until a page-side value equals what is wanted (the pane updates asynchronously). */
export async function until<T>(read: () => Promise<T>, want: T, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  let got = await read();
  while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    got = await read();
  }
  expect(got).toEqual(want);
}
