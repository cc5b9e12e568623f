/** An Excel error value (#DIV/0!, #VALUE!, #REF!…): what Excel itself would show; IFERROR catches it. */
export class ExcelError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * Why a value cannot be known: a function or syntax this evaluator does not read, a circular
 * reference, a chain of references too deep to follow, or a referenced cell that is itself unknown.
 */
export type GapKind = "unsupported" | "cycle" | "too-deep" | "dependency";

export class Unknowable extends Error {
  constructor(
    readonly kind: GapKind,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}
