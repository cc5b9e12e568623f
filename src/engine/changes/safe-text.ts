/**
 * Text the add-in writes must stay text: a line starting with = + - @ would become a formula
 * (formula injection) when written through Office.js range.values. ExcelJS stores strings as
 * strings; Office.js needs the leading apostrophe, which marks a text constant and is not shown.
 */
export function needsTextGuard(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** For Office.js range.values: prefix an apostrophe where Excel would parse a formula. */
export function officeText(text: string): string {
  return needsTextGuard(text) ? `'${text}` : text;
}
