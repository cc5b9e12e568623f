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

const name = new URLSearchParams(window.location.search).get("fixture") ?? "sample";
window.__SCORECHECK_GATEWAY__ = fetch(`fixtures/${encodeURIComponent(name)}.json`)
  .then((r) => {
    if (!r.ok) throw new Error(`fixture ${name}: HTTP ${r.status}`);
    return r.json() as Promise<WorkbookSnapshot>;
  })
  .then((snapshot) => (window.__SCORECHECK_MEMORY__ = new MemoryGateway(snapshot)));
