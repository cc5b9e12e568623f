/**
 * Patches a worksheet part in place: only the <c> elements of the cells being changed are rewritten
 * (value, formula or style attribute); a missing row or cell is created at its place in order.
 * Every other byte of the part stays as it was.
 */
import { colToLetters, parseA1, parseRangeA1, type CellContent, type CellRange } from "../../engine";
import { escapeText, findElement, insertionPoint, parseAttrs, rootPrefix, setAttr, splice } from "./xml";

export interface CellEdit {
  content?: CellContent;
  /** The cell's new style index given its current one (after any remap). */
  style?: (current: number) => number;
}

/** Why a cell cannot be changed without breaking something the workbook holds. */
export class CellRefusal extends Error {
  constructor(
    readonly cell: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export interface PatchResult {
  /** The part's new text in pieces (slices of the original and the rewritten rows), never joined. */
  pieces: string[];
  /** A formula was written or replaced (the calculation chain no longer matches). */
  formulaTouched: boolean;
}

/** edits: row → column → edit (0-based); remap: style index → style index, for every cell of the sheet. */
export function patchSheet(xml: string, edits: Map<number, Map<number, CellEdit>>, remap: Map<number, number> = new Map(), legacyDrawing: string | null = null): PatchResult {
  const p = rootPrefix(xml, "worksheet");
  const open = new RegExp(`<${p}sheetData\\b[^>]*?(/?)>`).exec(xml);
  if (!open) throw new Error("worksheet without sheetData");
  const close = `</${p}sheetData>`;
  const selfClosing = open[1] === "/";
  const bodyStart = open.index + open[0].length;
  const bodyEnd = selfClosing ? bodyStart : xml.lastIndexOf(close);
  // Everything before <sheetData> is small (dimension, views, columns): patched as a string.
  const head = widenDimension(xml.slice(0, open.index), p, edits);
  let body = xml.slice(bodyStart, bodyEnd);
  if (remap.size) body = remapStyles(body, p, remap);
  const ctx: Ctx = { p, colStyles: columnStyles(head, p), arrays: [], formulaTouched: false };
  const patched = patchRows(body, edits, ctx);
  const openTag = selfClosing ? `${open[0].slice(0, -2).replace(/\s+$/, "")}>` : open[0];
  let tail = selfClosing ? `${close}${xml.slice(bodyStart)}` : xml.slice(bodyEnd);
  if (legacyDrawing) tail = addLegacyDrawing(tail, p, legacyDrawing);
  return { pieces: [head, openTag, ...patched, tail], formulaTouched: ctx.formulaTouched };
}

interface Ctx {
  p: string;
  colStyles: { min: number; max: number; style: number }[];
  arrays: CellRange[];
  formulaTouched: boolean;
}

function remapStyles(body: string, p: string, remap: Map<number, number>): string {
  return body.replace(new RegExp(`<${p}c\\b[^>]*>`, "g"), (tag) => {
    const s = /\ss="(\d+)"/.exec(tag);
    const to = s ? remap.get(Number(s[1])) : undefined;
    return to === undefined ? tag : setAttr(tag, "s", String(to));
  });
}

function columnStyles(xml: string, p: string): Ctx["colStyles"] {
  const cols = findElement(xml, `${p}cols`);
  if (!cols) return [];
  const out: Ctx["colStyles"] = [];
  for (const m of cols.text.matchAll(new RegExp(`<${p}col\\b[^>]*>`, "g"))) {
    const a = parseAttrs(m[0]);
    if (a.has("style")) out.push({ min: Number(a.get("min")) - 1, max: Number(a.get("max")) - 1, style: Number(a.get("style")) });
  }
  return out;
}

/**
 * Ranges held by multi-cell array formulas and data tables in a stretch of rows: no single cell in
 * them can change. A range starts at its formula's cell, so the rows up to an edited one are enough.
 */
function arrayRanges(xml: string, p: string, out: CellRange[]): CellRange[] {
  for (const m of xml.matchAll(new RegExp(`<${p}f\\b[^>]*>`, "g"))) {
    const a = parseAttrs(m[0]);
    const t = a.get("t");
    if ((t === "array" || t === "dataTable") && a.get("ref")) {
      const r = parseRangeA1(a.get("ref")!);
      if (r && (r.bottom > r.top || r.right > r.left)) out.push(r);
    }
  }
  return out;
}

const ROW_RE = (p: string) => new RegExp(`<${p}row\\b[^>]*?(/?)>`, "g");

function patchRows(body: string, edits: Map<number, Map<number, CellEdit>>, ctx: Ctx): string[] {
  const pending = [...edits.keys()].sort((a, b) => a - b);
  if (!pending.length) return [body];
  const out: string[] = [];
  let copied = 0;
  let implicit = -1;
  let k = 0;
  let scanned = 0;
  const re = ROW_RE(ctx.p);
  for (let m = re.exec(body); m && k < pending.length; m = re.exec(body)) {
    const attrs = parseAttrs(m[0]);
    const rAttr = attrs.get("r");
    const row = rAttr ? Number(rAttr) - 1 : implicit + 1;
    implicit = row;
    const selfClosing = m[1] === "/";
    const end = selfClosing ? m.index + m[0].length : body.indexOf(`</${ctx.p}row>`, m.index) + `</${ctx.p}row>`.length;
    re.lastIndex = end;
    arrayRanges(body.slice(scanned, end), ctx.p, ctx.arrays);
    scanned = end;
    while (k < pending.length && pending[k] < row) {
      if (!rAttr) throw new CellRefusal(`${pending[k] + 1}`, "工作表的行没有行号，无法插入新行", "the sheet's rows carry no row numbers; a row cannot be inserted");
      out.push(body.slice(copied, m.index), newRow(pending[k], edits.get(pending[k])!, ctx));
      copied = m.index;
      k++;
    }
    if (k < pending.length && pending[k] === row) {
      out.push(body.slice(copied, m.index), patchRow(body.slice(m.index, end), row, edits.get(row)!, ctx));
      copied = end;
      k++;
    }
  }
  if (k < pending.length) {
    // Rows to create after the last row: every row has been looked at for array formulas.
    arrayRanges(body.slice(scanned), ctx.p, ctx.arrays);
    out.push(body.slice(copied));
    for (; k < pending.length; k++) out.push(newRow(pending[k], edits.get(pending[k])!, ctx));
  } else out.push(body.slice(copied));
  return out;
}

function newRow(row: number, cells: Map<number, CellEdit>, ctx: Ctx): string {
  const inner = [...cells.keys()]
    .sort((a, b) => a - b)
    .map((col) => newCell(row, col, cells.get(col)!, defaultStyle(null, col, ctx), ctx))
    .join("");
  return `<${ctx.p}row r="${row + 1}">${inner}</${ctx.p}row>`;
}

function defaultStyle(rowTag: string | null, col: number, ctx: Ctx): number {
  if (rowTag) {
    const a = parseAttrs(rowTag);
    if ((a.get("customFormat") === "1" || a.get("customFormat") === "true") && a.has("s")) return Number(a.get("s"));
  }
  return ctx.colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
}

function patchRow(rowXml: string, row: number, cells: Map<number, CellEdit>, ctx: Ctx): string {
  const p = ctx.p;
  const tagEnd = rowXml.indexOf(">") + 1;
  let rowTag = rowXml.slice(0, tagEnd);
  const inner = rowXml.endsWith("/>") ? "" : rowXml.slice(tagEnd, rowXml.length - `</${p}row>`.length);
  if (rowTag.endsWith("/>")) rowTag = `${rowTag.slice(0, -2).replace(/\s+$/, "")}>`;
  const pending = [...cells.keys()].sort((a, b) => a - b);
  const out: string[] = [];
  let copied = 0;
  let implicit = -1;
  let k = 0;
  const inserted: number[] = [];
  const re = new RegExp(`<${p}c\\b[^>]*?(/?)>`, "g");
  for (let m = re.exec(inner); m && k < pending.length; m = re.exec(inner)) {
    const ref = parseAttrs(m[0]).get("r");
    const col = ref ? parseA1(ref)?.col ?? implicit + 1 : implicit + 1;
    implicit = col;
    const end = m[1] === "/" ? m.index + m[0].length : inner.indexOf(`</${p}c>`, m.index) + `</${p}c>`.length;
    re.lastIndex = end;
    while (k < pending.length && pending[k] < col) {
      if (!ref) throw new CellRefusal(`${colToLetters(pending[k])}${row + 1}`, "该行的单元格没有地址，无法插入新单元格", "the row's cells carry no addresses; a cell cannot be inserted");
      out.push(inner.slice(copied, m.index), newCell(row, pending[k], cells.get(pending[k])!, defaultStyle(rowTag, pending[k], ctx), ctx));
      copied = m.index;
      inserted.push(pending[k]);
      k++;
    }
    if (k < pending.length && pending[k] === col) {
      out.push(inner.slice(copied, m.index), patchCell(inner.slice(m.index, end), row, col, cells.get(col)!, ctx));
      copied = end;
      k++;
    }
  }
  out.push(inner.slice(copied));
  for (const col of pending.slice(k)) {
    out.push(newCell(row, col, cells.get(col)!, defaultStyle(rowTag, col, ctx), ctx));
    inserted.push(col);
  }
  if (inserted.length) rowTag = widenSpans(rowTag, inserted);
  return `${rowTag}${out.join("")}</${p}row>`;
}

function widenSpans(rowTag: string, cols: number[]): string {
  const spans = parseAttrs(rowTag).get("spans");
  if (!spans || !/^\d+:\d+$/.test(spans)) return rowTag;
  const [a, b] = spans.split(":").map(Number);
  const lo = Math.min(a, ...cols.map((c) => c + 1));
  const hi = Math.max(b, ...cols.map((c) => c + 1));
  return lo === a && hi === b ? rowTag : setAttr(rowTag, "spans", `${lo}:${hi}`);
}

function checkWritable(row: number, col: number, ctx: Ctx): void {
  const a1 = `${colToLetters(col)}${row + 1}`;
  const arr = ctx.arrays.find((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
  if (arr)
    throw new CellRefusal(a1, `单元格 ${a1} 属于数组公式区域，改写会破坏该公式`, `cell ${a1} is part of a multi-cell array formula; changing it would break the formula`);
}

function newCell(row: number, col: number, edit: CellEdit, style: number, ctx: Ctx): string {
  const a1 = `${colToLetters(col)}${row + 1}`;
  if (edit.content) checkWritable(row, col, ctx);
  const s = edit.style ? edit.style(style) : style;
  let tag = `<${ctx.p}c r="${a1}"${s ? ` s="${s}"` : ""}>`;
  if (!edit.content) return `${tag.slice(0, -1)}/>`;
  const { attrs, inner } = contentXml(edit.content, ctx);
  if (attrs.t) tag = setAttr(tag, "t", attrs.t);
  return `${tag}${inner}</${ctx.p}c>`;
}

function patchCell(cellXml: string, row: number, col: number, edit: CellEdit, ctx: Ctx): string {
  const p = ctx.p;
  const tagEnd = cellXml.indexOf(">") + 1;
  let tag = cellXml.slice(0, tagEnd);
  const selfClosing = tag.endsWith("/>");
  if (selfClosing) tag = `${tag.slice(0, -2).replace(/\s+$/, "")}>`;
  const inner = selfClosing ? "" : cellXml.slice(tagEnd, cellXml.length - `</${p}c>`.length);
  if (edit.style) {
    const current = Number(parseAttrs(tag).get("s") ?? 0);
    const next = edit.style(current);
    if (next !== current) tag = setAttr(tag, "s", next ? String(next) : null, "r");
  }
  if (!edit.content) return selfClosing && !inner ? `${tag.slice(0, -1)}/>` : `${tag}${inner}</${p}c>`;
  const a1 = `${colToLetters(col)}${row + 1}`;
  checkWritable(row, col, ctx);
  const f = new RegExp(`<${p}f\\b[^>]*>`).exec(inner);
  if (f) {
    const fa = parseAttrs(f[0]);
    if (fa.get("t") === "shared" && fa.get("ref") && fa.get("ref") !== a1)
      throw new CellRefusal(
        a1,
        `单元格 ${a1} 是共享公式（${fa.get("ref")}）的主单元格，改写会破坏同一公式的其他单元格`,
        `cell ${a1} is the master of a shared formula over ${fa.get("ref")}; changing it would break the other cells of that formula`,
      );
    ctx.formulaTouched = true;
  }
  const ext = findElement(inner, `${p}extLst`)?.text ?? "";
  for (const drop of ["t", "cm", "vm"]) tag = setAttr(tag, drop, null);
  const { attrs, inner: content } = contentXml(edit.content, ctx);
  if (attrs.t) tag = setAttr(tag, "t", attrs.t);
  return `${tag}${content}${ext}</${p}c>`;
}

function contentXml(c: CellContent, ctx: Ctx): { attrs: { t?: string }; inner: string } {
  const p = ctx.p;
  switch (c.kind) {
    case "number":
      return { attrs: {}, inner: `<${p}v>${numberText(c.value)}</${p}v>` };
    case "text":
      // An inline string: stays text whatever it starts with (=, +, -, @ never become a formula).
      return { attrs: { t: "inlineStr" }, inner: `<${p}is><${p}t xml:space="preserve">${escapeText(c.value)}</${p}t></${p}is>` };
    case "formula": {
      ctx.formulaTouched = true;
      const f = `<${p}f>${escapeText(c.formula.replace(/^=/, ""))}</${p}f>`;
      return { attrs: {}, inner: c.value === null ? f : `${f}<${p}v>${numberText(c.value)}</${p}v>` };
    }
  }
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return String(n).replace("e", "E");
}

function widenDimension(xml: string, p: string, edits: Map<number, Map<number, CellEdit>>): string {
  const dim = findElement(xml, `${p}dimension`);
  if (!dim || !edits.size) return xml;
  const ref = parseAttrs(dim.text).get("ref");
  const r = ref ? parseRangeA1(ref) : null;
  if (!r) return xml;
  const rows = [...edits.keys()];
  const cols = [...edits.values()].flatMap((m) => [...m.keys()]);
  const next = { top: Math.min(r.top, ...rows), bottom: Math.max(r.bottom, ...rows), left: Math.min(r.left, ...cols), right: Math.max(r.right, ...cols) };
  if (next.top === r.top && next.bottom === r.bottom && next.left === r.left && next.right === r.right) return xml;
  const a = `${colToLetters(next.left)}${next.top + 1}`;
  const b = `${colToLetters(next.right)}${next.bottom + 1}`;
  return splice(xml, dim.start, dim.end, setAttr(dim.text, "ref", a === b ? a : `${a}:${b}`));
}

const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Puts <legacyDrawing r:id> where the worksheet schema wants it, in the part after </sheetData>. */
function addLegacyDrawing(tail: string, p: string, relId: string): string {
  const followers = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];
  const at = insertionPoint(tail, p, followers, `</${p}worksheet>`);
  return splice(tail, at, at, `<${p}legacyDrawing xmlns:r="${R_NS}" r:id="${relId}"/>`);
}
