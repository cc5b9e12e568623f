/** The lean .xlsx reader: a workbook file or its bytes → the engine's WorkbookSnapshot. */
import { basename } from "node:path";
import type { WorkbookSnapshot } from "../../engine";
import { readFileBytes } from "./file";
import { readXlsxBytes } from "./workbook";

export { readFileBytes } from "./file";
export { readXlsxBytes } from "./workbook";

export async function readXlsxFile(path: string, name = basename(path)): Promise<WorkbookSnapshot> {
  return readXlsxBytes(await readFileBytes(path), name);
}
