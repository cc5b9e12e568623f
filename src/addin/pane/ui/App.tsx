import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button, Caption1, FluentProvider, MessageBar, MessageBarBody, MessageBarActions, Spinner, Tab, TabList, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { WorkbookGateway } from "../../gateway";
import type { GatewayError } from "../../gateway";
import { PaneSession, type CheckResult } from "../session";
import { engineOptions, loadSettings, saveSettings, type PaneSettings, type SettingsStore } from "../settings";
import { strings, type Lang } from "../strings";
import { LangContext } from "./context";
import { ResultsTab } from "./ResultsTab";
import { RecalcTab } from "./RecalcTab";
import { NarrativeTab } from "./NarrativeTab";
import { SettingsTab } from "./SettingsTab";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  title: { flexGrow: 1, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  body: { padding: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  tabs: { overflowX: "auto" },
  undo: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export type Tab = "results" | "recalc" | "narrative" | "settings";

export interface AppProps {
  gateway: WorkbookGateway;
  /** Office's display language ("en-US"…); the 设置 tab may override it. */
  officeLang: Lang;
  /** The ribbon's 一键核查 opens the pane with ?run=check: check at once. */
  autorun: boolean;
  store: SettingsStore | null;
  /** Office's theme is dark (Office.context.officeTheme): follow it. */
  dark?: boolean;
}

/** By shape, not instanceof: a gateway from another bundle (the test harness) has its own class. */
function isGatewayError(e: unknown): e is GatewayError {
  return typeof e === "object" && e !== null && (e as GatewayError).name === "GatewayError" && typeof (e as GatewayError).zh === "string";
}

/** Busy state shown to the user: what is happening right now. */
type Busy = "checking" | "applying" | "undoing" | null;

export function App({ gateway, officeLang, autorun, store, dark = false }: AppProps) {
  const styles = useStyles();
  const session = useMemo(() => new PaneSession(gateway), [gateway]);
  const [settings, setSettings] = useState<PaneSettings>(() => loadSettings(store));
  const lang: Lang = settings.language === "auto" ? officeLang : settings.language;
  const t = strings(lang);
  const [tab, setTab] = useState<Tab>("results");
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);

  const describe = useCallback((e: unknown) => (isGatewayError(e) ? (lang === "en" ? e.en : e.zh) : e instanceof Error ? e.message : String(e)), [lang]);

  const check = useCallback(
    async (s: PaneSettings = settings) => {
      setBusy("checking");
      setError(null);
      try {
        setResult(await session.check(engineOptions(s, s.language === "auto" ? officeLang : s.language)));
        setRevision((r) => r + 1);
      } catch (e) {
        setResult(null);
        setError(describe(e));
      } finally {
        setBusy(null);
      }
    },
    [session, settings, officeLang, describe],
  );

  /** Runs a workbook change, then checks again so every tab shows the workbook as it now is. */
  const change = useCallback(
    async (what: Busy, act: () => Promise<string | null>) => {
      setBusy(what);
      setError(null);
      setNotice(null);
      try {
        const message = await act();
        await check();
        setNotice(message);
      } catch (e) {
        setError(describe(e));
        setBusy(null);
      }
    },
    [check, describe],
  );

  const fail = useCallback((e: unknown) => setError(describe(e)), [describe]);

  const started = useRef(false);
  useEffect(() => {
    if (autorun && !started.current) {
      started.current = true;
      void check();
    }
  }, [autorun, check]);

  const saveAndRecheck = (s: PaneSettings) => {
    setSettings(s);
    saveSettings(store, s);
    void check(s);
  };

  return (
    <LangContext.Provider value={lang}>
      <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.root} lang={lang}>
        <header className={styles.header}>
          <h1 className={styles.title}>{t.appTitle}</h1>
          <Button appearance="primary" data-testid="run-check" onClick={() => void check()} disabled={busy !== null}>
            {result ? t.recheck : t.runCheck}
          </Button>
        </header>
        <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as Tab)} size="small">
          <Tab value="results" data-testid="tab-results">{t.tabResults}</Tab>
          <Tab value="recalc" data-testid="tab-recalc">{t.tabRecalc}</Tab>
          <Tab value="narrative" data-testid="tab-narrative">{t.tabNarrative}</Tab>
          <Tab value="settings" data-testid="tab-settings">{t.tabSettings}</Tab>
        </TabList>
        <main className={styles.body}>
          <div aria-live="polite" role="status">
            {busy && <Spinner size="tiny" labelPosition="after" label={t[busy]} data-testid="busy" />}
          </div>
          {error && (
            <MessageBar intent="error" data-testid="error">
              <MessageBarBody>{t.errorPrefix}{error}</MessageBarBody>
              <MessageBarActions><Button size="small" onClick={() => setError(null)}>{t.dismiss}</Button></MessageBarActions>
            </MessageBar>
          )}
          {notice && (
            <MessageBar intent="success" data-testid="notice">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          {session.canUndo() && (
            <div className={styles.undo}>
              <Button size="small" disabled={busy !== null} data-testid="undo" onClick={() => void change("undoing", async () => (await session.undoLast(), t.undone))}>
                {t.undo}
              </Button>
              <Caption1>{t.history(session.undoCount())}</Caption1>
            </div>
          )}
          {tab === "results" && <ResultsTab result={result} session={session} busy={busy !== null} change={change} fail={fail} />}
          {tab === "recalc" && <RecalcTab key={revision} result={result} session={session} busy={busy !== null} change={change} fail={fail} />}
          {tab === "narrative" && <NarrativeTab key={revision} result={result} session={session} busy={busy !== null} change={change} fail={fail} />}
          {tab === "settings" && <SettingsTab settings={settings} onSave={saveAndRecheck} busy={busy !== null} />}
        </main>
      </FluentProvider>
    </LangContext.Provider>
  );
}

/** What the tabs get to change the workbook: the session and a wrapper that re-checks afterwards. */
export interface TabProps {
  result: CheckResult | null;
  session: PaneSession;
  busy: boolean;
  change: (what: Busy, act: () => Promise<string | null>) => Promise<void>;
  /** Shows an error from an action that does not change the workbook (going to a cell). */
  fail: (e: unknown) => void;
}
