/**
 * Notes (legacy comments) for marked cells. A note someone wrote keeps its author, formatting and
 * text: ScoreCheck's line is appended as a run of its own, starting with NOTE_TAG, so a later run
 * finds and replaces that run only. A note ScoreCheck created carries the author "ScoreCheck" and is
 * removed whole when its last ScoreCheck line goes. Threaded comments are never touched.
 */
import { NOTE_AUTHOR, NOTE_TAG, noteLine, parseA1 } from "../../engine";
import { CONTENT_TYPE, REL, XlsxPackage } from "./package";
import { escapeText, findAll, findElement, innerXml, parseAttrs, rootPrefix, splice, startTag, textOf, unescapeXml } from "./xml";

export { NOTE_AUTHOR, NOTE_TAG };

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** ScoreCheck's lines in dark red: visibly its own, and never merged into a reviewer's run on save. */
const RUN_PROPS = '<rPr><sz val="9"/><color rgb="FF9C0006"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr>';

export interface NotesResult {
  /** The relationship id of a new VML drawing the sheet must point to with <legacyDrawing>, else null. */
  legacyDrawing: string | null;
}

/** Cells (A1) holding a threaded comment on this sheet. */
export function threadedCells(pkg: XlsxPackage, sheetPart: string): Set<string> {
  const out = new Set<string>();
  for (const part of pkg.related(sheetPart, REL.threadedComment)) {
    const xml = pkg.text(part);
    if (!xml) continue;
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?threadedComment\b[^>]*>/g)) {
      const ref = parseAttrs(m[0]).get("ref");
      if (ref) out.add(ref.toUpperCase());
    }
  }
  return out;
}

/**
 * Removes ScoreCheck's earlier lines from the sheet's notes and appends `lines` (cell → lines).
 * `nextIdBlock` gives a VML shape-id block no other drawing uses.
 */
export function writeNotes(pkg: XlsxPackage, sheetPart: string, lines: Map<string, string[]>, nextIdBlock: () => number): NotesResult {
  let commentsPart = pkg.related(sheetPart, REL.comments)[0] ?? null;
  if (!commentsPart && !lines.size) return { legacyDrawing: null };
  if (!lines.size) {
    // Nothing to add: only ScoreCheck's earlier lines (and the notes that were only those) go.
    const p = rootPrefix(pkg.text(commentsPart!) ?? "", "comments");
    const removed: string[] = [];
    const { xml } = stripOwnLines(pkg.text(commentsPart!) ?? "", p, removed);
    pkg.setText(commentsPart!, xml);
    const vmlPart = pkg.related(sheetPart, REL.vmlDrawing)[0];
    if (vmlPart && removed.length) pkg.setText(vmlPart, removed.reduce(removeShape, pkg.text(vmlPart) ?? ""));
    return { legacyDrawing: null };
  }
  let comments = commentsPart ? pkg.text(commentsPart) ?? "" : "";
  let vmlPart = pkg.related(sheetPart, REL.vmlDrawing)[0] ?? null;
  let vml = vmlPart ? pkg.text(vmlPart) ?? "" : "";
  let legacyDrawing: string | null = null;

  if (!commentsPart) {
    commentsPart = pkg.freeName((n) => `xl/comments${n}.xml`);
    comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors></authors><commentList></commentList></comments>`;
    pkg.addRel(sheetPart, REL.comments, commentsPart);
    pkg.addOverride(commentsPart, CONTENT_TYPE.comments);
  }
  if (!vmlPart) {
    vmlPart = pkg.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
    vml = newVml(nextIdBlock());
    legacyDrawing = pkg.addRel(sheetPart, REL.vmlDrawing, vmlPart);
    pkg.addDefault("vml", CONTENT_TYPE.vml);
  }

  const p = rootPrefix(comments, "comments");
  const removed: string[] = [];
  ({ xml: comments } = stripOwnLines(comments, p, removed));
  for (const ref of removed) vml = removeShape(vml, ref);
  const author = ensureAuthor(comments, p);
  comments = author.xml;
  for (const [a1, texts] of [...lines].sort(([a], [b]) => cellOrder(a, b))) {
    const existing = findAll(comments, `${p}comment`).find((c) => parseAttrs(c.text).get("ref")?.toUpperCase() === a1);
    if (existing) {
      const runs = texts.map((t) => ownRun(p, `\n${noteLine(t)}`)).join("");
      const close = existing.text.lastIndexOf(`</${p}text>`);
      const el = close >= 0 ? splice(existing.text, close, close, runs) : existing.text;
      comments = splice(comments, existing.start, existing.end, el);
      continue;
    }
    const runs = texts.map((t, i) => ownRun(p, `${i ? "\n" : ""}${noteLine(t)}`)).join("");
    const el = `<${p}comment ref="${a1}" authorId="${author.id}" shapeId="0"><${p}text>${runs}</${p}text></${p}comment>`;
    comments = insertComment(comments, p, a1, el);
    vml = addShape(vml, a1);
  }
  pkg.setText(commentsPart, comments);
  pkg.setText(vmlPart, vml);
  return { legacyDrawing };
}

function cellOrder(a: string, b: string): number {
  const p = parseA1(a)!;
  const q = parseA1(b)!;
  return p.row - q.row || p.col - q.col;
}

function ownRun(p: string, text: string): string {
  const props = RUN_PROPS.replace(/<(\/?)/g, `<$1${p}`);
  return `<${p}r>${props}<${p}t xml:space="preserve">${escapeText(text)}</${p}t></${p}r>`;
}

/**
 * Removes ScoreCheck's lines (those starting with NOTE_TAG) from the notes, found in the note's
 * whole text, so they go however an editor has split or merged the runs (LibreOffice splits them by
 * script); a run left empty goes, and a note left with no text goes whole.
 */
function stripOwnLines(xml: string, p: string, removedRefs: string[]): { xml: string } {
  for (const c of findAll(xml, `${p}comment`).reverse()) {
    if (!c.text.includes(NOTE_TAG)) continue;
    const body = findElement(c.text, `${p}text`);
    if (!body) continue;
    const text = stripFromText(body.text, p);
    if (text === null) continue;
    if (!textOf(text, p).trim()) {
      xml = splice(xml, c.start, c.end, "");
      removedRefs.push((parseAttrs(c.text).get("ref") ?? "").toUpperCase());
    } else xml = splice(xml, c.start, c.end, splice(c.text, body.start, body.end, text));
  }
  return { xml };
}

/** The <text> element without ScoreCheck's lines, or null when it has none. */
function stripFromText(text: string, p: string): string | null {
  const runs = findAll(text, `${p}r`);
  const ts = findAll(text, `${p}t`).map((t) => ({ ...t, value: unescapeXml(innerXml(t.text)), run: runs.find((r) => r.start < t.start && t.end <= r.end) }));
  const full = ts.map((t) => t.value).join("");
  const drop = ownLineMask(full);
  if (!drop) return null;
  let offset = 0;
  const edits = ts.map((t) => {
    const kept = [...t.value].filter((_, i) => !drop[offset + i]).join("");
    offset += t.value.length;
    return { t, kept };
  });
  for (const { t, kept } of edits.reverse()) {
    if (kept === t.value) continue;
    if (!kept && t.run) text = splice(text, t.run.start, t.run.end, "");
    else text = splice(text, t.start, t.end, `${startTag(t.text)}${escapeText(kept)}</${p}t>`);
  }
  return text;
}

/** Characters of `full` on ScoreCheck's lines (each with the line break that joins it), or null. */
function ownLineMask(full: string): boolean[] | null {
  const mask = new Array<boolean>(full.length).fill(false);
  let any = false;
  let pos = 0;
  const lines = full.split("\n");
  lines.forEach((line, i) => {
    if (line.startsWith(NOTE_TAG)) {
      any = true;
      const from = i > 0 ? pos - 1 : pos;
      const to = pos + line.length + (i === 0 && i < lines.length - 1 ? 1 : 0);
      for (let k = from; k < to; k++) mask[k] = true;
    }
    pos += line.length + 1;
  });
  return any ? mask : null;
}

function ensureAuthor(xml: string, p: string): { xml: string; id: number } {
  let block = findElement(xml, `${p}authors`);
  if (!block) {
    const at = xml.indexOf(">", xml.indexOf(`<${p}comments`)) + 1;
    xml = splice(xml, at, at, `<${p}authors></${p}authors>`);
    block = findElement(xml, `${p}authors`)!;
  }
  const names = findAll(block.text, `${p}author`).map((a) => unescapeXml(innerXml(a.text)));
  const found = names.indexOf(NOTE_AUTHOR);
  if (found >= 0) return { xml, id: found };
  const el = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
  const inner = block.text.endsWith("/>") ? `<${p}authors>${el}</${p}authors>` : splice(block.text, block.text.length - `</${p}authors>`.length, block.text.length - `</${p}authors>`.length, el);
  return { xml: splice(xml, block.start, block.end, inner), id: names.length };
}

/** Comments are kept in cell order (row, then column), as Excel writes them. */
function insertComment(xml: string, p: string, a1: string, el: string): string {
  let list = findElement(xml, `${p}commentList`);
  if (!list) {
    const close = xml.lastIndexOf(`</${p}comments>`);
    xml = splice(xml, close, close, `<${p}commentList></${p}commentList>`);
    list = findElement(xml, `${p}commentList`)!;
  }
  if (list.text.endsWith("/>")) return splice(xml, list.start, list.end, `<${p}commentList>${el}</${p}commentList>`);
  const after = findAll(list.text, `${p}comment`).find((c) => cellOrder(parseAttrs(c.text).get("ref") ?? "A1", a1) > 0);
  const at = after ? list.start + after.start : list.end - `</${p}commentList>`.length;
  return splice(xml, at, at, el);
}

function newVml(block: number): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n' +
    ` <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="${block}"/>\n </o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">\n' +
    '  <v:stroke joinstyle="miter"/>\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>\n</xml>'
  );
}

/** The first idmap block of a VML drawing (shape ids there run from block × 1024). */
export function vmlIdBlocks(vml: string): number[] {
  const m = /<o:idmap\b[^>]*\sdata="([^"]*)"/.exec(vml);
  return m ? m[1].split(",").map(Number).filter((n) => Number.isFinite(n)) : [];
}

function addShape(vml: string, a1: string): string {
  const pos = parseA1(a1)!;
  const block = vmlIdBlocks(vml)[0] ?? 1;
  const used = [...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
  const id = Math.max(block * 1024, ...used) + 1;
  const hasType = /<v:shapetype\b[^>]*id="_x0000_t202"/.test(vml);
  const type = hasType
    ? ""
    : '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>\n';
  const anchor = `${pos.col + 1}, 15, ${Math.max(0, pos.row - 1)}, 10, ${pos.col + 4}, 15, ${pos.row + 4}, 4`;
  const shape =
    `${type}<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:200pt;height:80pt;z-index:${id - block * 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">\n` +
    '  <v:fill color2="#ffffe1"/>\n  <v:shadow on="t" color="black" obscured="t"/>\n  <v:path o:connecttype="none"/>\n' +
    '  <v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>\n' +
    `  <x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${pos.row}</x:Row><x:Column>${pos.col}</x:Column></x:ClientData>\n` +
    " </v:shape>";
  const close = vml.lastIndexOf("</xml>");
  return close >= 0 ? splice(vml, close, close, `${shape}\n`) : `${vml}${shape}`;
}

function removeShape(vml: string, a1: string): string {
  const pos = parseA1(a1);
  if (!pos) return vml;
  for (const s of findAll(vml, "v:shape").reverse()) {
    const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(s.text);
    const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(s.text);
    if (/ObjectType="Note"/.test(s.text) && Number(row?.[1]) === pos.row && Number(col?.[1]) === pos.col) {
      const end = vml[s.end] === "\n" ? s.end + 1 : s.end;
      return splice(vml, s.start, end, "");
    }
  }
  return vml;
}
