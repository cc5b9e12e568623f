import { InputError } from "../../engine";

/**
 * Tells an .xlsx apart from what users rename to .xlsx: an encrypted workbook and a legacy .xls
 * are both OLE compound files; a CSV or anything else has no zip signature.
 */
export function assertXlsxBytes(bytes: Uint8Array, name: string): void {
  if (bytes.length === 0) throw new InputError("empty", `${name}：文件为空（0 字节）`, `${name}: the file is empty (0 bytes)`);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) ;
  if (zip) return;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (ole) {
    if (containsUtf16(bytes, "EncryptionInfo") || containsUtf16(bytes, "EncryptedPackage"))
      throw new InputError(
        "encrypted",
        `${name}：工作簿已加密（设置了打开密码），请在 Excel 中取消密码后另存为 .xlsx 再核查`,
        `${name}: the workbook is encrypted (password to open); remove the password in Excel, save as .xlsx and check again`,
      );
    throw new InputError(
      "legacy-xls",
      `${name}：这是旧版 .xls（Excel 97-2003）文件，请在 Excel 中另存为 .xlsx 后再核查`,
      `${name}: this is a legacy .xls (Excel 97-2003) file; save it as .xlsx in Excel and check again`,
    );
  }
  const head = Buffer.from(bytes.subarray(0, 512)).toString("utf8");
  if (/^\s*</.test(head))
    throw new InputError("not-xlsx", `${name}：这是 HTML/XML 文本，不是 .xlsx 工作簿`, `${name}: this is HTML/XML text, not an .xlsx workbook`);
  if (/[,\t;]/.test(head) && !head.includes("\u0000"))
    throw new InputError(
      "not-xlsx",
      `${name}：这是 CSV/文本文件（只是扩展名为 .xlsx），请在 Excel 中打开后另存为 .xlsx`,
      `${name}: this is a CSV/text file renamed .xlsx; open it in Excel and save as .xlsx`,
    );
  throw new InputError("not-xlsx", `${name}：不是 .xlsx 工作簿（文件头无法识别）`, `${name}: not an .xlsx workbook (unrecognised file signature)`);
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern = Buffer.from(word, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(pattern);
}
