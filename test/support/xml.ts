/**
 * A small, strict, namespace-aware XML parser for tests (the add-in manifest): elements,
 * attributes, text, CDATA, comments, processing instructions and the five predefined entities plus
 * character references. No DTDs. Throws with a line number on anything malformed: mismatched or
 * unclosed tags, duplicate attributes, unbound prefixes, a bare `&` or `<`, a second root.
 */

export const XMLNS_XSI = "http://www.w3.org/2001/XMLSchema-instance";

export interface XmlElement {
  /** The qualified name as written, e.g. "bt:Image". */
  name: string;
  /** The local part of the name, e.g. "Image". */
  local: string;
  /** The namespace URI the element's prefix (or the default namespace) is bound to; "" if none. */
  ns: string;
  /** Attributes by qualified name as written (xmlns declarations included), entity-decoded. */
  attrs: Record<string, string>;
  /** In-scope prefix → namespace URI bindings ("" is the default namespace). */
  scope: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its descendants'), CDATA included, entity-decoded. */
  text: string;
  parent?: XmlElement;
  /** 1-based line of the start tag. */
  line: number;
}

const NAME = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export class XmlError extends Error {}

export function parseXml(source: string): XmlElement {
  const src = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let pos = 0;
  const lineAt = (at: number): number => src.slice(0, at).split("\n").length;
  const fail = (message: string, at = pos): never => {
    throw new XmlError(`line ${lineAt(at)}: ${message}`);
  };

  const decode = (raw: string, at: number): string => {
    if (raw.includes("<")) fail("'<' is not allowed here", at);
    return raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(";")) fail(`a bare '&' (write &amp;)`, at);
      if (ref in ENTITIES) return ENTITIES[ref];
      const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
      if (!m) return fail(`unknown entity &${ref};`, at);
      return String.fromCodePoint(m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10));
    });
  };

  const skipMisc = (): void => {
    for (;;) {
      const ws = /\s*/y;
      ws.lastIndex = pos;
      ws.exec(src);
      pos = ws.lastIndex;
      if (src.startsWith("<!--", pos)) {
        const end = src.indexOf("-->", pos + 4);
        if (end < 0) fail("unclosed comment");
        pos = end + 3;
      } else if (src.startsWith("<?", pos)) {
        const end = src.indexOf("?>", pos + 2);
        if (end < 0) fail("unclosed processing instruction");
        pos = end + 2;
      } else if (src.startsWith("<!DOCTYPE", pos)) {
        fail("DOCTYPE is not supported");
      } else return;
    }
  };

  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(src);
    if (!m) return fail("expected a name");
    pos = NAME.lastIndex;
    return m[0];
  };

  const resolve = (qname: string, scope: Record<string, string>, isAttr: boolean, at: number): [string, string] => {
    const i = qname.indexOf(":");
    if (i < 0) return [qname, isAttr ? "" : (scope[""] ?? "")];
    const prefix = qname.slice(0, i);
    if (prefix === "xml") return [qname.slice(i + 1), "http://www.w3.org/XML/1998/namespace"];
    const uri = scope[prefix];
    if (uri === undefined) fail(`unbound namespace prefix '${prefix}' in ${qname}`, at);
    return [qname.slice(i + 1), uri];
  };

  const parseElement = (parent: XmlElement | undefined): XmlElement => {
    const start = pos;
    pos++; // '<'
    const name = readName();
    const attrs: Record<string, string> = {};
    for (;;) {
      const ws = /\s*/y;
      ws.lastIndex = pos;
      const had = ws.exec(src)![0].length > 0;
      pos = ws.lastIndex;
      if (src.startsWith("/>", pos) || src[pos] === ">") break;
      if (!had) fail(`expected whitespace before an attribute in <${name}>`);
      const attrAt = pos;
      const attr = readName();
      const eq = /\s*=\s*(["'])/y;
      eq.lastIndex = pos;
      const m = eq.exec(src);
      if (!m) fail(`expected ="…" after attribute ${attr}`);
      pos = eq.lastIndex;
      const end = src.indexOf(m![1], pos);
      if (end < 0) fail(`unclosed attribute value for ${attr}`);
      if (attr in attrs) fail(`duplicate attribute ${attr} in <${name}>`, attrAt);
      attrs[attr] = decode(src.slice(pos, end), pos);
      pos = end + 1;
    }
    const scope: Record<string, string> = { ...(parent?.scope ?? {}) };
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "xmlns") scope[""] = v;
      else if (k.startsWith("xmlns:")) scope[k.slice(6)] = v;
    }
    for (const k of Object.keys(attrs)) if (k !== "xmlns" && !k.startsWith("xmlns:")) resolve(k, scope, true, start);
    const [local, ns] = resolve(name, scope, false, start);
    const el: XmlElement = { name, local, ns, attrs, scope, children: [], text: "", parent, line: lineAt(start) };
    if (src.startsWith("/>", pos)) {
      pos += 2;
      return el;
    }
    pos++; // '>'
    for (;;) {
      const lt = src.indexOf("<", pos);
      if (lt < 0) fail(`<${name}> is never closed`, start);
      el.text += decode(src.slice(pos, lt), pos);
      pos = lt;
      if (src.startsWith("</", pos)) {
        pos += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}> (opened on line ${el.line})`);
        const close = /\s*>/y;
        close.lastIndex = pos;
        if (!close.exec(src)) fail(`expected '>' after </${closing}`);
        pos = close.lastIndex;
        return el;
      }
      if (src.startsWith("<!--", pos)) {
        const end = src.indexOf("-->", pos + 4);
        if (end < 0) fail("unclosed comment");
        pos = end + 3;
      } else if (src.startsWith("<![CDATA[", pos)) {
        const end = src.indexOf("]]>", pos + 9);
        if (end < 0) fail("unclosed CDATA section");
        el.text += src.slice(pos + 9, end);
        pos = end + 3;
      } else if (src.startsWith("<?", pos)) {
        const end = src.indexOf("?>", pos + 2);
        if (end < 0) fail("unclosed processing instruction");
        pos = end + 2;
      } else {
        el.children.push(parseElement(el));
      }
    }
  };

  skipMisc();
  if (src[pos] !== "<") fail("expected the root element");
  const root = parseElement(undefined);
  skipMisc();
  if (pos < src.length) fail("content after the root element");
  return root;
}

/** The element and all its descendants, in document order. */
export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/** The children with the given local name (any namespace). */
export function kids(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
}

/** The single child with the given local name; throws when there is none or more than one. */
export function kid(el: XmlElement, local: string): XmlElement {
  const found = kids(el, local);
  if (found.length !== 1) throw new Error(`<${el.name}> (line ${el.line}) has ${found.length} <${local}> children, expected 1`);
  return found[0];
}

/** The element's xsi:type value (by namespace, whatever the prefix), or undefined. */
export function xsiType(el: XmlElement): string | undefined {
  for (const [k, v] of Object.entries(el.attrs)) {
    const i = k.indexOf(":");
    if (i > 0 && k.slice(i + 1) === "type" && el.scope[k.slice(0, i)] === XMLNS_XSI) return v;
  }
  return undefined;
}

/** A readable path such as /OfficeApp/VersionOverrides/Hosts/Host[1]. */
export function pathOf(el: XmlElement): string {
  const parts: string[] = [];
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    const same = e.parent ? kids(e.parent, e.local) : [e];
    parts.unshift(same.length > 1 ? `${e.local}[${same.indexOf(e) + 1}]` : e.local);
  }
  return "/" + parts.join("/");
}
