/**
 * Findings read as mainland officials write: “” quotation marks (never 「」『』), full-width colons after
 * Chinese text, and figures quoted apart from their labels — on every seed and corpus workbook, in the
 * engine itself (the CLI, the summary workbook and the pane all show these messages).
 */
import { join } from "node:path";
import { readdirSync } from "node:fs";
import { analyzeWorkbook } from "../../src/engine";
import { readWorkbookFile } from "../../src/xlsx";

const dir = join(__dirname, "../fixtures/xlsx");

it("every Chinese finding message uses mainland punctuation and quotes the figures it compares", async () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".xlsx") && !f.includes(".nomerge"));
  expect(files.length).toBeGreaterThan(15);
  const messages: string[] = [];
  for (const f of files) for (const finding of analyzeWorkbook(await readWorkbookFile(join(dir, f))).findings) messages.push(finding.message.zh);
  expect(messages.length).toBeGreaterThan(30);
  expect(messages.filter((m) => /[「」『』]/.test(m))).toEqual([]);
  expect(messages.filter((m) => /[\u4e00-\u9fff][:;]/.test(m))).toEqual([]);
  // "实际完成值入口补每年108.13万人低于目标值…" ran the value into its label.
  expect(messages.filter((m) => /(实际完成值|实际值)[^“，。（]+(低于|达到|未超过|超过)目标值/.test(m))).toEqual([]);
  expect(messages.some((m) => /实际完成值“[^”]+”低于目标值“[^”]+”/.test(m))).toBe(true);
});
