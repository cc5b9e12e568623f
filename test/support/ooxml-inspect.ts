/** Looking inside .xlsx packages in tests: parts, raw stored bytes, cell styles, notes. */
import { unzipSync, strFromU8 } from "fflate";
import { openZip } from "../../src/xlsx/package/zip";

export function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function partText(bytes: Uint8Array, name: string): string {
  const p = unzipSync(bytes, { filter: (f) => f.name === name })[name];
  if (!p) throw new Error(`no part ${name}`);
  return strFromU8(p);
}

/** Each part's stored (compressed) bytes and CRC, for byte-for-byte comparison of untouched parts. */
export function storedParts(bytes: Uint8Array): Map<string, { raw: Buffer; crc: number }> {
  return new Map([...openZip(bytes, "t.xlsx")].map(([n, e]) => [n, { raw: Buffer.from(e.raw()), crc: e.crc32 }]));
}

/** cell → style index (0 when absent) of every <c> in a sheet part. */
export function cellStyles(sheetXml: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of sheetXml.matchAll(/<c\b[^>]*>/g)) {
    const r = /\sr="([A-Z]+\d+)"/.exec(m[0])?.[1];
    if (r) out.set(r, Number(/\ss="(\d+)"/.exec(m[0])?.[1] ?? 0));
  }
  return out;
}

/** The <xf> elements of cellXfs, in order. */
export function cellXfs(stylesXml: string): string[] {
  const block = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? "";
  return [...block.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
}

export function fills(stylesXml: string): string[] {
  const block = /<fills\b[^>]*>([\s\S]*?)<\/fills>/.exec(stylesXml)?.[1] ?? "";
  return [...block.matchAll(/<fill\b[^>]*?(?:\/>|>[\s\S]*?<\/fill>)/g)].map((m) => m[0]);
}

export interface Note {
  ref: string;
  author: string;
  /** The note's <text> element as written. */
  xml: string;
  text: string;
}

export function notes(commentsXml: string): Note[] {
  const authors = [...commentsXml.matchAll(/<author>([^<]*)<\/author>/g)].map((m) => m[1]);
  return [...commentsXml.matchAll(/<comment\b[^>]*\sref="([^"]+)"[^>]*\sauthorId="(\d+)"[^>]*>([\s\S]*?)<\/comment>/g)].map((m) => ({
    ref: m[1],
    author: authors[Number(m[2])],
    xml: m[3],
    text: [...m[3].matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(""),
  }));
}
