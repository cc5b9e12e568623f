import type { Rule } from "./types";

/**
 * What recognition could not decide with confidence (which column holds the weights, whether a row
 * is a subtotal…): said as a note, never as an error, so that a reviewer can judge it.
 */
export const recognitionDoubt: Rule = {
  id: "recognition-doubt",
  severity: "info",
  description: { zh: "表格识别中无法确定的地方", en: "What the table's reading could not decide" },
  appliesTo: () => true,
  check({ table }) {
    return (table.doubts ?? []).map((d) => ({ pos: d.pos, message: d.message }));
  },
};
