/**
 * Shared formulas: Excel stores `<f t="shared" si="0" ref="G4:G20">SUM(D4:F4)</f>` once, in the
 * first cell, and only `<f t="shared" si="0"/>` in the others. Each cell's own formula is the
 * master's with its relative references moved by the offset between the two cells, as Excel shows it.
 */

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** A run of characters that may be a reference, a name, a function or a number. */
const WORD = /[A-Za-z0-9_.$\\?\u00A0-\uFFFF]+/y;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)([0-9]+)$/;

/** The master's formula text (no "="), moved by (dRow, dCol). */
export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name: copied as is ("" and '' escape the quote).
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      // A structured reference (Table1[[#This Row],[金额]]) or an external book index: copied.
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    WORD.lastIndex = i;
    const m = WORD.exec(formula);
    if (!m) {
      out += ch;
      i++;
      continue;
    }
    const word = m[0];
    const after = i + word.length;
    const next = formula[after];
    if (next === "(" || next === "!" || next === "[") {
      out += word; // a function, a sheet name, a table name
      i = after;
      continue;
    }
    // A whole-column or whole-row range (A:C, 3:5) moves in one direction only.
    if (next === ":") {
      WORD.lastIndex = after + 1;
      const m2 = WORD.exec(formula);
      const other = m2 && m2.index === after + 1 ? m2[0] : null;
      if (other && COLUMN.test(word) && COLUMN.test(other) && formula[after + 1 + other.length] !== "(") {
        out += `${moveColumn(word, dCol)}:${moveColumn(other, dCol)}`;
        i = after + 1 + other.length;
        continue;
      }
      if (other && ROW.test(word) && ROW.test(other)) {
        out += `${moveRow(word, dRow)}:${moveRow(other, dRow)}`;
        i = after + 1 + other.length;
        continue;
      }
    }
    const cell = CELL.exec(word);
    out += cell ? moveCell(cell, dRow, dCol) : word;
    i = after;
  }
  return out;
}

function moveCell(m: RegExpExecArray, dRow: number, dCol: number): string {
  const [, colAbs, letters, rowAbs, digits] = m;
  const col0 = columnNumber(letters);
  const row0 = Number(digits);
  if (col0 > MAX_COL || row0 < 1 || row0 > MAX_ROW) return m[0]; // a name such as LOG10 or TAX2021
  const col = colAbs ? col0 : col0 + dCol;
  const row = rowAbs ? row0 : row0 + dRow;
  if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return "#REF!";
  return `${colAbs}${columnLetters(col)}${rowAbs}${row}`;
}

function moveColumn(ref: string, dCol: number): string {
  if (ref.startsWith("$")) return ref;
  const col = columnNumber(ref) + dCol;
  return col < 1 || col > MAX_COL ? "#REF!" : columnLetters(col);
}

function moveRow(ref: string, dRow: number): string {
  if (ref.startsWith("$")) return ref;
  const row = Number(ref) + dRow;
  return row < 1 || row > MAX_ROW ? "#REF!" : String(row);
}

/** "A" → 1, "XFD" → 16384. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let k = 0; k < letters.length; k++) n = n * 26 + ((letters.charCodeAt(k) | 32) - 96);
  return n;
}

export function columnLetters(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
