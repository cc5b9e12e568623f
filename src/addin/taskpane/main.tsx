import { createRoot } from "react-dom/client";
import type { WorkbookGateway } from "../gateway";
import { OfficeGateway } from "../office";
import { App } from "../pane/ui/App";
import { langFromOffice, type Lang } from "../pane/strings";
import { ribbonCheck } from "../pane/ribbon";
import { PaneSession, type CheckResult } from "../pane/session";
import { engineOptions, loadSettings } from "../pane/settings";
import { registerRibbonCommands, type OfficeCommandHost } from "../commands/commands";

declare global {
  interface Window {
    /** Set by the test harness before this script runs: an in-memory workbook instead of Excel. */
    __SCORECHECK_GATEWAY__?: Promise<WorkbookGateway>;
    /** Set by the test harness: a stand-in for Office's command API (actions, addin, requirements). */
    __SCORECHECK_OFFICE__?: OfficeCommandHost;
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

/** Office's body background (OfficeTheme, where the host reports it) is dark: luminance under 50 %. */
function officeIsDark(): boolean {
  const hex = Office.context.officeTheme?.bodyBackgroundColor;
  const m = hex && /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

const helpUrl = new URL("help.html", window.location.href).href;

async function connect(): Promise<{ gateway: WorkbookGateway; lang: Lang; dark?: boolean } | { outside: true }> {
  const params = new URLSearchParams(window.location.search);
  const injected = window.__SCORECHECK_GATEWAY__;
  if (injected) {
    if (window.__SCORECHECK_OFFICE__) registerRibbonCommands(window.__SCORECHECK_OFFICE__, ribbonCheck, helpUrl);
    return { gateway: await injected, lang: langFromOffice(params.get("lang") ?? "zh-CN") };
  }
  const info = await Office.onReady();
  if (!info.host) return { outside: true };
  // The ribbon's 一键核查 runs in this page's runtime (the manifest's shared runtime).
  registerRibbonCommands(Office as unknown as OfficeCommandHost, ribbonCheck, helpUrl);
  return { gateway: new OfficeGateway(), lang: langFromOffice(Office.context.displayLanguage), dark: officeIsDark() };
}

async function start(): Promise<void> {
  const root = createRoot(document.getElementById("root")!);
  const params = new URLSearchParams(window.location.search);
  const c = await connect();
  if ("outside" in c) {
    root.render(<p style={{ padding: 16 }}>请在 Excel 中打开 ScoreCheck 评分表核查。 / Open ScoreCheck from Excel.</p>);
    return;
  }
  const autorun = params.get("run") === "check";
  const store = storage();
  // ?run=check: check before the first render, so the results are in the pane's first paint.
  let first: { session: PaneSession; result: CheckResult } | null = null;
  if (autorun) {
    const settings = loadSettings(store);
    const session = new PaneSession(c.gateway);
    // A failure here is left to the pane, which checks again and shows the error in its own words.
    first = await session.check(engineOptions(settings, settings.language === "auto" ? c.lang : settings.language)).then((result) => ({ session, result }), () => null);
  }
  root.render(<App gateway={c.gateway} officeLang={c.lang} autorun={autorun} store={store} dark={c.dark} first={first} />);
}

void start();
