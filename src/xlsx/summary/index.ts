/**
 * The reviewer's summary workbook (汇总, 问题明细, 说明), written from plain data with fflate: a new
 * package, not a patched copy, so it needs none of the fix writer's care for existing content.
 */
import { rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { buildXlsx } from "./package";
import { summarySheets } from "./content";
import type { SummaryInput } from "./types";

export type { SummaryFile, SummaryFinding, SummaryInput, SummarySeverity, SummaryTable } from "./types";
export { FINDINGS_HEADER, OVERVIEW_HEADER, SEVERITY_ZH, SUMMARY_SHEETS } from "./content";

export function summaryBytes(input: SummaryInput, created = new Date()): Uint8Array {
  return buildXlsx(summarySheets(input), { created: created.toISOString().replace(/\.\d{3}Z$/, "Z"), creator: `ScoreCheck ${input.version}` });
}

/** Writes the summary through a temporary file beside it, so a failure leaves no half-written file. */
export async function writeSummaryWorkbook(path: string, input: SummaryInput): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, summaryBytes(input));
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
