/**
 * Tokens of an Excel formula in A1 style, as the .xlsx stores it (English function names, commas
 * between arguments): numbers, strings, booleans, error literals, cell and range references with an
 * optional sheet ('Sheet name'!A1:B3, 评分表!F5), function names, operators and parentheses.
 */
export type Token =
  | { t: "num"; v: string }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "err"; v: string }
  | { t: "ref"; sheet: string | null; ref: string }
  | { t: "func"; name: string }
  | { t: "op"; v: string }
  | { t: "("; v: "(" }
  | { t: ")"; v: ")" }
  | { t: ","; v: "," };

/** A formula the evaluator cannot read: a name, an array constant, structured references… */
export class SyntaxFailure extends Error {}

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const STRING = /"((?:[^"]|"")*)"/y;
const QUOTED_SHEET = /'((?:[^']|'')+)'!/y;
const PLAIN_SHEET = /([^\s!'"()+\-*/^&=<>,:;%{}[\]#]+)!/y;
const CELL_RANGE = /\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?(?![A-Za-z0-9_(])/y;
const COLUMN_RANGE = /\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![A-Za-z0-9_(])/y;
const ROW_RANGE = /\$?\d+:\$?\d+(?![A-Za-z0-9_(])/y;
const FUNCTION = /(?:_xlfn\.|_xlws\.)?([A-Za-z][A-Za-z0-9.]*)\s*\(/y;
const BOOLEAN = /(TRUE|FALSE)(?![A-Za-z0-9_(])/iy;
const ERROR = /#(?:DIV\/0!|VALUE!|REF!|NAME\?|N\/A|NUM!|NULL!)/iy;
const OPERATOR = /<=|>=|<>|[-+*/^&=<>%]/y;

function at(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

export function tokenize(formula: string): Token[] {
  const s = formula.replace(/^=/, "");
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = at(STRING, s, i))) {
      out.push({ t: "str", v: m[1].replace(/""/g, '"') });
    } else if ((m = at(ERROR, s, i))) {
      out.push({ t: "err", v: m[0].toUpperCase() });
    } else if ((m = at(QUOTED_SHEET, s, i)) || (m = at(PLAIN_SHEET, s, i))) {
      const sheet = m[1].replace(/''/g, "'");
      const j = i + m[0].length;
      const r = at(CELL_RANGE, s, j) ?? at(COLUMN_RANGE, s, j) ?? at(ROW_RANGE, s, j);
      if (!r) throw new SyntaxFailure(`reference after ${sheet}!`);
      out.push({ t: "ref", sheet, ref: r[0] });
      i = j + r[0].length;
      continue;
    } else if ((m = at(FUNCTION, s, i))) {
      out.push({ t: "func", name: m[1].toUpperCase() });
    } else if ((m = at(BOOLEAN, s, i))) {
      out.push({ t: "bool", v: m[1].toUpperCase() === "TRUE" });
    } else if ((m = at(CELL_RANGE, s, i)) || (m = at(COLUMN_RANGE, s, i)) || (m = at(ROW_RANGE, s, i))) {
      out.push({ t: "ref", sheet: null, ref: m[0] });
    } else if ((m = at(NUMBER, s, i))) {
      out.push({ t: "num", v: m[0] });
    } else if ((m = at(OPERATOR, s, i))) {
      out.push({ t: "op", v: m[0] });
    } else if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ t: ch, v: ch } as Token);
      i++;
      continue;
    } else {
      throw new SyntaxFailure(`unexpected "${s.slice(i, i + 10)}"`);
    }
    i += m[0].length;
  }
  return out;
}
