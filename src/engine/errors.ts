/** A problem with the input that the user must fix; carries a message in both languages. */
export class InputError extends Error {
  constructor(
    readonly code: "not-found" | "unreadable" | "encrypted" | "legacy-xls" | "not-xlsx" | "corrupt" | "empty" | "too-large" | "protected" | "unwritable" | "exists" | "unsupported",
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = "InputError";
  }

  text(lang: "zh-CN" | "en"): string {
    return lang === "en" ? this.en : this.zh;
  }
}
