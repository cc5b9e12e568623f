import { MemoryGateway } from "../memory-gateway";
import type { WorkbookSnapshot } from "../../engine";
import type { OfficeCommandHost } from "../commands/commands";

/**
 * Browser-test harness: loads a workbook snapshot (JSON from this origin, ?fixture=NAME) into the
 * in-memory gateway before the task pane starts, and exposes it for the test to inspect. It also
 * stands in for Office's command API as a shared runtime would offer it (?shared=0: without one),
 * so a test can press the ribbon's 一键核查 with the pane open.
 */
declare global {
  interface Window {
    __SCORECHECK_MEMORY__?: MemoryGateway;
    /** The ribbon handlers the pane registered, by action id, and what they did. */
    __SCORECHECK_RIBBON__?: { handlers: Record<string, (event: { completed(): void }) => void>; shown: number; dialogs: string[] };
  }
}

const params = new URLSearchParams(window.location.search);
const name = params.get("fixture") ?? "sample";
/** ?protect=SHEET marks a sheet protected, as Excel would report it. */
const protect = params.getAll("protect");
window.__SCORECHECK_GATEWAY__ = fetch(`fixtures/${encodeURIComponent(name)}.json`)
  .then((r) => {
    if (!r.ok) throw new Error(`fixture ${name}: HTTP ${r.status}`);
    return r.json() as Promise<WorkbookSnapshot>;
  })
  .then((snapshot) => {
    for (const sheet of snapshot.sheets) if (protect.includes(sheet.name)) sheet.protected = true;
    return (window.__SCORECHECK_MEMORY__ = new MemoryGateway(snapshot));
  });

const ribbon: NonNullable<Window["__SCORECHECK_RIBBON__"]> = (window.__SCORECHECK_RIBBON__ = { handlers: {}, shown: 0, dialogs: [] });
const shared = params.get("shared") !== "0";
const host: OfficeCommandHost = {
  actions: { associate: (id, handler) => void (ribbon.handlers[id] = handler) },
  addin: shared ? { showAsTaskpane: async () => void ribbon.shown++ } : undefined,
  context: {
    requirements: { isSetSupported: (set) => set === "SharedRuntime" && shared },
    ui: { displayDialogAsync: (url) => void ribbon.dialogs.push(url) },
  },
};
window.__SCORECHECK_OFFICE__ = host;
