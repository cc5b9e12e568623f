/**
 * SpreadsheetML escapes characters XML cannot carry (control characters) as `_xHHHH_` in string
 * values; Excel shows the character. `_x005F_` escapes the underscore of a literal "_xHHHH_".
 */
export function decodeEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
