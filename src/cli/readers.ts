import { promises as fsp, createReadStream } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { simpleParser } from 'mailparser';
import { htmlToPlainText } from './html-to-text';

/**
 * File (or stdin) → plain text for the core. Every failure is an InputError
 * with a code and a one-line, human message; nothing else escapes from here
 * except genuine bugs.
 *
 * The text is passed on unchanged (CRLF, Word's \r, \v and \x07 included):
 * mention offsets in the analysis refer to exactly the string returned here.
 */

/** Refuse anything larger than this (bytes). */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

export type InputKind = 'text' | 'markdown' | 'docx' | 'eml';

export const SUPPORTED_EXTENSIONS: Readonly<Record<string, InputKind>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.docx': 'docx',
  '.eml': 'eml',
};

export type InputErrorCode =
  | 'not-found'
  | 'is-directory'
  | 'permission-denied'
  | 'unsupported-type'
  | 'too-large'
  | 'invalid-utf8'
  | 'binary'
  | 'invalid-docx'
  | 'encrypted'
  | 'no-text-body'
  | 'read-failed';

export class InputError extends Error {
  constructor(
    public readonly code: InputErrorCode,
    /** Display name: the path as given, or "stdin". */
    public readonly input: string,
    /** The reason, without the "cannot read 'x':" prefix. */
    public readonly reason: string,
  ) {
    super(`cannot read ${input === 'stdin' ? 'stdin' : `'${displayName(input)}'`}: ${reason}`);
    this.name = 'InputError';
  }
}

export interface ReadResult {
  text: string;
  kind: InputKind;
  /** The path as given, or "-" for stdin. */
  source: string;
}

/** Control characters (a newline in a file name…) must not break the one-line error. */
export function displayName(p: string): string {
  return p.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Collapse a library's (possibly multi-line) message to one short line. */
export function oneLine(s: string, max = 200): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function supportedList(): string {
  return Object.keys(SUPPORTED_EXTENSIONS).join(', ');
}

// ---------------------------------------------------------------------------
// Raw bytes

async function readLimited(stream: AsyncIterable<Buffer | string>, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += b.length;
    if (total > MAX_INPUT_BYTES) throw tooLarge(name, total, true);
    chunks.push(b);
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(name: string, bytes: number, streamed = false): InputError {
  const limit = `${MAX_INPUT_BYTES / (1024 * 1024)} MB`;
  return new InputError('too-large', name, `too large: over the ${limit} limit${streamed ? '' : ` (${bytes} bytes)`}`);
}

/** A file-system error as one InputError line (shared by every command that reads files). */
export function fsError(e: unknown, name: string): InputError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new InputError('not-found', name, 'no such file');
    case 'ENOTDIR':
      return new InputError('not-found', name, 'no such file (a part of the path is not a directory)');
    case 'EISDIR':
      return new InputError('is-directory', name, 'is a directory, not a file');
    case 'EACCES':
    case 'EPERM':
      return new InputError('permission-denied', name, 'permission denied');
    default:
      return new InputError('read-failed', name, oneLine(e instanceof Error ? e.message : String(e)));
  }
}

// ---------------------------------------------------------------------------
// Decoding

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(buf: Buffer, bytes: readonly number[]): boolean {
  if (buf.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[i] !== bytes[i]) return false;
  return true;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // %PDF
const RTF_MAGIC = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // {\rtf

/**
 * Bytes → string for .txt/.md/stdin. UTF-8 (BOM dropped), or UTF-16 with a BOM
 * (Notepad's "Unicode"). Refuses binary data (NUL bytes) and invalid UTF-8.
 */
export function decodeText(buf: Buffer, name: string): string {
  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])) {
    const enc = buf[0] === 0xff ? 'utf-16le' : 'utf-16be';
    let text: string;
    try {
      text = new TextDecoder(enc, { fatal: true }).decode(buf);
    } catch {
      throw new InputError('invalid-utf8', name, `not valid ${enc.toUpperCase()} text`);
    }
    if (text.indexOf('\0') >= 0) throw new InputError('binary', name, 'is a binary file (contains NUL characters), not text');
    return text;
  }
  const kind = sniffBinary(buf);
  if (kind) throw new InputError('binary', name, `is a binary file${kind === 'binary' ? '' : ` (${kind})`}, not text`);
  if (buf.indexOf(0) >= 0) throw new InputError('binary', name, 'is a binary file (contains NUL bytes), not text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    const at = firstInvalidUtf8(buf);
    throw new InputError(
      'invalid-utf8',
      name,
      `not valid UTF-8 text${at >= 0 ? ` (invalid byte at offset ${at})` : ''}; save it as UTF-8`,
    );
  }
}

/** Recognise common binary formats by their first bytes, to name them in the error. */
function sniffBinary(buf: Buffer): string | null {
  if (startsWith(buf, ZIP_MAGIC) || startsWith(buf, ZIP_EMPTY_MAGIC)) return 'a zip archive, e.g. .docx';
  if (startsWith(buf, CFB_MAGIC)) return 'an OLE2 file, e.g. .doc or .msg';
  if (startsWith(buf, PDF_MAGIC)) return 'a PDF';
  return null;
}

/** Offset of the first byte that breaks UTF-8 (the error line names it). */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      len = 2;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      min = 0x10000;
    } else return i;
    if (i + len > n) return i;
    let cp = b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = buf[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return -1;
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

// ---------------------------------------------------------------------------
// .docx

/** An OLE2/CFB file where a .docx was expected: password-protected (encrypted) .docx, or an old .doc. */
export function oleError(buf: Buffer, name: string): InputError {
  // Password-protected Office files are an OLE2/CFB container holding "EncryptedPackage".
  const encrypted =
    buf.indexOf(Buffer.from('EncryptedPackage', 'utf16le')) >= 0 || buf.indexOf(Buffer.from('EncryptionInfo', 'utf16le')) >= 0;
  return new InputError(
    'encrypted',
    name,
    encrypted
      ? 'the .docx is password-protected (encrypted); remove the password in Word and save it again'
      : 'the file is an OLE2 container: a password-protected (encrypted) .docx or an old Word .doc; remove the password or save it as .docx',
  );
}

export function isOle(buf: Buffer): boolean {
  return startsWith(buf, CFB_MAGIC);
}

export async function docxToText(buf: Buffer, name: string): Promise<string> {
  const bad = (why: string) => new InputError('invalid-docx', name, `not a valid .docx (${why})`);
  if (buf.length === 0) throw bad('empty file');
  if (startsWith(buf, CFB_MAGIC)) throw oleError(buf, name);
  if (startsWith(buf, PDF_MAGIC)) throw bad('it is a PDF file');
  if (startsWith(buf, RTF_MAGIC)) throw bad('it is an RTF file');
  if (startsWith(buf, ZIP_EMPTY_MAGIC)) throw bad('empty zip archive');
  if (!startsWith(buf, ZIP_MAGIC)) throw bad('not a zip archive');

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw bad('corrupt zip');
  }
  if (!zip.file('word/document.xml')) {
    if (zip.file('xl/workbook.xml')) throw bad('it is an Excel workbook');
    if (zip.file('ppt/presentation.xml')) throw bad('it is a PowerPoint presentation');
    if (zip.file('content.xml') && zip.file('mimetype')) throw bad('it is an OpenDocument file; save it as .docx');
    throw bad('no word/document.xml in the zip');
  }
  try {
    const res = await mammoth.extractRawText({ buffer: buf });
    return res.value;
  } catch (e) {
    throw bad(oneLine(e instanceof Error ? e.message : String(e), 120));
  }
}

// ---------------------------------------------------------------------------
// .eml

const MAIL_HEADERS = ['from', 'to', 'cc', 'subject', 'date', 'content-type', 'mime-version', 'message-id', 'received', 'return-path'];

export async function emlToText(buf: Buffer, name: string): Promise<string> {
  if (buf.indexOf(0) >= 0) throw new InputError('binary', name, 'is a binary file (contains NUL bytes), not an e-mail message');
  let mail;
  try {
    // skipHtmlToText: an HTML-only body is converted below, keeping table cells apart.
    mail = await simpleParser(buf, { skipHtmlToText: true });
  } catch (e) {
    throw new InputError('read-failed', name, `not a valid e-mail message (${oneLine(e instanceof Error ? e.message : String(e), 120)})`);
  }
  const headerNames = [...mail.headers.keys()];
  if (!headerNames.some((h) => MAIL_HEADERS.includes(h.toLowerCase())))
    throw new InputError('read-failed', name, 'not an e-mail message (no mail headers such as From, Subject or Content-Type)');
  const text = typeof mail.text === 'string' ? mail.text : '';
  if (text.trim() !== '') return text;
  if (typeof mail.html === 'string') {
    const fromHtml = htmlToPlainText(mail.html);
    if (fromHtml.trim() !== '') return fromHtml;
  }
  const n = mail.attachments?.length ?? 0;
  throw new InputError(
    'no-text-body',
    name,
    `the e-mail has no text body${n ? ` (only ${n} attachment${n === 1 ? '' : 's'}; save the attachment and analyse that)` : ''}`,
  );
}

// ---------------------------------------------------------------------------
// Entry points

export function kindOf(file: string): InputKind | undefined {
  return SUPPORTED_EXTENSIONS[path.extname(file).toLowerCase()];
}

async function bufferToText(buf: Buffer, kind: InputKind, name: string): Promise<string> {
  switch (kind) {
    case 'docx':
      return docxToText(buf, name);
    case 'eml':
      return emlToText(buf, name);
    case 'text':
    case 'markdown':
      return stripBom(decodeText(buf, name));
  }
}

/** Read a .txt/.md/.docx/.eml file. `file` is resolved against `cwd`. */
export async function readInputFile(file: string, cwd: string = process.cwd()): Promise<ReadResult> {
  const full = path.resolve(cwd, file);
  let st;
  try {
    st = await fsp.stat(full);
  } catch (e) {
    throw fsError(e, file);
  }
  if (st.isDirectory()) throw new InputError('is-directory', file, 'is a directory, not a file');
  const special = !st.isFile(); // a FIFO, /dev/stdin, process substitution…
  const kind = kindOf(file) ?? (special ? undefined : null);
  if (kind === null) {
    const ext = path.extname(file);
    throw new InputError(
      'unsupported-type',
      file,
      `unsupported file type${ext ? ` '${displayName(ext)}'` : ' (no extension)'}; supported: ${supportedList()}, or - for stdin`,
    );
  }
  if (st.isFile() && st.size > MAX_INPUT_BYTES) throw tooLarge(file, st.size);
  let buf: Buffer;
  try {
    buf = special ? await readLimited(createReadStream(full), file) : await fsp.readFile(full);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fsError(e, file);
  }
  if (kind === undefined) return { text: await sniffedToText(buf, file), kind: sniffKind(buf), source: file };
  return { text: await bufferToText(buf, kind, file), kind, source: file };
}

function sniffKind(buf: Buffer): InputKind {
  return startsWith(buf, ZIP_MAGIC) ? 'docx' : 'text';
}

/** stdin and special files have no extension: a zip is taken as .docx, anything else as text. */
async function sniffedToText(buf: Buffer, name: string): Promise<string> {
  if (startsWith(buf, ZIP_MAGIC)) return docxToText(buf, name);
  return stripBom(decodeText(buf, name));
}

export async function readStdin(stdin: AsyncIterable<Buffer | string>): Promise<ReadResult> {
  let buf: Buffer;
  try {
    buf = await readLimited(stdin, 'stdin');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fsError(e, 'stdin');
  }
  return { text: await sniffedToText(buf, 'stdin'), kind: sniffKind(buf), source: '-' };
}
