import { isEncryptedOle } from './sniff';

/**
 * Input and output errors of the CLI, and every message they carry: one table for the file-system
 * errors (read and write), one place for "too large", "unsupported type", "not a valid .docx".
 * A leaf module: readers, the docx package, annotate and the batch runner all import it.
 */

/** Refuse anything larger than this (bytes). */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

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

/** Control characters (a newline in a file name…) must not break the one-line error. */
export function displayName(p: string): string {
  return p.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Collapse a library's (possibly multi-line) message to one short line. */
export function oneLine(s: string, max = 200): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export const quoted = (p: string): string => `'${displayName(p)}'`;

export class InputError extends Error {
  constructor(
    public readonly code: InputErrorCode,
    /** Display name: the path as given, or "stdin". */
    public readonly input: string,
    /** The reason, without the "cannot read 'x':" prefix. */
    public readonly reason: string,
  ) {
    super(`cannot read ${input === 'stdin' ? 'stdin' : quoted(input)}: ${reason}`);
    this.name = 'InputError';
  }
}

/** An output problem (or an empty folder): one line, exit 2. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

/** errno → [code, reason when reading, reason when writing]. */
const ERRNO: Readonly<Record<string, readonly [InputErrorCode, string, string]>> = {
  ENOENT: ['not-found', 'no such file', 'no such directory'],
  ENOTDIR: ['not-found', 'no such file (a part of the path is not a directory)', 'no such directory'],
  EISDIR: ['is-directory', 'is a directory, not a file', 'is a directory'],
  EACCES: ['permission-denied', 'permission denied', 'permission denied'],
  EPERM: ['permission-denied', 'permission denied', 'permission denied'],
  ENOSPC: ['read-failed', 'no space left on the device', 'no space left on the device'],
};

function errnoOf(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

const messageOf = (e: unknown) => oneLine(e instanceof Error ? e.message : String(e));

/** A file-system error while reading, as one InputError line. */
export function fsError(e: unknown, name: string): InputError {
  const row = ERRNO[errnoOf(e) ?? ''];
  return row ? new InputError(row[0], name, row[1]) : new InputError('read-failed', name, messageOf(e));
}

/** A file-system error while writing `shown`, as one OutputError line. */
export function writeError(e: unknown, shown: string): OutputError {
  const row = ERRNO[errnoOf(e) ?? ''];
  return new OutputError(`cannot write ${quoted(shown)}: ${row ? row[2] : messageOf(e)}`);
}

export function tooLarge(name: string, bytes: number, streamed = false): InputError {
  const limit = `${MAX_INPUT_BYTES / (1024 * 1024)} MB`;
  return new InputError('too-large', name, `too large: over the ${limit} limit${streamed ? '' : ` (${bytes} bytes)`}`);
}

/** `supported`: what the command takes, e.g. ".txt, .md, .docx, .eml, or - for stdin". */
export function unsupportedType(name: string, ext: string, supported: string): InputError {
  return new InputError('unsupported-type', name, `unsupported file type${ext ? ` '${displayName(ext)}'` : ' (no extension)'}; ${supported}`);
}

export function isDirectoryError(name: string, hint?: string): InputError {
  return new InputError('is-directory', name, `is a directory, not a file${hint ? `; ${hint}` : ''}`);
}

export function invalidDocx(name: string, why: string): InputError {
  return new InputError('invalid-docx', name, `not a valid .docx (${why})`);
}

/** An OLE2/CFB file where a .docx was expected: password-protected (encrypted) .docx, or an old .doc. */
export function oleError(buf: Buffer, name: string): InputError {
  return new InputError(
    'encrypted',
    name,
    isEncryptedOle(buf)
      ? 'the .docx is password-protected (encrypted); remove the password in Word and save it again'
      : 'the file is an OLE2 container: a password-protected (encrypted) .docx or an old Word .doc; remove the password or save it as .docx',
  );
}
