import { Suspense, lazy, useEffect, useRef, useState } from "react";
import { Button, Caption1, FluentProvider, Link, MessageBar, MessageBarActions, MessageBarBody, Spinner, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { WorkbookGateway } from "../../gateway";
import { loadSettings, type PaneSettings, type SettingsStore } from "../settings";
import { strings, type Lang } from "../strings";
import { LangContext, useStrings } from "./context";
import { PaneTabs } from "./PaneTabs";
import { ResultsTab } from "./ResultsTab";
import { usePane } from "./usePane";
import { onRibbonCheck } from "../ribbon";
import type { CheckResult, PaneSession } from "../session";

// The first screen is 核查结果; the other tabs load when first opened (their own script chunks).
const RecalcTab = lazy(() => import(/* webpackChunkName: "tab-recalc" */ "./RecalcTab"));
const NarrativeTab = lazy(() => import(/* webpackChunkName: "tab-narrative" */ "./NarrativeTab"));
const SettingsTab = lazy(() => import(/* webpackChunkName: "tab-settings" */ "./SettingsTab"));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1, minWidth: 0 },
  header: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  logo: { width: "24px", height: "24px", flexShrink: 0 },
  title: { flexGrow: 1, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0, minWidth: 0 },
  body: { padding: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0, overflowWrap: "anywhere" },
  live: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, "&:empty": { display: "none" } },
  undo: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  welcome: { margin: 0, paddingLeft: "1.2em", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface AppProps {
  gateway: WorkbookGateway;
  /** Office's display language ("en-US"…); the 设置 tab may override it. */
  officeLang: Lang;
  /** The ribbon's 一键核查 opened the pane with ?run=check: check at once. */
  autorun: boolean;
  store: SettingsStore | null;
  /** Office's theme is dark (Office.context.officeTheme): follow it. */
  dark?: boolean;
  /** The check ?run=check started before React rendered, with its session: shown in the first paint. */
  first?: { session: PaneSession; result: CheckResult } | null;
}

export function App({ gateway, officeLang, autorun, store, dark = false, first = null }: AppProps) {
  const styles = useStyles();
  const [settings, setSettings] = useState<PaneSettings>(() => loadSettings(store));
  const lang: Lang = settings.language === "auto" ? officeLang : settings.language;
  const t = strings(lang);
  const [state, actions, { focusResult }] = usePane(gateway, settings, officeLang, t, store, setSettings, first);
  const busy = state.busy !== null;

  const started = useRef(first !== null);
  useEffect(() => {
    if (autorun && !started.current) {
      started.current = true;
      void actions.check();
    }
  }, [autorun, actions]);

  // Under a shared runtime the ribbon's 一键核查 runs the check in this (open) pane.
  const checkRef = useRef(actions.check);
  checkRef.current = actions.check;
  useEffect(() => onRibbonCheck(() => checkRef.current()), []);

  const shown = state.messages.filter((m) => m.tab === "all" || m.tab === state.tab);
  // After an apply, focus moves to what it reports, so keyboard and screen-reader users land on the result.
  const lastMessage = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusResult.current && lastMessage.current) {
      focusResult.current = false;
      lastMessage.current.focus();
    }
  });

  const tabProps = { state, actions, busy };
  const undo = state.undo.last;
  return (
    <LangContext.Provider value={lang}>
      {/* Layout on an inner box: Fluent copies the provider's classes onto its portal nodes (menus, tooltips). */}
      <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={lang}>
        <div className={styles.root}>
        <header className={styles.header}>
          <img src="assets/icon-32.png" alt={t.logoAlt} className={styles.logo} />
          <h1 className={styles.title}>{t.appTitle}</h1>
          <Button appearance="primary" data-testid="run-check" onClick={() => void actions.check()} disabled={busy}>
            {state.result ? t.recheck : t.runCheck}
          </Button>
        </header>
        <PaneTabs tab={state.tab} onSelect={actions.setTab} />
        <main className={styles.body}>
          <div aria-live="polite" className={styles.live} data-testid="live">
            {state.busy && <Spinner size="tiny" labelPosition="after" label={t[state.busy]} data-testid="busy" />}
            {shown.map((m, i) => (
              <MessageBar key={m.id} intent={m.intent} data-testid={m.intent === "error" ? "error" : "notice"} ref={i === shown.length - 1 ? lastMessage : undefined} tabIndex={-1}>
                <MessageBarBody>
                  {m.intent === "error" ? t.errorPrefix : ""}
                  {m.text}
                </MessageBarBody>
                <MessageBarActions>
                  <Button size="small" onClick={() => actions.dismiss(m.id)}>
                    {t.dismiss}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            ))}
          </div>
          {undo && (
            <div className={styles.undo}>
              <Button size="small" disabled={busy} data-testid="undo" onClick={actions.undo} aria-describedby="undo-what">
                {t.undo}
              </Button>
              <Caption1 id="undo-what" data-testid="undo-what">
                {t.undoWhat(lang === "en" ? undo.title.en : undo.title.zh, undo.cells, undo.addedSheets)}
              </Caption1>
              {state.undo.count > 1 && <Caption1>{t.history(state.undo.count)}</Caption1>}
            </div>
          )}
          {state.tab === "results" && !state.result && !busy && !(autorun && state.checks === 0 && state.messages.length === 0) && <Welcome />}
          <Suspense fallback={<Spinner size="tiny" label={t.loadingTab} />}>
            {state.tab === "results" && <ResultsTab {...tabProps} />}
            {state.tab === "recalc" && <RecalcTab {...tabProps} />}
            {state.tab === "narrative" && <NarrativeTab {...tabProps} />}
            {state.tab === "settings" && <SettingsTab settings={settings} onSave={actions.saveSettings} busy={busy} />}
          </Suspense>
        </main>
        </div>
      </FluentProvider>
    </LangContext.Provider>
  );
}

/** The first screen: what the check does, in three lines, and where the help is. */
function Welcome() {
  const styles = useStyles();
  const t = useStrings();
  return (
    <section data-testid="welcome" aria-label={t.appTitle}>
      <ol className={styles.welcome}>
        {t.welcomeLines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      <Link href="help.html" target="_blank" data-testid="help-link">
        {t.help}
      </Link>
    </section>
  );
}
