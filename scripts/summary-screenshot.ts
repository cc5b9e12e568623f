/**
 * Draws docs/screenshots/summary.png, the README's picture of the reviewer's summary workbook: a
 * demo inbox built from the seed fixtures (npm run fixtures) is checked with --summary, LibreOffice
 * prints the summary to PDF, and pdftoppm (poppler-utils) renders the 汇总 sheet's table, cropped.
 *
 *   npx tsx scripts/summary-screenshot.ts [OUT.png]
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { main } from "../src/cli/main";
import { findSoffice } from "../src/xlsx/legacy";

const root = join(__dirname, "..");
const fixtures = join(root, "test/fixtures/xlsx");
const output = process.argv[2] ?? join(root, "docs/screenshots/summary.png");
/** Render resolution: the page is scaled to one page wide, so a high one keeps the text sharp. */
const DPI = 250;

const INBOX: [string, string][] = [
  ["000-07", "如皋市被征地农民保障中心/自评表.xlsx"],
  ["000-03", "如皋市被征地农民保障中心/印刷费自评表.xlsx"],
  ["001-01", "如皋市社保中心/自评表.xlsx"],
  ["002-01", "南充市第三方评价/附表.xlsx"],
  ["004-01", "渠县养老保险管理局/部门整体自评表.xlsx"],
  ["004-02", "渠县养老保险管理局/项目自评表.xlsx"],
];

function need(cmd: string): string {
  try {
    return execFileSync("sh", ["-c", `command -v ${cmd}`]).toString().trim();
  } catch {
    throw new Error(`${cmd} is needed (apt-get install ${cmd === "pdftoppm" ? "poppler-utils" : "libreoffice-calc"})`);
  }
}

/** The bounding box of non-white pixels in a binary PPM (P6), with a margin. */
function contentBox(ppm: Buffer, margin: number): { x: number; y: number; w: number; h: number } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 50).toString("latin1"));
  if (!header) throw new Error("unexpected PPM header");
  const [width, height] = [Number(header[1]), Number(header[2])];
  const data = ppm.subarray(header[0].length);
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  const x = Math.max(0, x0 - margin);
  const y = Math.max(0, y0 - margin);
  return { x, y, w: Math.min(width, x1 + margin) - x, h: Math.min(height, y1 + margin) - y };
}

async function run(): Promise<void> {
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) is needed: apt-get install libreoffice-calc");
  const pdftoppm = need("pdftoppm");
  const work = mkdtempSync(join(tmpdir(), "scorecheck-shot-"));
  const inbox = join(work, "2024年自评材料");
  for (const [id, rel] of INBOX) {
    const src = join(fixtures, `${id}.xlsx`);
    if (!existsSync(src)) throw new Error(`${src} is missing: run npm run fixtures`);
    mkdirSync(dirname(join(inbox, rel)), { recursive: true });
    copyFileSync(src, join(inbox, rel));
  }
  // A .xls as units still send them, and a Word document someone renamed .xlsx.
  const profile = `-env:UserInstallation=file://${join(work, "lo-profile")}`;
  mkdirSync(join(inbox, "晋中市养老保险中心"));
  copyFileSync(join(fixtures, "003-01.xlsx"), join(work, "自评表.xlsx"));
  execFileSync(soffice, [profile, "--headless", "--convert-to", "xls", "--outdir", join(inbox, "晋中市养老保险中心"), join(work, "自评表.xlsx")], { stdio: "ignore" });
  mkdirSync(join(inbox, "某街道办事处"));
  writeFileSync(join(inbox, "某街道办事处/自评表.xlsx"), zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") }));

  const summary = join(work, "汇总.xlsx");
  const quiet = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((_s: unknown, ...rest: unknown[]) => ((rest.find((x) => typeof x === "function") as (() => void) | undefined)?.(), true)) as typeof process.stdout.write;
  try {
    await main(["check", inbox, "--summary", summary]);
  } finally {
    process.stdout.write = quiet;
  }

  execFileSync(soffice, [profile, "--headless", "--convert-to", "pdf", "--outdir", work, summary], { stdio: "ignore" });
  const pdf = join(work, "汇总.pdf");
  execFileSync(pdftoppm, ["-r", String(DPI), "-f", "1", "-l", "1", "-singlefile", pdf, join(work, "page")]);
  const box = contentBox(readFileSync(join(work, "page.ppm")), 16);
  mkdirSync(dirname(output), { recursive: true });
  execFileSync(pdftoppm, ["-png", "-r", String(DPI), "-f", "1", "-l", "1", "-singlefile", "-x", String(box.x), "-y", String(box.y), "-W", String(box.w), "-H", String(box.h), pdf, output.replace(/\.png$/, "")]);
  console.log(`wrote ${output} (${box.w}×${box.h}) from ${summary}`);
}

run().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
