/**
 * A zip reader for .xlsx packages: the central directory parsed here (zip64 included), inflating with
 * fflate. Entries give their stored bytes untouched (so a writer can copy a part byte for byte), their
 * inflated bytes under a size limit, or a stream of chunks for parts too large to hold at once.
 */
import { Inflate, inflateSync } from "fflate";
import { InputError } from "../../engine";
import { crc32 } from "./crc32";
import { encodingOf } from "./xml";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** General-purpose flags from the central directory (bit 3: data descriptor, bit 11: UTF-8 name). */
  flags: number;
  /** MS-DOS modification time and date, as stored (a writer copying the entry keeps them). */
  dosTime: number;
  dosDate: number;
  /** The compressed bytes exactly as stored in the file (for byte-for-byte copying). */
  raw(): Uint8Array;
  /** The uncompressed bytes; throws InputError("too-large") past a size limit, naming the limit. */
  bytes(limit?: number): Uint8Array;
  text(limit?: number): string;
  /**
   * Streams the uncompressed bytes in chunks (for large sheet parts). Throws InputError("too-large")
   * once more than `limit` bytes have come out, so a zip bomb stops there.
   */
  stream(onChunk: (chunk: Uint8Array, final: boolean) => void, limit?: number): void;
}

/** Default limit for a part read whole (workbook, styles, relationships): far above any real one. */
export const PART_LIMIT = 256 * 2 ** 20;
/**
 * Default limit for a streamed part (a sheet): well past a sheet of 1,048,576 rows × 16 columns as
 * Excel saves it (about 0.6 GB), and inflated in under 20 s if it is a bomb.
 */
export const STREAM_LIMIT = 4 * 2 ** 30;

/** Parts declared smaller than this are streamed as one chunk (the declared size bounds the buffer). */
const WHOLE_BELOW = 4 * 2 ** 20;

/** Input slice fed to the inflater at a time: bounds one output chunk to ~1,000× this in a bomb. */
const STREAM_SLICE = 16 * 1024;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;

const utf8 = new TextDecoder("utf-8");
const utf8Strict = new TextDecoder("utf-8", { fatal: true });

/** Entries in central-directory order. Throws InputError for not-a-zip / damaged / encrypted. */
export function openZip(bytes: Uint8Array, name: string): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw damaged(name, "no end of central directory");
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && view.getUint32(loc, true) === SIG_ZIP64_LOCATOR) {
      const at = safeNumber(view, loc + 8, name);
      if (at + 56 > bytes.length || view.getUint32(at, true) !== SIG_ZIP64_EOCD) throw damaged(name, "bad zip64 directory");
      count = safeNumber(view, at + 32, name);
      cdSize = safeNumber(view, at + 40, name);
      cdOffset = safeNumber(view, at + 48, name);
    }
  }
  if (cdOffset + cdSize > bytes.length) throw damaged(name, "central directory past the end of the file");

  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== SIG_CENTRAL) throw damaged(name, "bad central directory entry");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const dosTime = view.getUint16(p + 12, true);
    const dosDate = view.getUint16(p + 14, true);
    const crc = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const entryName = decodeName(nameBytes, flags);
    // zip64: the sizes and offset that overflowed 32 bits are in extra field 0x0001, in this order.
    let x = p + 46 + nameLen;
    const extraEnd = x + extraLen;
    while (x + 4 <= extraEnd) {
      const id = view.getUint16(x, true);
      const len = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let q = x + 4;
        if (size === 0xffffffff) {
          size = safeNumber(view, q, name);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = safeNumber(view, q, name);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = safeNumber(view, q, name);
      }
      x += 4 + len;
    }
    p = extraEnd + commentLen;

    if (flags & 1 || method === 99) throw encrypted(name);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== SIG_LOCAL) throw damaged(name, `bad local header for ${entryName}`);
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.length) throw damaged(name, `${entryName} runs past the end of the file`);
    if (method !== 0 && method !== 8) throw damaged(name, `${entryName} uses compression method ${method}`);
    if (method === 0 && compressedSize !== size) throw damaged(name, `${entryName} has inconsistent sizes`);
    if (entryName.endsWith("/")) continue; // a folder entry carries no part
    entries.set(entryName, new Entry(bytes, name, { name: entryName, method, crc32: crc, compressedSize, size, flags, dosTime, dosDate }, dataStart));
  }
  return entries;
}

type EntryInfo = Omit<ZipEntry, "raw" | "bytes" | "text" | "stream">;

/** One entry; a class, not closures, since an ordinary workbook opens a dozen of them per file. */
class Entry implements ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly flags: number;
  readonly dosTime: number;
  readonly dosDate: number;

  constructor(
    private readonly file: Uint8Array,
    private readonly zipName: string,
    info: EntryInfo,
    private readonly dataStart: number,
  ) {
    this.name = info.name;
    this.method = info.method;
    this.crc32 = info.crc32;
    this.compressedSize = info.compressedSize;
    this.size = info.size;
    this.flags = info.flags;
    this.dosTime = info.dosTime;
    this.dosDate = info.dosDate;
  }

  raw(): Uint8Array {
    return this.file.subarray(this.dataStart, this.dataStart + this.compressedSize);
  }

  bytes(limit = PART_LIMIT): Uint8Array {
    if (this.size > limit) throw tooLarge(this.zipName, this.name, limit);
    const out = this.inflateDeclared();
    // Larger than declared: stream it to learn whether it passes the limit (too large) or not (damaged).
    if (out.length > this.size) this.stream(() => undefined, limit);
    return this.check(out);
  }

  text(limit?: number): string {
    // A byte-order mark is allowed in XML parts (UTF-16 ones need it); the decoder drops it.
    const b = this.bytes(limit);
    const encoding = encodingOf(b);
    return encoding === "utf-8" ? utf8.decode(b) : new TextDecoder(encoding).decode(b);
  }

  stream(onChunk: (chunk: Uint8Array, final: boolean) => void, limit = STREAM_LIMIT): void {
    if (this.size > limit) throw tooLarge(this.zipName, this.name, limit);
    // A small part is inflated at once (a stream's buffers cost more than the part), unless it
    // inflates past its declared size; then the stream below counts what it really holds.
    if (this.size <= WHOLE_BELOW) {
      const out = this.inflateDeclared();
      if (out.length <= this.size) return onChunk(this.check(out), true);
    }
    const data = this.raw();
    let total = 0;
    let crc = 0;
    const take = (chunk: Uint8Array, final: boolean) => {
      total += chunk.length;
      // The declared size can lie; the running count is what bounds a bomb.
      if (total > limit) throw tooLarge(this.zipName, this.name, limit);
      crc = crc32(chunk, crc);
      if (final && (total !== this.size || crc !== this.crc32)) throw damaged(this.zipName, `${this.name} fails its checksum`);
      onChunk(chunk, final);
    };
    if (this.method === 0) {
      if (data.length === 0) return take(data, true);
      for (let i = 0; i < data.length; i += STREAM_SLICE * 16) take(data.subarray(i, i + STREAM_SLICE * 16), i + STREAM_SLICE * 16 >= data.length);
      return;
    }
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      if (final) ended = true;
      take(chunk, final);
    });
    try {
      for (let i = 0; i < data.length || i === 0; i += STREAM_SLICE) {
        inflater.push(data.subarray(i, i + STREAM_SLICE), i + STREAM_SLICE >= data.length);
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      if (isFflateError(e)) throw damaged(this.zipName, `${this.name}: ${(e as Error).message}`);
      throw e; // the consumer's own error: not ours to relabel
    }
    if (!ended) throw damaged(this.zipName, `${this.name} ends early`);
  }

  /** Inflates into a buffer of the declared size plus one byte: a part that overflows it lied. */
  private inflateDeclared(): Uint8Array {
    if (this.method === 0) return this.raw();
    try {
      return inflateSync(this.raw(), { out: new Uint8Array(this.size + 1) });
    } catch (e) {
      throw damaged(this.zipName, `${this.name}: ${(e as Error).message}`);
    }
  }

  private check(out: Uint8Array): Uint8Array {
    if (out.length !== this.size || crc32(out) !== this.crc32) throw damaged(this.zipName, `${this.name} fails its checksum`);
    return out;
  }
}

function isFflateError(e: unknown): boolean {
  return e instanceof Error && typeof (e as { code?: unknown }).code === "number";
}

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) {
    if (view.getUint32(i, true) === SIG_EOCD && i + 22 + view.getUint16(i + 20, true) <= view.byteLength) return i;
  }
  return -1;
}

function safeNumber(view: DataView, at: number, name: string): number {
  const v = view.getBigUint64(at, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged(name, "zip64 field out of range");
  return Number(v);
}

function decodeName(b: Uint8Array, flags: number): string {
  if (flags & 0x800) return utf8.decode(b);
  // Without the UTF-8 flag the name is CP437 by the spec; part names are ASCII, and tools that
  // write UTF-8 anyway are more common than real CP437, so try UTF-8 first.
  try {
    return utf8Strict.decode(b);
  } catch {
    return String.fromCharCode(...b);
  }
}

export function damaged(name: string, why: string): InputError {
  return new InputError(
    "corrupt",
    `${name}：文件已损坏或不完整，无法作为 .xlsx 打开（${why}）`,
    `${name}: the file is damaged or truncated and cannot be opened as .xlsx (${why})`,
  );
}

function encrypted(name: string): InputError {
  return new InputError(
    "encrypted",
    `${name}：工作簿的压缩包已加密，请在 Excel 中取消密码后另存为 .xlsx 再核查`,
    `${name}: the workbook's package is encrypted; remove the password in Excel, save as .xlsx and check again`,
  );
}

/** A size in words a reader can compare: 256 MB, 8 GB. */
export function formatSize(bytes: number): string {
  if (bytes >= 2 ** 30 && bytes % 2 ** 30 === 0) return `${bytes / 2 ** 30} GB`;
  if (bytes >= 2 ** 20) return `${Math.round(bytes / 2 ** 20)} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

export function tooLarge(zipName: string, part: string, limit: number): InputError {
  return new InputError(
    "too-large",
    `${zipName}：部件“${part}”解压后超过 ${formatSize(limit)} 的上限，文件过大，无法核查`,
    `${zipName}: part "${part}" expands past the ${formatSize(limit)} limit; the file is too large to check`,
  );
}
