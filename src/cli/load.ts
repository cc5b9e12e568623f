import { extname } from "node:path";
import { InputError, type WorkbookSnapshot } from "../engine";
import { readWorkbookFile } from "../xlsx";
import { convertLegacyFiles, isLegacyPath } from "../xlsx/legacy";

/** A workbook's snapshot; a file with no sheets (a .docx renamed .xlsx) is not a workbook. */
export async function readSnapshot(path: string, name: string): Promise<WorkbookSnapshot> {
  const snapshot = await readWorkbookFile(path, { name });
  if (snapshot.sheets.length === 0)
    throw new InputError("not-xlsx", `${name}：不是 Excel 工作簿（文件中没有工作表）`, `${name}: not an Excel workbook (it holds no worksheets)`);
  return snapshot;
}

/** Reads one file of any supported format (legacy ones through LibreOffice) for a single-file command. */
export async function loadAny(path: string, name: string): Promise<{ snapshot: WorkbookSnapshot; readPath: string; dispose: () => Promise<void> }> {
  if (!isLegacyPath(path)) return { snapshot: await readSnapshot(path, name), readPath: path, dispose: async () => undefined };
  const conv = await convertLegacyFiles([path], { names: [name] });
  const [r] = conv.results;
  try {
    if (typeof r !== "string") throw r;
    return { snapshot: await readSnapshot(r, name), readPath: r, dispose: conv.dispose };
  } catch (e) {
    await conv.dispose();
    throw e;
  }
}

export const legacyExt = (path: string) => (isLegacyPath(path) ? extname(path).toLowerCase() : null);
