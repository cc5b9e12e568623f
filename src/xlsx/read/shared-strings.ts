/**
 * The shared string table, streamed: a rich-text string is the text of its runs; phonetic guides
 * (<rPh>, furigana/pinyin over the text) are not part of the cell's value.
 */
import type { ZipEntry } from "../package/zip";
import { XmlTokenizer } from "../package/xml";
import { decodeEscapes } from "./escapes";
import type { CellBudget } from "./limits";

/** `limit` bounds the part's inflated size, `budget` the number of strings (each costs a cell's memory). */
export function readSharedStrings(entry: ZipEntry, limit: number | undefined, budget: CellBudget): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  const tokenizer = new XmlTokenizer({
    open(name, _a, selfClosing) {
      if (name === "si") current = "";
      else if (name === "rPh") phonetic += selfClosing ? 0 : 1;
      else if (name === "t" && phonetic === 0 && !selfClosing) inText = true;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic = Math.max(0, phonetic - 1);
      else if (name === "si" && current !== null) {
        budget.take(entry.name);
        out.push(decodeEscapes(current));
        current = null;
      }
    },
    text(t) {
      if (inText && current !== null) current += t;
    },
  });
  entry.stream((chunk, final) => tokenizer.writeBytes(chunk, final), limit);
  return out;
}
