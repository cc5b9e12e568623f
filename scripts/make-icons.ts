/**
 * Draws the add-in's icons (assets/icon-{16,32,64,80,128}.png): a rounded blue square with the
 * faint rule lines of a scoring table and a white check mark. Pure Node — the PNGs are written by
 * hand (zlib + CRC32), anti-aliased by 8×8 supersampling, with rule lines snapped to whole pixels so
 * they stay crisp at 16 px. The output is deterministic. Run: npm run icons
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type RGB = readonly [number, number, number];

const TOP: RGB = [0x2b, 0x88, 0xd8]; // lighter blue at the top of the gradient
const BOTTOM: RGB = [0x0f, 0x5c, 0xa8]; // Office-ish brand blue at the bottom
const WHITE: RGB = [255, 255, 255];
const SUPERSAMPLE = 8;

/** Signed distance from (px, py) to a rounded rectangle (negative inside). */
function roundedRect(px: number, py: number, x0: number, y0: number, x1: number, y1: number, r: number): number {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  const qx = Math.abs(px - cx) - hx;
  const qy = Math.abs(py - cy) - hy;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance from (px, py) to the segment a–b. */
function segment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Distance from (px, py) to a polyline. */
function polyline(px: number, py: number, pts: readonly (readonly [number, number])[]): number {
  let d = Infinity;
  for (let i = 1; i < pts.length; i++) d = Math.min(d, segment(px, py, pts[i - 1][0], pts[i - 1][1], pts[i][0], pts[i][1]));
  return d;
}

/** A rule line snapped to pixel rows/columns: [start, end) in pixels. */
function snapLine(at: number, size: number): [number, number] {
  const width = Math.max(1, Math.round(size / 28));
  const start = Math.round(at * size - width / 2);
  return [start, start + width];
}

/** The icon's pixels at `size`×`size`, as straight (non-premultiplied) RGBA. */
export function renderIcon(size: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  // Layout in unit coordinates (0..1); the small sizes use a slightly larger share of the square.
  const inset = size <= 16 ? 0 : 0.03;
  const radius = size <= 16 ? 0.2 : 0.18;
  const check: [number, number][] = [
    [0.27, 0.53],
    [0.44, 0.7],
    [0.76, 0.33],
  ];
  const stroke = size <= 16 ? 0.15 : 0.13; // full width of the check mark
  const halo = size <= 32 ? 0.06 : 0.05; // a gap between the check and the rule lines
  // Rule lines of a small table: a header rule and two row rules, a column rule for the names.
  const rows = (size <= 16 ? [0.3, 0.82] : [0.28, 0.5, 0.72]).map((y) => snapLine(y, size));
  const col = snapLine(size <= 16 ? 0.3 : 0.34, size);
  const ruleAlpha = size <= 16 ? 0.3 : 0.35;
  const header = snapLine(0.28, size)[0];

  const colourAt = (x: number, y: number, px: number, py: number): RGB => {
    const t = Math.min(1, Math.max(0, (y - inset) / (1 - 2 * inset)));
    const base: RGB = [TOP[0] + (BOTTOM[0] - TOP[0]) * t, TOP[1] + (BOTTOM[1] - TOP[1]) * t, TOP[2] + (BOTTOM[2] - TOP[2]) * t];
    const mix = (c: RGB, alpha: number): RGB => [c[0] + (255 - c[0]) * alpha, c[1] + (255 - c[1]) * alpha, c[2] + (255 - c[2]) * alpha];
    const band = py < header ? mix(base, 0.12) : base; // the header band above the first rule is a touch lighter
    const onRow = rows.some(([s, e]) => py >= s && py < e);
    const onCol = px >= col[0] && px < col[1] && py >= rows[0][0];
    const d = polyline(x, y, check);
    if (d <= stroke / 2) return WHITE;
    if (d <= stroke / 2 + halo) return band;
    return onRow || onCol ? mix(band, ruleAlpha) : band;
  };
  const half = Math.SQRT1_2 / size; // half a pixel's diagonal, in unit coordinates

  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const o = (py * size + px) * 4;
      const cx = (px + 0.5) / size;
      const cy = (py + 0.5) / size;
      const edge = roundedRect(cx, cy, inset, inset, 1 - inset, 1 - inset, radius);
      if (edge > half) continue; // wholly outside: transparent
      const d = polyline(cx, cy, check);
      const uniform = edge < -half && [stroke / 2, stroke / 2 + halo].every((r) => Math.abs(d - r) > half);
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      const n = uniform ? 1 : SUPERSAMPLE;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (!uniform && roundedRect(x, y, inset, inset, 1 - inset, 1 - inset, radius) > 0) continue;
          const c = colourAt(x, y, px, py);
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (n * n));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes straight RGBA pixels as an 8-bit truecolour-with-alpha PNG (filter 0 on every row). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 4)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (1 + width * 4) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", new Uint8Array(0))]);
}

function main(): void {
  const dir = join(__dirname, "..", "assets");
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, renderIcon(size)));
    console.log(`wrote ${file}`);
  }
}

if (require.main === module) main();
