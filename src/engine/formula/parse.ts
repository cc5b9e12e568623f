import { SyntaxFailure, tokenize, type Token } from "./tokens";

export type Node =
  | { k: "num"; v: string }
  | { k: "str"; v: string }
  | { k: "bool"; v: boolean }
  | { k: "err"; v: string }
  | { k: "ref"; sheet: string | null; ref: string }
  | { k: "unary"; op: "-" | "+"; arg: Node }
  | { k: "percent"; arg: Node }
  | { k: "binary"; op: string; left: Node; right: Node }
  | { k: "call"; name: string; args: Node[] };

/** Binary operators by Excel's precedence, lowest first. */
const LEVELS: string[][] = [["=", "<>", "<", ">", "<=", ">="], ["&"], ["+", "-"], ["*", "/"], ["^"]];

/** Parses a formula ("=SUM(F4:F10)/2") into a tree; throws SyntaxFailure on what it cannot read. */
export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula);
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const isOp = (tok: Token | undefined, ops: string[]) => tok?.t === "op" && ops.includes(tok.v);

  function binary(level: number): Node {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    while (isOp(peek(), LEVELS[level])) {
      const op = (tokens[i++] as { v: string }).v;
      left = { k: "binary", op, left, right: binary(level + 1) };
    }
    return left;
  }

  // Excel binds the sign tighter than ^ (-2^2 is 4) and % tighter still.
  function unary(): Node {
    const tok = peek();
    if (isOp(tok, ["-", "+"])) {
      i++;
      return { k: "unary", op: (tok as { v: "-" | "+" }).v, arg: unary() };
    }
    return postfix();
  }

  function postfix(): Node {
    let node = primary();
    while (isOp(peek(), ["%"])) {
      i++;
      node = { k: "percent", arg: node };
    }
    return node;
  }

  function primary(): Node {
    const tok = tokens[i++];
    if (!tok) throw new SyntaxFailure("formula ends early");
    switch (tok.t) {
      case "num":
        return { k: "num", v: tok.v };
      case "str":
        return { k: "str", v: tok.v };
      case "bool":
        return { k: "bool", v: tok.v };
      case "err":
        return { k: "err", v: tok.v };
      case "ref":
        return { k: "ref", sheet: tok.sheet, ref: tok.ref };
      case "(": {
        const inner = binary(0);
        expect(")");
        return inner;
      }
      case "func": {
        const args: Node[] = [];
        if (peek()?.t === ")") {
          i++;
          return { k: "call", name: tok.name, args };
        }
        for (;;) {
          // An omitted argument (ROUND(x,) or IF(a,,b)) counts as 0, as in Excel.
          args.push(peek()?.t === "," || peek()?.t === ")" ? { k: "num", v: "0" } : binary(0));
          const next = tokens[i++];
          if (next?.t === ")") break;
          if (next?.t !== ",") throw new SyntaxFailure(`expected , or ) in ${tok.name}`);
        }
        return { k: "call", name: tok.name, args };
      }
      default:
        throw new SyntaxFailure(`unexpected ${tok.t === "op" ? tok.v : tok.t}`);
    }
  }

  function expect(t: Token["t"]): void {
    if (tokens[i]?.t !== t) throw new SyntaxFailure(`expected ${t}`);
    i++;
  }

  const tree = binary(0);
  if (i !== tokens.length) throw new SyntaxFailure("unexpected text after the formula");
  return tree;
}
