/**
 * The pane's state as React holds it: what the user sees and has typed (the analysis, the tab,
 * report drafts, the recalculation choices, a pending insert, messages). A reducer, so every change
 * is an action and tabs get data and callbacks, never the session object.
 */
import type { Analysis } from "../../engine";
import { basisOf, draftKey, draftsOf, type DraftBasis, type NarrativeDraft } from "./narrative-draft";
import { DEFAULT_RECALC, type CheckResult, type InsertPlan, type JournalInfo, type RecalcOptions } from "./session";

export type Tab = "results" | "recalc" | "narrative" | "settings";
export const TABS: Tab[] = ["results", "recalc", "narrative", "settings"];

/** What the pane is doing right now. */
export type Busy = "checking" | "applying" | "undoing" | null;

/** A message shown on the tab whose action produced it ("all" for checks and errors of the whole pane). */
export interface PaneMessage {
  id: number;
  tab: Tab | "all";
  intent: "success" | "error" | "info";
  text: string;
}

/** One table's report text: what the user edits, kept until they discard it. */
export interface DraftEntry {
  draft: NarrativeDraft;
  /** The text as generated from the figures in `basis`. */
  generated: NarrativeDraft;
  basis: DraftBasis;
  edited: boolean;
  /** The table's figures changed since: the new text and figures, offered, never applied unasked. */
  stale: { generated: NarrativeDraft; basis: DraftBasis } | null;
}

export interface RecalcChoices {
  options: RecalcOptions;
  /** Change ids the user unticked; null = the defaults (formula replacements unticked). */
  unticked: string[] | null;
  previewing: boolean;
}

export interface PaneState {
  tab: Tab;
  result: CheckResult | null;
  busy: Busy;
  messages: PaneMessage[];
  drafts: Record<string, DraftEntry>;
  /** The draft shown in the 自评报告 tab. */
  draftShown: string | null;
  recalc: RecalcChoices;
  /** An insert waiting for the user's go-ahead. */
  pendingInsert: InsertPlan | null;
  /** What 撤销本次修改 would restore, and how many applies can be undone. */
  undo: { last: JournalInfo | null; count: number };
  marked: boolean;
  /** Bumped after each check, so views can move focus to the fresh result. */
  checks: number;
}

export const initialState: PaneState = {
  tab: "results",
  result: null,
  busy: null,
  messages: [],
  drafts: {},
  draftShown: null,
  recalc: { options: DEFAULT_RECALC, unticked: null, previewing: false },
  pendingInsert: null,
  undo: { last: null, count: 0 },
  marked: false,
  checks: 0,
};

export type PaneAction =
  | { type: "tab"; tab: Tab }
  | { type: "busy"; busy: Busy }
  | { type: "checked"; result: CheckResult }
  | { type: "check-failed"; text: string }
  | { type: "message"; tab: Tab | "all"; intent: PaneMessage["intent"]; text: string }
  | { type: "dismiss"; id: number }
  | { type: "journals"; last: JournalInfo | null; count: number; marked: boolean }
  | { type: "recalc-options"; options: RecalcOptions }
  | { type: "recalc-untick"; unticked: string[] }
  | { type: "recalc-preview"; previewing: boolean }
  | { type: "show-draft"; key: string }
  | { type: "edit"; key: string; section: number; text: string }
  | { type: "discard"; key: string }
  | { type: "regenerate"; key: string }
  | { type: "keep-draft"; key: string }
  | { type: "plan-insert"; plan: InsertPlan | null };

let nextId = 1;

export function paneReducer(state: PaneState, a: PaneAction): PaneState {
  switch (a.type) {
    case "tab":
      return { ...state, tab: a.tab };
    case "busy":
      return { ...state, busy: a.busy };
    case "checked":
      return {
        ...state,
        busy: null,
        result: a.result,
        drafts: mergeDrafts(state.drafts, a.result.analysis),
        draftShown: state.draftShown,
        // The proposed changes are worked out afresh; an open preview would show the old ones.
        recalc: { ...state.recalc, unticked: null, previewing: false },
        pendingInsert: null,
        // Messages of the earlier check go; messages of the action that led here stay.
        messages: state.messages.filter((m) => m.intent !== "error"),
        checks: state.checks + 1,
      };
    case "check-failed":
      return { ...state, busy: null, result: null, messages: [...state.messages, { id: nextId++, tab: "all", intent: "error", text: a.text }] };
    case "message":
      // One message per tab: a new one replaces what the same tab said before.
      return { ...state, messages: [...state.messages.filter((m) => m.tab !== a.tab || (a.intent !== "error" && m.intent === "error")), { id: nextId++, tab: a.tab, intent: a.intent, text: a.text }] };
    case "dismiss":
      return { ...state, messages: state.messages.filter((m) => m.id !== a.id) };
    case "journals":
      return { ...state, undo: { last: a.last, count: a.count }, marked: a.marked };
    case "recalc-options":
      return { ...state, recalc: { options: a.options, unticked: null, previewing: false } };
    case "recalc-untick":
      return { ...state, recalc: { ...state.recalc, unticked: a.unticked, previewing: false } };
    case "recalc-preview":
      return { ...state, recalc: { ...state.recalc, previewing: a.previewing } };
    case "show-draft":
      return { ...state, draftShown: a.key, pendingInsert: null };
    case "edit":
      return withDraft(state, a.key, (e) => ({ ...e, edited: true, draft: { ...e.draft, sections: e.draft.sections.map((s, i) => (i === a.section ? { ...s, text: a.text } : s)) } }));
    case "discard":
      return withDraft(state, a.key, (e) => ({ ...e, edited: false, draft: e.generated }));
    case "regenerate":
      return withDraft(state, a.key, (e) => (e.stale ? { draft: e.stale.generated, generated: e.stale.generated, basis: e.stale.basis, edited: false, stale: null } : e));
    case "keep-draft":
      return withDraft(state, a.key, (e) => (e.stale ? { ...e, generated: e.stale.generated, basis: e.stale.basis, stale: null } : e));
    case "plan-insert":
      return { ...state, pendingInsert: a.plan };
  }
}

function withDraft(state: PaneState, key: string, f: (e: DraftEntry) => DraftEntry): PaneState {
  const e = state.drafts[key];
  return e ? { ...state, drafts: { ...state.drafts, [key]: f(e) } } : state;
}

const sameBasis = (a: DraftBasis, b: DraftBasis) => JSON.stringify(a) === JSON.stringify(b);

/**
 * After a check: new tables get a draft; a table whose figures are unchanged keeps its draft as it
 * is (edited or not); one whose figures changed keeps its draft too, with the new text offered.
 */
export function mergeDrafts(drafts: Record<string, DraftEntry>, analysis: Analysis): Record<string, DraftEntry> {
  const out: Record<string, DraftEntry> = { ...drafts };
  for (const generated of draftsOf(analysis)) {
    const calc = analysis.calcs.find((c) => c.table.index === generated.tableIndex)!;
    const key = draftKey(calc.table.sheet, generated.tableIndex);
    const basis = basisOf(analysis, generated.tableIndex)!;
    const e = out[key];
    if (!e) out[key] = { draft: generated, generated, basis, edited: false, stale: null };
    else if (!sameBasis(e.basis, basis)) out[key] = { ...e, stale: { generated, basis } };
    else if (e.stale) out[key] = { ...e, stale: null };
  }
  return out;
}

/** The drafts of the tables in the current analysis, in table order, with their keys. */
export function currentDrafts(state: PaneState): { key: string; entry: DraftEntry }[] {
  if (!state.result) return [];
  return state.result.analysis.calcs
    .filter((c) => c.table.kind === "scoring")
    .map((c) => ({ key: draftKey(c.table.sheet, c.table.index), entry: state.drafts[draftKey(c.table.sheet, c.table.index)] }))
    .filter((d) => !!d.entry);
}
