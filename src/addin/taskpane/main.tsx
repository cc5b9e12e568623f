import { createRoot } from "react-dom/client";
import type { WorkbookGateway } from "../gateway";
import { OfficeGateway } from "../office";
import { App } from "../pane/ui/App";
import { langFromOffice, type Lang } from "../pane/strings";

declare global {
  interface Window {
    /** Set by the test harness before this script runs: an in-memory workbook instead of Excel. */
    __SCORECHECK_GATEWAY__?: Promise<WorkbookGateway>;
  }
}

/** Local storage may be unavailable (policy, private mode): settings then last for the session. */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

async function connect(): Promise<{ gateway: WorkbookGateway; lang: Lang } | { outside: true }> {
  const params = new URLSearchParams(window.location.search);
  const injected = window.__SCORECHECK_GATEWAY__;
  if (injected) return { gateway: await injected, lang: langFromOffice(params.get("lang") ?? "zh-CN") };
  const info = await Office.onReady();
  if (!info.host) return { outside: true };
  return { gateway: new OfficeGateway(), lang: langFromOffice(Office.context.displayLanguage) };
}

async function start(): Promise<void> {
  const root = createRoot(document.getElementById("root")!);
  const params = new URLSearchParams(window.location.search);
  const c = await connect();
  if ("outside" in c) {
    root.render(<p style={{ padding: 16 }}>请在 Excel 中打开 ScoreCheck 评分表核查。 / Open ScoreCheck from Excel.</p>);
    return;
  }
  root.render(<App gateway={c.gateway} officeLang={c.lang} autorun={params.get("run") === "check"} store={storage()} />);
}

void start();
