/**
 * Every tab fits the pane in both languages, measured with a real Chinese font: no element's right
 * edge beyond the pane at 320 and 450 px, the tab list reachable at 200 % zoom, mainland punctuation
 * in the Chinese pane and no Chinese UI text in the English one. Refreshes the screenshots
 * (UPDATE_SCREENSHOTS=1, `npm run screenshots`).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { readXlsxFile } from "../../src/xlsx/read";
import { browserAvailable } from "../support/browser";
import { open, root, showTab, shots, useHarness, type Harness } from "./harness";

const run = browserAvailable() ? describe : describe.skip;
const TABS = ["results", "recalc", "narrative", "settings"] as const;
/** Seeds with long names, several tables, a funds block, cross-sheet findings. */
const FIXTURES = ["000-07", "003-01", "004-01", "001-03"];

/** Elements whose right edge lies beyond the viewport (or that scroll sideways inside). */
function overflowing(h: Harness): Promise<string[]> {
  return h.page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.position === "fixed") continue;
      // Fluent's overflow manager parks hidden tabs off-layout; those are not shown.
      if (el.closest("[data-overflowing]")) continue;
      const scrolls = el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(style.overflowX);
      if (r.right > width + 0.5 || scrolls) out.push(`${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? `[${el.getAttribute("data-testid")}]` : ""} “${(el.textContent ?? "").slice(0, 30)}” right ${Math.round(r.right)}${scrolls ? " scrolls" : ""}`);
    }
    return out;
  });
}

run("pane layout and language with a Chinese font", () => {
  const h = useHarness();

  beforeAll(() => {
    // Without a CJK font Chromium draws Chinese as empty boxes and the widths below mean nothing.
    const fonts = execFileSync("fc-list", [":lang=zh"], { encoding: "utf8" }).trim();
    if (!fonts) throw new Error("no Chinese font is installed (fc-list :lang=zh is empty): install fonts-noto-cjk; the layout tests cannot measure Chinese text without one");
  });

  it("a Chinese glyph renders as a real glyph, not a missing-glyph box", async () => {
    await open(h, "000-07");
    const widths = await h.page.evaluate(() => {
      const c = document.createElement("canvas").getContext("2d")!;
      c.font = "40px sans-serif";
      return { han: c.measureText("评分表核查").width, missing: c.measureText("\u0378\u0378\u0378\u0378\u0378").width, latin: c.measureText("MMMMM").width };
    });
    // Five Han glyphs are five em squares; five missing-glyph boxes (and Latin) are narrower.
    expect(widths.han).toBeGreaterThan(widths.missing * 1.2);
    expect(widths.han).toBeGreaterThanOrEqual(195);
  }, 60_000);

  for (const lang of ["zh", "en"] as const) {
    it(`every tab fits 320 and 450 px in ${lang === "zh" ? "Chinese" : "English"}: no element beyond the pane`, async () => {
      const { page } = h;
      mkdirSync(shots, { recursive: true });
      for (const fixture of FIXTURES) {
        for (const width of [320, 450]) {
          await page.setViewportSize({ width, height: 900 });
          await open(h, fixture, `&run=check${lang === "en" ? "&lang=en-US" : ""}`);
          for (const tab of TABS) {
            await showTab(page, tab);
            if (tab === "narrative") await page.getByTestId("section-conclusion").waitFor();
            expect({ fixture, width, tab, overflowing: await overflowing(h) }).toEqual({ fixture, width, tab, overflowing: [] });
            if (fixture === "000-07") await page.screenshot({ path: join(shots, `pane-${lang}-${tab}-${width}.png`), fullPage: false });
          }
        }
      }
    }, 240_000);
  }

  it("at 200 % zoom every tab stays reachable (the ones that don't fit go into a menu)", async () => {
    const { page } = h;
    for (const lang of ["", "&lang=en-US"]) {
      // A 320 px pane at 200 % zoom lays out 160 CSS pixels.
      await page.setViewportSize({ width: 160, height: 700 });
      await open(h, "000-07", `&run=check${lang}`);
      for (const tab of TABS) {
        const direct = page.getByTestId(`tab-${tab}`);
        if (await direct.isVisible() && (await direct.boundingBox())!.x + (await direct.boundingBox())!.width <= 160) await direct.click();
        else {
          await page.getByTestId("more-tabs").click();
          await page.getByTestId(`menu-tab-${tab}`).click();
        }
        expect(await page.getByRole("tab", { selected: true }).getAttribute("data-testid")).toBe(`tab-${tab}`);
        // The tab list (and its menu button) stays inside the pane.
        const right = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('[role="tablist"], [role="tablist"] > :not([data-overflowing])')).map((e) => e.getBoundingClientRect().right)));
        expect({ lang, tab, right: right <= 160 }).toEqual({ lang, tab, right: true });
      }
    }
  }, 120_000);

  it("Chinese pane: mainland punctuation, no 「」 and no half-width colon after Chinese text", async () => {
    const { page } = h;
    for (const fixture of FIXTURES) {
      await open(h, fixture);
      for (const tab of TABS) {
        await page.getByTestId(`tab-${tab}`).click();
        await page.getByTestId("busy").waitFor({ state: "detached" });
        const text = await page.evaluate(() => document.body.innerText);
        expect({ fixture, tab, corner: text.match(/.{0,12}[「」『』].{0,12}/g) }).toEqual({ fixture, tab, corner: null });
        expect({ fixture, tab, colon: text.match(/.{0,12}[\u4e00-\u9fff]:.{0,12}/g) }).toEqual({ fixture, tab, colon: null });
        expect(text).not.toMatch(/国家标准|叙述|评分表（评分表）/);
      }
    }
  }, 120_000);

  it("English pane: no Chinese UI text, only workbook content", async () => {
    const { page } = h;
    for (const fixture of FIXTURES) {
      // Whatever Chinese the workbook holds may show (names, quoted values); nothing else may.
      const workbook = (await readXlsxFile(join(root, "test/fixtures/xlsx", `${fixture}.xlsx`))).sheets.flatMap((s) => [s.name, ...s.values.flat().filter((v): v is string => typeof v === "string")]).join("\n");
      await open(h, fixture, "&run=check&lang=en-US");
      for (const tab of TABS) {
        await showTab(page, tab);
        const runs = await page.evaluate(() => {
          const out: string[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            // The report text and the language's own name are content, not interface.
            if (n.parentElement?.closest("[data-content], textarea, option[lang]")) continue;
            out.push(...(n.textContent ?? "").match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g) ?? []);
          }
          return out;
        });
        const ui = runs.filter((r) => !workbook.includes(r) && !/^[优良中差]$/.test(r));
        expect({ fixture, tab, chinese: ui }).toEqual({ fixture, tab, chinese: [] });
      }
    }
  }, 120_000);

  it("first run and the reviewer's summary card (screenshots)", async () => {
    const { page } = h;
    mkdirSync(shots, { recursive: true });
    for (const [lang, q] of [["zh", ""], ["en", "&lang=en-US"]] as const) {
      for (const width of [320, 450]) {
        await page.setViewportSize({ width, height: 700 });
        await page.goto(`${h.server.origin}/harness.html?fixture=000-07${q}`);
        await page.getByTestId("welcome").waitFor();
        await page.screenshot({ path: join(shots, `first-run-${lang}-${width}.png`) });
        await page.getByTestId("run-check").click();
        await page.getByTestId("summary").waitFor();
        await page.getByTestId("table").first().screenshot({ path: join(shots, `card-${lang}-${width}.png`) });
      }
    }
    await page.setViewportSize({ width: 350, height: 900 });
    await open(h, "000-07");
    await page.screenshot({ path: join(shots, "pane-zh.png") });
    await open(h, "000-07", "&run=check&lang=en-US");
    expect(await page.getByTestId("summary").textContent()).toBe("4 errors, 1 warning");
    await page.screenshot({ path: join(shots, "pane-en.png") });
  }, 120_000);
});
