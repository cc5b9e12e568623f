/**
 * The ribbon's 一键核查 (an ExecuteFunction command). The manifest puts the pane and its commands
 * in one shared runtime (SharedRuntime 1.1): the handler shows the pane and runs the check in it —
 * also when the pane is already open, with everything the user typed still there.
 *
 * Where Office has no shared runtime (Excel builds before 2002, Office on iPad), the handler runs
 * in a hidden copy of the page that cannot show the pane; it opens the help page's explanation in a
 * dialog instead, which says to use 打开面板 and the pane's own 一键核查 button.
 */
export const CHECK_ACTION = "checkWorkbook";

/** The part of Office.js the command uses (Office itself, or the harness's stand-in). */
export interface OfficeCommandHost {
  actions?: { associate(name: string, handler: (event: { completed(): void }) => void): void };
  addin?: { showAsTaskpane(): Promise<void> };
  context: {
    requirements: { isSetSupported(name: string, version?: string): boolean };
    ui?: { displayDialogAsync(url: string, options: { height: number; width: number }, callback?: (r: unknown) => void): void };
  };
}

/** Whether the ribbon's command and this page share one runtime (the pane can be shown and driven). */
export function sharedRuntime(office: OfficeCommandHost): boolean {
  return !!office.addin && office.context.requirements.isSetSupported("SharedRuntime", "1.1");
}

/** Registers the ribbon command; `check` runs the pane's check (pane/ribbon.ts). */
export function registerRibbonCommands(office: OfficeCommandHost, check: () => Promise<void>, helpUrl: string): void {
  office.actions?.associate(CHECK_ACTION, (event) => void runFromRibbon(office, check, helpUrl).finally(() => event.completed()));
}

export async function runFromRibbon(office: OfficeCommandHost, check: () => Promise<void>, helpUrl: string): Promise<void> {
  if (sharedRuntime(office)) {
    await office.addin!.showAsTaskpane();
    await check();
    return;
  }
  office.context.ui?.displayDialogAsync(`${helpUrl}#ribbon`, { height: 40, width: 30 });
}
