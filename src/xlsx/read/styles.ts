/** The one thing the engine needs from styles.xml: each cell format's number format code. */
import { scanXml, sink } from "../package/xml";
import { builtInNumberFormat } from "./number-formats";

/**
 * Number format code per cellXfs index (a cell's `s`); null for General (id 0) or an id that is
 * neither built in nor defined in the part.
 */
export function readCellNumberFormats(stylesXml: string): (string | null)[] {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  scanXml(
    stylesXml,
    sink({
      open(name, a, selfClosing) {
        if (name === "numFmt" && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? "");
        else if (name === "cellXfs") inCellXfs = !selfClosing;
        else if (name === "xf" && inCellXfs) xfIds.push(Number(a.numFmtId ?? 0));
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
    }),
  );
  return xfIds.map((id) => (id ? (custom.get(id) ?? builtInNumberFormat(id) ?? null) : null));
}
