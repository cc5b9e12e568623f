/** Reads PNG files for tests: the header (with CRC checks) and 8-bit RGBA pixels. */
import { inflateSync } from "node:zlib";
import { crc32 } from "../../scripts/make-icons";

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  chunks: { type: string; data: Buffer }[];
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Parses the chunk structure; throws on a bad signature, a bad CRC or a missing IHDR/IEND. */
export function readPng(buf: Buffer): PngInfo {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG (bad signature)");
  const chunks: PngInfo["chunks"] = [];
  let pos = 8;
  while (pos < buf.length) {
    if (pos + 12 > buf.length) throw new Error("truncated chunk");
    const len = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    const crc = buf.readUInt32BE(pos + 8 + len);
    if (crc32(buf.subarray(pos + 4, pos + 8 + len)) !== crc) throw new Error(`bad CRC in ${type} chunk`);
    chunks.push({ type, data });
    pos += 12 + len;
    if (type === "IEND") break;
  }
  if (chunks[0]?.type !== "IHDR" || chunks[0].data.length !== 13) throw new Error("IHDR must come first");
  if (chunks[chunks.length - 1].type !== "IEND") throw new Error("missing IEND");
  const ihdr = chunks[0].data;
  return { width: ihdr.readUInt32BE(0), height: ihdr.readUInt32BE(4), bitDepth: ihdr[8], colorType: ihdr[9], interlace: ihdr[12], chunks };
}

/** Decodes a non-interlaced 8-bit RGBA PNG to its pixels (all five row filters). */
export function decodeRgba(buf: Buffer): { width: number; height: number; rgba: Uint8Array } {
  const info = readPng(buf);
  if (info.bitDepth !== 8 || info.colorType !== 6 || info.interlace !== 0) throw new Error("only 8-bit non-interlaced RGBA is supported");
  const raw = inflateSync(Buffer.concat(info.chunks.filter((c) => c.type === "IDAT").map((c) => c.data)));
  const { width, height } = info;
  const stride = width * 4;
  if (raw.length !== height * (stride + 1)) throw new Error("wrong amount of image data");
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= 4 ? out[y * stride + x - 4] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4] : 0;
      let pred: number;
      if (filter === 0) pred = 0;
      else if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new Error(`bad filter type ${filter}`);
      out[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, rgba: out };
}
