/**
 * String-level XML helpers for patching OOXML parts in place. The writer never re-serialises a part
 * it parsed: it finds the elements it changes and splices new text in, so everything else in the
 * part (unknown extensions, attribute order, whitespace) stays exactly as it was.
 */

/** Escapes text content; characters XML 1.0 cannot carry become OOXML's _xHHHH_ escapes. */
export function escapeText(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"))
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot hold
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

export function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#x[0-9A-Fa-f]+|#\d+);/g, (_, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** A start tag's attributes, in order, values unescaped. */
export function parseAttrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  // Skip the element name itself.
  const body = tag.replace(/^<\/?[\w:.-]+/, "");
  for (let m = re.exec(body); m; m = re.exec(body)) out.set(m[1], unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
}

/**
 * Sets (value given) or removes (null) one attribute in a start tag, keeping every other attribute
 * as written; a new attribute goes after `after` when that attribute exists, else at the end.
 */
export function setAttr(tag: string, name: string, value: string | null, after?: string): string {
  const re = new RegExp(`(\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return value === null ? tag.replace(re, "") : tag.replace(re, `$1${name}="${escapeAttr(value)}"`);
  if (value === null) return tag;
  const attr = ` ${name}="${escapeAttr(value)}"`;
  if (after) {
    const a = new RegExp(`\\s${after.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"[^"]*"|'[^']*')`).exec(tag);
    if (a) return tag.slice(0, a.index + a[0].length) + attr + tag.slice(a.index + a[0].length);
  }
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return tag.slice(0, end).replace(/\s+$/, "") + attr + tag.slice(end);
}

/** The namespace prefix ("x:" or "") the part's root element is written with. */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * The first element `<p:name ...>…</p:name>` or `<p:name .../>` at or after `from`; null when absent.
 * Elements of that name must not nest (true of the OOXML elements the writer looks for).
 */
export function findElement(xml: string, qname: string, from = 0): Span | null {
  const open = new RegExp(`<${qname}(?=[\\s/>])`, "g");
  open.lastIndex = from;
  const m = open.exec(xml);
  if (!m) return null;
  const tagEnd = xml.indexOf(">", m.index);
  if (tagEnd < 0) return null;
  if (xml[tagEnd - 1] === "/") return { start: m.index, end: tagEnd + 1, text: xml.slice(m.index, tagEnd + 1) };
  const close = xml.indexOf(`</${qname}>`, tagEnd);
  if (close < 0) return null;
  const end = close + qname.length + 3;
  return { start: m.index, end, text: xml.slice(m.index, end) };
}

/** Every element of that name in `xml` (non-nesting), in order. */
export function findAll(xml: string, qname: string): Span[] {
  const out: Span[] = [];
  for (let s = findElement(xml, qname); s; s = findElement(xml, qname, s.end)) out.push(s);
  return out;
}

/** The start tag of a span's element. */
export function startTag(element: string): string {
  return element.slice(0, element.indexOf(">") + 1);
}

/** Inner text of an element (between its start and end tag); "" for an empty element. */
export function innerXml(element: string): string {
  const open = element.indexOf(">");
  if (element[open - 1] === "/") return "";
  return element.slice(open + 1, element.lastIndexOf("</"));
}

/**
 * Where a new child element goes: before the first of `followers` (the elements the schema puts after
 * it) found inside the parent, else before the parent's end tag.
 */
export function insertionPoint(xml: string, prefix: string, followers: string[], parentClose: string, from = 0): number {
  let at = -1;
  for (const f of followers) {
    const s = findElement(xml, prefix + f, from);
    if (s && (at < 0 || s.start < at)) at = s.start;
  }
  return at >= 0 ? at : xml.lastIndexOf(parentClose);
}

export function splice(xml: string, start: number, end: number, insert: string): string {
  return xml.slice(0, start) + insert + xml.slice(end);
}

/** Concatenated text of the <t> elements in a fragment (a rich-text run list). */
export function textOf(fragment: string, prefix = ""): string {
  return findAll(fragment, `${prefix}t`)
    .map((t) => unescapeXml(innerXml(t.text)))
    .join("");
}
