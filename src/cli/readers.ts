import { promises as fsp, createReadStream, type Stats } from 'fs';
import * as path from 'path';
import { BINARY_NAME, classifyContainer, startsWith } from './sniff';
import {
  InputError,
  MAX_INPUT_BYTES,
  fsError,
  invalidDocx,
  isDirectoryError,
  oneLine,
  tooLarge,
  unsupportedType,
} from './errors';
import { htmlToPlainText } from './html-to-text';

/**
 * File (or stdin) → plain text for the core: the one input-validation path of the CLI (exists,
 * size, type, readable, decoding), used by analyze, annotate and the batch runner. Every failure
 * is an InputError with a code and a one-line, human message (all worded in errors.ts); nothing
 * else escapes from here except genuine bugs.
 *
 * The text is passed on unchanged (CRLF, Word's \r, \v and \x07 included):
 * mention offsets in the analysis refer to exactly the string returned here.
 *
 * The .docx and .eml libraries are loaded only when such a file is read (start-up time).
 */

export { InputError, MAX_INPUT_BYTES, displayName, fsError, oneLine, oleError, type InputErrorCode } from './errors';

export type InputKind = 'text' | 'markdown' | 'docx' | 'eml';

export const SUPPORTED_EXTENSIONS: Readonly<Record<string, InputKind>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.docx': 'docx',
  '.eml': 'eml',
};

export interface ReadResult {
  text: string;
  kind: InputKind;
  /** The path as given, or "-" for stdin. */
  source: string;
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

// ---------------------------------------------------------------------------
// Decoding

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
  return BINARY_NAME[classifyContainer(buf)] ?? null;
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

/** .docx bytes → text. Validated by the same DocxPackage.open that annotate uses (one set of checks and messages). */
export async function docxToText(buf: Buffer, name: string): Promise<string> {
  const { DocxPackage } = await import('./docx/package');
  await DocxPackage.open(buf, name);
  const mammoth = (await import('mammoth')).default;
  try {
    const res = await mammoth.extractRawText({ buffer: buf });
    return res.value;
  } catch (e) {
    throw invalidDocx(name, oneLine(e instanceof Error ? e.message : String(e), 120));
  }
}

// ---------------------------------------------------------------------------
// .eml

const MAIL_HEADERS = ['from', 'to', 'cc', 'subject', 'date', 'content-type', 'mime-version', 'message-id', 'received', 'return-path'];

export async function emlToText(buf: Buffer, name: string): Promise<string> {
  if (buf.indexOf(0) >= 0) throw new InputError('binary', name, 'is a binary file (contains NUL bytes), not an e-mail message');
  let mail: import('mailparser').ParsedMail;
  try {
    // skipHtmlToText: an HTML-only body is converted below, keeping table cells apart.
    const { simpleParser } = await import('mailparser');
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

export interface CheckedInput {
  /** The resolved path. */
  full: string;
  /** undefined: a special file (FIFO, /dev/stdin …) without a known extension; its bytes decide. */
  kind: InputKind | undefined;
  stat: Stats;
}

export interface InputPolicy {
  /** The kinds this command takes (default: all). */
  kinds?: readonly InputKind[];
  /** The end of the "unsupported file type" message, naming what the command takes. */
  supported?: string;
  /** The name in messages (default: `file` as given). */
  name?: string;
  /** Added to "is a directory, not a file": how this command takes a folder. */
  folderHint?: string;
  /** A file that is not a plan (--evidence FILE): any name is taken, and its reader decides. */
  anyType?: boolean;
}

/**
 * The checks before any byte is read: the file exists, is not a directory, has a type the command
 * takes, and is within the size limit. `file` is resolved against `cwd`, and named as given.
 */
export async function checkInputFile(file: string, cwd: string = process.cwd(), policy: InputPolicy = {}): Promise<CheckedInput> {
  const full = path.resolve(cwd, file);
  const name = policy.name ?? file;
  let stat: Stats;
  try {
    stat = await fsp.stat(full);
  } catch (e) {
    throw fsError(e, name);
  }
  if (stat.isDirectory()) throw isDirectoryError(name, policy.folderHint);
  const special = !stat.isFile(); // a FIFO, /dev/stdin, process substitution…
  const known = kindOf(file);
  const accepted = policy.anyType || (known !== undefined && (!policy.kinds || policy.kinds.includes(known)));
  if (!accepted && !(special && known === undefined && !policy.kinds))
    throw unsupportedType(name, path.extname(file), policy.supported ?? `supported: ${supportedList()}, or - for stdin`);
  if (stat.isFile() && stat.size > MAX_INPUT_BYTES) throw tooLarge(name, stat.size);
  return { full, kind: known, stat };
}

/** The bytes of a checked file (special files are read as a stream, with the size limit). */
export async function readChecked(input: CheckedInput, name: string): Promise<Buffer> {
  try {
    return input.stat.isFile() ? await fsp.readFile(input.full) : await readLimited(createReadStream(input.full), name);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fsError(e, name);
  }
}

/** Read a .txt/.md/.docx/.eml file. `file` is resolved against `cwd`. */
export async function readInputFile(file: string, cwd: string = process.cwd()): Promise<ReadResult> {
  const input = await checkInputFile(file, cwd, { folderHint: 'for a summary of the plans in a folder, add --format csv or json' });
  const buf = await readChecked(input, file);
  if (input.kind === undefined) return { text: await sniffedToText(buf, file), kind: sniffKind(buf), source: file };
  return { text: await bufferToText(buf, input.kind, file), kind: input.kind, source: file };
}

function sniffKind(buf: Buffer): InputKind {
  return classifyContainer(buf) === 'zip' ? 'docx' : 'text';
}

/** stdin and special files have no extension: a zip is taken as .docx, anything else as text. */
async function sniffedToText(buf: Buffer, name: string): Promise<string> {
  if (sniffKind(buf) === 'docx') return docxToText(buf, name);
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
