/**
 * Task-pane benchmark: how long after a cold navigation the pane shows its first result, in headless
 * Chromium. Serves the built pane (build it first: OFFICE_JS=local npm run build:addin), opens
 * harness.html?run=check in a fresh browser context each run (empty cache) and records, inside the
 * page, when the 核查结果 summary appears (performance.now(): milliseconds since navigation start).
 *
 *   node node_modules/tsx/dist/cli.mjs scripts/bench-pane.ts [--runs 15] [--fixture sample] [--dist dist/addin]
 */
import { readdirSync, statSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { launch } from "../test/support/browser";
import { serve } from "../test/support/static-server";
import { readXlsxFile } from "../src/xlsx/reader";

const root = join(__dirname, "..");

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main(): Promise<void> {
  const dist = resolve(root, arg("dist", "dist/addin"));
  if (!existsSync(join(dist, "harness.html"))) throw new Error("build the pane first: OFFICE_JS=local npm run build:addin");
  const runs = Number(arg("runs", "15"));
  const fixture = arg("fixture", "sample");
  const server = await serve(dist, async (path) => {
    const m = /^\/fixtures\/([\w.-]+)\.json$/.exec(path);
    const file = m && join(root, "test/fixtures/xlsx", `${m[1]}.xlsx`);
    return file && m[1] !== "sample" && existsSync(file) ? JSON.stringify(await readXlsxFile(file)) : null;
  });
  const browser = await launch();
  const shown: number[] = [];
  const scripts: number[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 350, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __shownAt?: number };
        new MutationObserver((_, obs) => {
          if (document.querySelector('[data-testid="summary"]')) {
            w.__shownAt = performance.now();
            obs.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      let bytes = 0;
      page.on("response", (r) => {
        if (r.url().endsWith(".js")) void r.body().then((b) => (bytes += b.length), () => undefined);
      });
      await page.goto(`${server.origin}/harness.html?fixture=${fixture}&run=check`);
      await page.getByTestId("summary").waitFor({ timeout: 60_000 });
      const at = await page.evaluate(() => (window as unknown as { __shownAt: number }).__shownAt);
      // The first run warms the OS file cache and Chromium's process; it is not counted.
      if (i > 0) {
        shown.push(at);
        scripts.push(bytes);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const js = readdirSync(dist).filter((f) => f.endsWith(".js"));
  const size = (f: string) => statSync(join(dist, f)).size;
  console.log(`fixture ${fixture}, ${runs} cold navigations (fresh context each, first of ${runs + 1} discarded)`);
  console.log(`navigation → results shown: median ${median(shown).toFixed(0)} ms, min ${Math.min(...shown).toFixed(0)} ms, max ${Math.max(...shown).toFixed(0)} ms`);
  console.log(`scripts fetched before results: ${(median(scripts) / 1024).toFixed(0)} KB`);
  console.log(`bundles: ${js.map((f) => `${f} ${(size(f) / 1024).toFixed(0)} KB`).join(", ")}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
