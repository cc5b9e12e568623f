import { parseA1 } from "../grid/address";

/**
 * The cells a simple summing formula adds up, each as often as it is counted:
 * =SUM(F5:F20), =F5+F6+F7, =SUM(F5:F9)+SUM(F11:F20), =SUBTOTAL(9,F5:F20).
 * Returns null for anything else (other functions, other sheets, arithmetic besides +):
 * we do not judge formulas we cannot read with certainty.
 */
export function summedCells(formula: string): { row: number; col: number }[] | null {
  let f = formula.trim().replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
  if (f.includes("!") || f.includes("[")) return null;
  f = f.replace(/SUBTOTAL\((9|109),/g, "SUM(");
  const out: { row: number; col: number }[] = [];
  const REF = /\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?/y;
  let i = 0;
  let depth = 0;
  while (i < f.length) {
    if (f.startsWith("SUM(", i)) {
      depth++;
      i += 4;
      continue;
    }
    const ch = f[i];
    if (ch === ")" && depth > 0) {
      depth--;
      i++;
      continue;
    }
    if (ch === "+" || (ch === "," && depth > 0) || ch === "(") {
      i++;
      continue;
    }
    REF.lastIndex = i;
    const m = REF.exec(f);
    if (!m) return null;
    const [a, b] = m[0].split(":");
    const p = parseA1(a);
    const q = b ? parseA1(b) : p;
    if (!p || !q) return null;
    for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++)
      for (let c = Math.min(p.col, q.col); c <= Math.max(p.col, q.col); c++) out.push({ row: r, col: c });
    i += m[0].length;
  }
  return depth === 0 ? out : null;
}
