/**
 * What a file is, from its first bytes: the one place for the magic numbers. Used to refuse a
 * non-.docx with a message that names what it is instead, and to tell a .docx from text on stdin.
 */

export type Container = 'empty' | 'zip' | 'empty-zip' | 'ole' | 'pdf' | 'rtf' | 'other';

const MAGIC: ReadonlyArray<readonly [Exclude<Container, 'empty' | 'other'>, readonly number[]]> = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]], // PK\3\4: a zip (.docx, .xlsx, .odt …)
  ['empty-zip', [0x50, 0x4b, 0x05, 0x06]], // PK\5\6: end of central directory first: an empty zip
  ['ole', [0xd0, 0xcf, 0x11, 0xe0]], // OLE2/CFB: .doc, .msg, or an encrypted Office file
  ['pdf', [0x25, 0x50, 0x44, 0x46]], // %PDF
  ['rtf', [0x7b, 0x5c, 0x72, 0x74, 0x66]], // {\rtf
];

export function startsWith(buf: Uint8Array, bytes: readonly number[]): boolean {
  if (buf.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[i] !== bytes[i]) return false;
  return true;
}

export function classifyContainer(buf: Uint8Array): Container {
  if (buf.length === 0) return 'empty';
  for (const [kind, magic] of MAGIC) if (startsWith(buf, magic)) return kind;
  return 'other';
}

/** Why a buffer with these first bytes cannot be a .docx (null: it is a zip; look inside). OLE2 has its own message. */
export const NOT_DOCX_REASON: Readonly<Record<Exclude<Container, 'zip' | 'ole'>, string>> = {
  empty: 'empty file',
  pdf: 'it is a PDF file',
  rtf: 'it is an RTF file',
  'empty-zip': 'empty zip archive',
  other: 'not a zip archive',
};

/** How a binary container is named when text was expected (null: not one we know). */
export const BINARY_NAME: Partial<Record<Container, string>> = {
  zip: 'a zip archive, e.g. .docx',
  'empty-zip': 'a zip archive, e.g. .docx',
  ole: 'an OLE2 file, e.g. .doc or .msg',
  pdf: 'a PDF',
};

/** Password-protected Office files are an OLE2/CFB container holding these streams. */
export function isEncryptedOle(buf: Buffer): boolean {
  return buf.indexOf(Buffer.from('EncryptedPackage', 'utf16le')) >= 0 || buf.indexOf(Buffer.from('EncryptionInfo', 'utf16le')) >= 0;
}
