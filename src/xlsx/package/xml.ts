/**
 * A small streaming XML tokenizer for SpreadsheetML parts. It reports start tags (local name,
 * attributes by qualified name), end tags and text with entities decoded; it never expands a DTD's
 * entities or fetches anything. Built for sheet XML, where it runs several times faster than a
 * general well-formedness-checking parser; it accepts what Excel and other writers produce and
 * throws XmlError on text it cannot tokenize.
 */

export type XmlAttrs = Record<string, string>;

export interface XmlSink {
  /** A start tag; `name` is the local name (any prefix dropped). */
  open(name: string, attrs: XmlAttrs, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data (text or CDATA), entities decoded; may come in several pieces. */
  text(text: string): void;
}

export class XmlError extends Error {}

/** Text in one piece longer than any value a workbook can hold (a cell holds 32,767 characters). */
export class XmlTextTooLong extends XmlError {}

/** A tag longer than this with no end in sight is malformed, not incomplete. */
const MAX_TAG = 1 << 20;
/** Text between two tags longer than this is refused before it nears V8's string limit. */
export const MAX_TEXT = 16 * 2 ** 20;

export class XmlTokenizer {
  private pending = "";
  /** Created on the first bytes: most parts are decoded whole and never need one. */
  private decoder: TextDecoder | null = null;

  constructor(private readonly sink: XmlSink) {}

  /** Feeds UTF-8 bytes (a chunk of a streamed part). */
  writeBytes(chunk: Uint8Array, final = false): void {
    this.decoder ??= new TextDecoder(encodingOf(chunk));
    this.write(this.decoder.decode(chunk, { stream: !final }));
    if (final) this.end();
  }

  write(chunk: string): void {
    this.pending = this.drain(this.pending.length ? this.pending + chunk : chunk, false);
  }

  end(): void {
    const rest = this.drain(this.pending, true);
    this.pending = "";
    if (rest.trim()) throw new XmlError(`unexpected end of XML near “${rest.slice(0, 40)}”`);
  }

  /** Tokenizes what it can of `s`; returns the unfinished tail to keep for the next chunk. */
  private drain(s: string, final: boolean): string {
    const sink = this.sink;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) {
        if (n - i > MAX_TEXT) throw new XmlTextTooLong(`text of more than ${MAX_TEXT / 2 ** 20} MB in one piece`);
        if (!final) return s.slice(i); // text may go on in the next chunk
        sink.text(decodeXml(s.slice(i)));
        return "";
      }
      if (lt > i) {
        if (lt - i > MAX_TEXT) throw new XmlTextTooLong(`text of more than ${MAX_TEXT / 2 ** 20} MB in one piece`);
        sink.text(decodeXml(s.slice(i, lt)));
      }
      i = lt;
      const c = s.charCodeAt(lt + 1);
      if (c === 47 /* / */) {
        const gt = s.indexOf(">", lt);
        if (gt < 0) break;
        // The name runs from after "</" (and any prefix) to the first space or ">".
        let start = lt + 2;
        let end = start;
        for (; end < gt; end++) {
          const ch = s.charCodeAt(end);
          if (ch === 58 /* : */) start = end + 1;
          else if (ch <= 32) break;
        }
        sink.close(s.slice(start, end));
        i = gt + 1;
        continue;
      }
      if (c === 63 /* ? */) {
        const end = s.indexOf("?>", lt);
        if (end < 0) break;
        i = end + 2;
        continue;
      }
      if (c === 33 /* ! */) {
        const next = this.special(s, lt, final);
        if (next < 0) break;
        i = next;
        continue;
      }
      if (lt + 1 >= n) break;
      const next = this.startTag(s, lt, final);
      if (next < 0) break;
      i = next;
    }
    if (final && i < n) throw new XmlError(`unterminated markup near “${s.slice(i, i + 40)}”`);
    if (n - i > MAX_TAG) throw new XmlError(`markup longer than ${MAX_TAG} characters near “${s.slice(i, i + 40)}”`);
    return s.slice(i);
  }

  /** Comments, CDATA and a DOCTYPE (skipped, internal subset included). Returns -1 when incomplete. */
  private special(s: string, lt: number, final: boolean): number {
    if (s.length - lt < 9 && !final) return -1;
    if (s.startsWith("<!--", lt)) {
      const end = s.indexOf("-->", lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith("<![CDATA[", lt)) {
      const end = s.indexOf("]]>", lt + 9);
      if (end < 0) return -1;
      this.sink.text(s.slice(lt + 9, end));
      return end + 3;
    }
    const bracket = s.indexOf("[", lt);
    const gt = s.indexOf(">", lt);
    if (gt < 0) return -1;
    if (bracket >= 0 && bracket < gt) {
      const end = s.indexOf("]", bracket);
      if (end < 0) return -1;
      const close = s.indexOf(">", end);
      return close < 0 ? -1 : close + 1;
    }
    return gt + 1;
  }

  /** A start tag at `lt`; returns the index after it, or -1 when the chunk ends inside it. */
  private startTag(s: string, lt: number, final: boolean): number {
    const n = s.length;
    let p = lt + 1;
    let start = p;
    while (p < n) {
      const ch = s.charCodeAt(p);
      if (ch === 62 /* > */ || ch === 47 /* / */ || ch <= 32) break;
      if (ch === 58 /* : */) start = p + 1; // a prefix: the local name follows
      p++;
    }
    if (p >= n) return -1;
    const name = s.slice(start, p);
    if (!name) throw new XmlError(`bad tag near “${s.slice(lt, lt + 40)}”`);
    const attrs: XmlAttrs = {};
    for (;;) {
      while (p < n && s.charCodeAt(p) <= 32) p++;
      if (p >= n) return -1;
      const ch = s.charCodeAt(p);
      if (ch === 62) {
        this.sink.open(name, attrs, false);
        return p + 1;
      }
      if (ch === 47) {
        if (p + 1 >= n) return -1;
        if (s.charCodeAt(p + 1) !== 62) throw new XmlError(`bad tag near “${s.slice(lt, lt + 40)}”`);
        this.sink.open(name, attrs, true);
        this.sink.close(name);
        return p + 2;
      }
      // name = "value" (or 'value'), spaces allowed around "=".
      const nameStart = p;
      while (p < n) {
        const c = s.charCodeAt(p);
        if (c === 61 /* = */ || c <= 32 || c === 62 || c === 47) break;
        p++;
      }
      const attrName = s.slice(nameStart, p);
      while (p < n && s.charCodeAt(p) <= 32) p++;
      if (p >= n) return -1;
      if (s.charCodeAt(p) !== 61 || !attrName) throw new XmlError(`bad attribute near “${s.slice(nameStart, nameStart + 40)}”`);
      p++;
      while (p < n && s.charCodeAt(p) <= 32) p++;
      if (p >= n) return -1;
      const quote = s.charCodeAt(p);
      if (quote !== 34 && quote !== 39) throw new XmlError(`unquoted attribute near “${s.slice(nameStart, nameStart + 40)}”`);
      const close = s.indexOf(quote === 34 ? '"' : "'", p + 1);
      if (close < 0) {
        if (final) throw new XmlError(`unterminated attribute near “${s.slice(nameStart, nameStart + 40)}”`);
        return -1;
      }
      const value = s.slice(p + 1, close);
      attrs[attrName] = value.indexOf("&") < 0 ? value : decodeXml(value);
      p = close + 1;
    }
  }
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML parts are UTF-8 unless a byte-order mark says UTF-16 (legal, and written by a few tools). */
export function encodingOf(head: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return "utf-8";
}

/** Decodes the five predefined entities and character references; leaves anything else as written. */
export function decodeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (whole, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e];
    const code = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Escapes text for an element's content or an attribute value. */
export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (ch) => (ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : ch === "&" ? "&amp;" : ch === '"' ? "&quot;" : "&apos;"));
}

/** Parses a whole (small) part, calling `sink` for every token. */
export function scanXml(text: string, sink: XmlSink): void {
  const t = new XmlTokenizer(sink);
  t.write(text);
  t.end();
}

/** A sink with no-ops for what a caller doesn't need. */
export function sink(partial: Partial<XmlSink>): XmlSink {
  return { open: partial.open ?? noop, close: partial.close ?? noop, text: partial.text ?? noop };
}

function noop(): void {}
