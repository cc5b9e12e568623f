import { MemoryGateway } from "../memory-gateway";
import type { WorkbookSnapshot } from "../../engine/grid/types";

/**
 * Browser-test harness: loads a workbook snapshot (JSON from this origin, ?fixture=NAME) into the
 * in-memory gateway before the task pane starts, and exposes it for the test to inspect.
 */
declare global {
  interface Window {
    __SCORECHECK_MEMORY__?: MemoryGateway;
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
