import { parseRangeA1, toA1, type CellValue, type ChangeSet, type WorkbookSnapshot } from "../../engine";
import { GatewayError, type GatewayCapabilities, type ReadStats, type UndoJournal, type WorkbookGateway } from "../gateway";
import { formulaOf, PAYLOAD_BUDGET, readSheets, stripSheet } from "./read";
import { applyChanges, undoChanges } from "./apply";

type Run = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeHost {
  run: Run;
  isSetSupported: (name: string, version: string) => boolean;
}

/** The real host: Excel.run and Office.context.requirements. */
export function excelHost(): OfficeHost {
  return {
    run: (options, batch) => Excel.run(options, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/**
 * The only module that talks to Excel. Newer APIs are feature-detected so that Office 2016/2019
 * (ExcelApi 1.1–1.9) still reads, checks and writes; merged areas need 1.13, notes 1.18, undo
 * grouping 1.20.
 */
export class OfficeGateway implements WorkbookGateway {
  private journals = 0;

  constructor(private readonly host: OfficeHost = excelHost()) {}

  private runOptions(): Excel.RunOptions {
    const o: Excel.RunOptions = {};
    if (this.host.isSetSupported("ExcelApi", "1.11")) o.delayForCellEdit = true;
    if (this.host.isSetSupported("ExcelApi", "1.20")) o.mergeUndoGroup = true;
    return o;
  }

  private async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.host.run(this.runOptions(), batch);
    } catch (e) {
      if (e instanceof GatewayError) throw e;
      const code = (e as { code?: string }).code ?? "";
      if (/CellEdit/i.test(code) || /cell edit/i.test((e as Error).message ?? ""))
        throw new GatewayError("cell-edit", "Excel 正处于单元格编辑状态，请按 Enter 或 Esc 结束编辑后重试", "Excel is in cell-edit mode; press Enter or Esc and try again");
      if (/PayloadSize|RequestPayloadSizeLimitExceeded/i.test(code))
        throw new GatewayError("too-large", "工作簿过大，超出 Excel 单次传输上限（5 MB）", "the workbook exceeds Excel's 5 MB request limit");
      throw new GatewayError("api", `Excel 操作失败：${(e as Error).message}`, `Excel request failed: ${(e as Error).message}`);
    }
  }

  /** ExcelApi 1.18: cell notes, where marks carry their text (else a findings sheet; see apply.ts). */
  private notes(): boolean {
    return this.host.isSetSupported("ExcelApi", "1.18");
  }

  async capabilities(): Promise<GatewayCapabilities> {
    return {
      mergedAreas: this.host.isSetSupported("ExcelApi", "1.13"),
      notes: this.notes() ? "notes" : "sheet",
      undoGroup: this.host.isSetSupported("ExcelApi", "1.20"),
    };
  }

  async readWorkbook(): Promise<{ snapshot: WorkbookSnapshot; stats: ReadStats }> {
    const merges = this.host.isSetSupported("ExcelApi", "1.13");
    const stats: ReadStats = { syncs: 0, largestPayloadBytes: 0 };
    for (let budget = PAYLOAD_BUDGET; ; budget /= 8) {
      try {
        const sheets = await this.run((context) => readSheets(context, { merges, budget }, stats));
        if (sheets.every((s) => s.values.length === 0))
          throw new GatewayError("empty", "工作簿是空的：没有可核查的内容", "the workbook is empty: nothing to check");
        return { snapshot: { source: "当前工作簿", sheets }, stats };
      } catch (e) {
        // The size estimate ran short (long texts): read again in pieces an eighth the size, down to 8 KB.
        if (!(e instanceof GatewayError && e.code === "too-large") || budget <= PAYLOAD_BUDGET / 512) throw e;
      }
    }
  }

  async apply(set: ChangeSet): Promise<UndoJournal> {
    const id = `j${++this.journals}-${Date.now()}`;
    return (await this.run((context) => applyChanges(context, set, id, { notes: this.notes() }))).journal;
  }

  async undo(journal: UndoJournal): Promise<void> {
    await this.run((context) => undoChanges(context, journal));
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  async selection(): Promise<{ sheet: string; cell: string } | null> {
    return this.run(async (context) => {
      // getSelectedRange is ExcelApi 1.1 (getActiveCell needs 1.7); its top-left cell is the one.
      const range = context.workbook.getSelectedRange();
      range.load("address");
      await context.sync();
      const at = range.address.lastIndexOf("!");
      const sheet = range.address.slice(0, at).replace(/^'|'$/g, "").replace(/''/g, "'");
      return { sheet, cell: stripSheet(range.address).split(":")[0] };
    });
  }

  /** One area's values and formulas in one round trip (ExcelApi 1.1), before the pane writes there. */
  async readArea(sheet: string, range: string): Promise<{ cell: string; value: CellValue; formula: string | null }[]> {
    const area = parseRangeA1(range);
    if (!area) throw new GatewayError("api", `无效的区域：${range}`, `invalid range: ${range}`);
    return this.run(async (context) => {
      const r = context.workbook.worksheets.getItem(sheet).getRange(range);
      r.load("values,formulas");
      await context.sync();
      const formulas: unknown[][] = r.formulas;
      return r.values.flatMap((row, i) =>
        row.map((v, j) => ({ cell: toA1(area.top + i, area.left + j), value: v === "" ? null : (v as CellValue), formula: formulaOf(formulas[i][j], v) })),
      );
    });
  }
}
