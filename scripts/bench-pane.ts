/**
 * Task-pane benchmark: how long after a cold navigation the pane shows its first result, in headless
 * Chromium. Serves the built pane (build it first: OFFICE_JS=local npm run build:addin), opens
 * harness.html?run=check in a fresh browser context each run (empty cache) and records, inside the
 * page, when the 核查结果 summary appears (performance.now(): milliseconds since navigation start).
 *
 *   node node_modules/tsx/dist/cli.mjs scripts/bench-pane.ts [--runs 15] [--fixture sample] [--dist dist/addin[,OTHER]]
 *
 * Several builds (--dist a,b) are measured in alternation, run by run, so that a busy machine slows
 * them alike and their medians compare fairly.
 */
import { readdirSync, statSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { launch } from "../test/support/browser";
import { serve, type StaticServer } from "../test/support/static-server";
import { readXlsxFile } from "../src/xlsx/read";

const root = join(__dirname, "..");

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** One cold navigation: milliseconds until the summary shows, and the script bytes fetched. */
async function coldRun(browser: Browser, server: StaticServer, fixture: string): Promise<{ ms: number; bytes: number }> {
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
  const ms = await page.evaluate(() => (window as unknown as { __shownAt: number }).__shownAt);
  await context.close();
  return { ms, bytes };
}

async function main(): Promise<void> {
  const dists = arg("dist", "dist/addin").split(",").map((d) => resolve(root, d));
  for (const d of dists) if (!existsSync(join(d, "harness.html"))) throw new Error(`${d} has no harness.html: build the pane first (OFFICE_JS=local npm run build:addin)`);
  const runs = Number(arg("runs", "15"));
  const fixture = arg("fixture", "sample");
  const servers = await Promise.all(
    dists.map((d) =>
      serve(d, async (path) => {
        const m = /^\/fixtures\/([\w.-]+)\.json$/.exec(path);
        const file = m && join(root, "test/fixtures/xlsx", `${m[1]}.xlsx`);
        return file && m[1] !== "sample" && existsSync(file) ? JSON.stringify(await readXlsxFile(file)) : null;
      }),
    ),
  );
  const browser = await launch();
  const results = dists.map(() => ({ ms: [] as number[], bytes: [] as number[] }));
  try {
    // The first round warms the OS file cache and Chromium's processes; it is not counted.
    for (let i = 0; i <= runs; i++)
      for (const [k, server] of servers.entries()) {
        const r = await coldRun(browser, server, fixture);
        if (i > 0) {
          results[k].ms.push(r.ms);
          results[k].bytes.push(r.bytes);
        }
      }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
  console.log(`fixture ${fixture}, ${runs} cold navigations per build (fresh context each, after one warm-up round)`);
  dists.forEach((d, k) => {
    const { ms, bytes } = results[k];
    const js = readdirSync(d).filter((f) => f.endsWith(".js"));
    console.log(`\n${d}`);
    console.log(`  navigation → results shown: median ${median(ms).toFixed(0)} ms, min ${Math.min(...ms).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms`);
    console.log(`  scripts fetched before results: ${(median(bytes) / 1024).toFixed(0)} KB`);
    console.log(`  bundles: ${js.map((f) => `${f} ${(statSync(join(d, f)).size / 1024).toFixed(0)} KB`).join(", ")}`);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
