import { zhCN, type Strings } from "./zh-CN";
import { en } from "./en";

export type { Strings };
export type Lang = "zh-CN" | "en";

export function strings(lang: Lang): Strings {
  return lang === "en" ? en : zhCN;
}

/** Office's display language ("en-US", "zh-CN"…) → the pane's language: English for en-*, else Chinese. */
export function langFromOffice(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? "en" : "zh-CN";
}
