import type { EngineOptions } from "../../engine";
import type { Lang } from "./strings";

/** What the 设置 tab keeps on this computer (never in the workbook). */
export interface PaneSettings {
  reverseRule: EngineOptions["reverseRule"];
  tolerance: string;
  split: EngineOptions["split"];
  language: "auto" | Lang;
}

export const DEFAULT_SETTINGS: PaneSettings = { reverseRule: "ratio", tolerance: "0.005", split: "auto", language: "auto" };

const KEY = "scorecheck.settings";

/** Minimal storage so tests can pass a Map-backed one; the pane uses localStorage. */
export interface SettingsStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function loadSettings(store: SettingsStore | null): PaneSettings {
  try {
    const raw = store?.getItem(KEY);
    return raw ? sanitize(JSON.parse(raw)) : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(store: SettingsStore | null, s: PaneSettings): void {
  try {
    store?.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage can be disabled by policy; settings then last for this session only.
  }
}

/** Anything stored by an older or tampered version falls back to the defaults field by field. */
export function sanitize(x: Partial<PaneSettings>): PaneSettings {
  return {
    reverseRule: x.reverseRule === "linear" ? "linear" : "ratio",
    tolerance: typeof x.tolerance === "string" && validTolerance(x.tolerance) ? x.tolerance : DEFAULT_SETTINGS.tolerance,
    split: x.split === "always" || x.split === "never" ? x.split : "auto",
    language: x.language === "en" || x.language === "zh-CN" ? x.language : "auto",
  };
}

export function validTolerance(t: string): boolean {
  return /^\d+(\.\d+)?$/.test(t.trim()) && Number(t) <= 1;
}

export function engineOptions(s: PaneSettings, lang: Lang): Partial<EngineOptions> {
  return { reverseRule: s.reverseRule, tolerance: s.tolerance.trim(), split: s.split, lang };
}
