import { useCallback, useMemo, useReducer, useRef } from "react";
import type { Finding } from "../../../engine";
import type { GatewayError, WorkbookGateway } from "../../gateway";
import { engineOptions, saveSettings, type PaneSettings, type SettingsStore } from "../settings";
import { draftLines, type NarrativeDraft } from "../narrative-draft";
import { NoSelectionError, PaneSession, type CheckResult, type ChangeItem, type InsertChoice, type InsertPlan, type RecalcOptions } from "../session";
import { initialState, paneReducer, type Busy, type PaneState, type Tab } from "../state";
import { strings, type Lang, type Strings } from "../strings";

/** By shape, not instanceof: a gateway from another bundle (the test harness) has its own class. */
function isGatewayError(e: unknown): e is GatewayError {
  return typeof e === "object" && e !== null && (e as GatewayError).name === "GatewayError" && typeof (e as GatewayError).zh === "string";
}

/** The callbacks the tabs get: every workbook action, each followed by a fresh check. */
export interface PaneActions {
  check: (s?: PaneSettings) => Promise<void>;
  setTab: (tab: Tab) => void;
  goTo: (f: Finding) => void;
  mark: () => void;
  clearMarks: () => void;
  undo: () => void;
  dismiss: (id: number) => void;
  setRecalcOptions: (o: RecalcOptions) => void;
  untick: (ids: string[]) => void;
  preview: (on: boolean) => void;
  applyRecalc: (items: ChangeItem[]) => void;
  changeItems: (options: RecalcOptions) => ChangeItem[];
  showDraft: (key: string) => void;
  edit: (key: string, section: number, text: string) => void;
  discard: (key: string) => void;
  regenerate: (key: string) => void;
  keepDraft: (key: string) => void;
  planInsert: (draft: NarrativeDraft, where: "sheet" | "selection") => void;
  insert: (plan: InsertPlan, choice: InsertChoice) => void;
  cancelInsert: () => void;
  saveSettings: (s: PaneSettings) => void;
  notify: (tab: Tab, text: string) => void;
}

/** The pane's state and the actions on it: one session (undo journals) behind one reducer. */
export function usePane(
  gateway: WorkbookGateway,
  settings: PaneSettings,
  officeLang: Lang,
  t: Strings,
  store: SettingsStore | null,
  setSettings: (s: PaneSettings) => void,
  first: { session: PaneSession; result: CheckResult } | null = null,
): [PaneState, PaneActions, { focusResult: React.MutableRefObject<boolean> }] {
  const session = useMemo(() => (first && first.session.gateway === gateway ? first.session : new PaneSession(gateway)), [gateway, first]);
  // A check run before the first render (?run=check) is the initial state: results in the first paint.
  const [state, dispatch] = useReducer(paneReducer, first, (f) => (f ? paneReducer(initialState, { type: "checked", result: f.result }) : initialState));
  const stateRef = useRef(state);
  stateRef.current = state;
  /** Set when an action finishes, so the view moves focus to its result message. */
  const focusResult = useRef(false);
  const lang: Lang = settings.language === "auto" ? officeLang : settings.language;
  const describe = useCallback((e: unknown) => (isGatewayError(e) ? (lang === "en" ? e.en : e.zh) : e instanceof NoSelectionError ? t.noSelection : e instanceof Error ? e.message : String(e)), [lang, t]);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  const check = useCallback(
    async (s: PaneSettings = settingsRef.current) => {
      dispatch({ type: "busy", busy: "checking" });
      try {
        const result = await session.check(engineOptions(s, s.language === "auto" ? officeLang : s.language));
        dispatch({ type: "checked", result });
      } catch (e) {
        dispatch({ type: "check-failed", text: describe(e) });
      }
    },
    [session, officeLang, describe],
  );

  const journals = useCallback(() => dispatch({ type: "journals", last: session.lastJournal(), count: session.undoCount(), marked: session.hasMarks() }), [session]);

  /** Runs a workbook change, re-checks so every tab shows the workbook as it now is, then reports on the tab. */
  const change = useCallback(
    async (tab: Tab, busy: Busy, act: () => Promise<string | null>) => {
      dispatch({ type: "busy", busy });
      let message: string | null;
      try {
        message = await act();
      } catch (e) {
        dispatch({ type: "busy", busy: null });
        dispatch({ type: "message", tab, intent: "error", text: describe(e) });
        return;
      } finally {
        journals();
      }
      await check();
      if (message) {
        focusResult.current = true;
        dispatch({ type: "message", tab, intent: "success", text: message });
      }
    },
    [check, describe, journals],
  );

  const title = useCallback((x: { zh: string; en: string }) => (lang === "en" ? x.en : x.zh), [lang]);
  const actions: PaneActions = {
    check,
    setTab: (tab) => dispatch({ type: "tab", tab }),
    goTo: (f) => void session.gateway.select(f.sheet, f.cell).catch((e) => dispatch({ type: "message", tab: "results", intent: "error", text: describe(e) })),
    mark: () => void change("results", "applying", async () => (stateRef.current.result ? t.marksOn(await session.markFindings(stateRef.current.result)) : null)),
    clearMarks: () => void change("results", "undoing", async () => (await session.clearMarks(), t.marksCleared)),
    undo: () =>
      void change(stateRef.current.tab, "undoing", async () => {
        const j = await session.undoLast();
        return j ? t.undone(title(j.title)) : null;
      }),
    dismiss: (id) => dispatch({ type: "dismiss", id }),
    setRecalcOptions: (options) => dispatch({ type: "recalc-options", options }),
    untick: (unticked) => dispatch({ type: "recalc-untick", unticked }),
    preview: (previewing) => dispatch({ type: "recalc-preview", previewing }),
    applyRecalc: (items) =>
      void change("recalc", "applying", async () => {
        await session.apply({ title: { zh: "重新计算", en: "Recalculation" }, changes: items.map((i) => i.change) });
        return t.applied(items.length);
      }),
    changeItems: (options) => (stateRef.current.result ? session.changeItems(stateRef.current.result, options) : []),
    showDraft: (key) => dispatch({ type: "show-draft", key }),
    edit: (key, section, text) => dispatch({ type: "edit", key, section, text }),
    discard: (key) => {
      dispatch({ type: "discard", key });
      dispatch({ type: "message", tab: "narrative", intent: "info", text: t.discarded });
    },
    regenerate: (key) => dispatch({ type: "regenerate", key }),
    keepDraft: (key) => dispatch({ type: "keep-draft", key }),
    planInsert: (draft, where) => {
      const result = stateRef.current.result;
      if (!result) return;
      session.planInsert(draftLines(draft), where, result.snapshot).then(
        (plan) => dispatch({ type: "plan-insert", plan }),
        (e) => dispatch({ type: "message", tab: "narrative", intent: "error", text: describe(e) }),
      );
    },
    insert: (plan, choice) =>
      void change("narrative", "applying", async () => {
        dispatch({ type: "plan-insert", plan: null });
        const j = await session.insert(plan, choice);
        const where = j.addedSheets.length ? j.addedSheets.map((s) => `“${s}”`).join(t.listSep) : `${plan.sheet}!${choice === "below" && plan.kind === "area" && plan.below ? plan.below.range : plan.kind === "area" ? plan.range : "A1"}`;
        const undoes = [...j.addedSheets.map(t.undoRemoveSheet), ...(j.cells.length ? [t.undoRestoreCells(j.cells.length)] : [])].join(t.listSep);
        return `${t.inserted(where)}${t.insertedUndo(undoes)}`;
      }),
    cancelInsert: () => dispatch({ type: "plan-insert", plan: null }),
    saveSettings: (s) => {
      setSettings(s);
      saveSettings(store, s);
      void check(s).then(() => dispatch({ type: "message", tab: "settings", intent: "success", text: strings(s.language === "auto" ? officeLang : s.language).saved }));
    },
    notify: (tab, text) => dispatch({ type: "message", tab, intent: "info", text }),
  };
  return [state, actions, { focusResult }];
}
