import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { Readable } from 'stream';
import JSZip from 'jszip';
import { main, type CliIO } from '../../src/cli/main';
import type { Analysis, EvidenceSet } from '../../src/core';
import { FIXTURE_EVIDENCE } from './fixture-evidence';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'jobplan-evidens.js');
const DIST_MAIN = path.join(ROOT, 'lib', 'cli', 'main.js');

// ---------------------------------------------------------------------------
// Running the CLI

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  stdin?: Buffer | string;
  env?: Record<string, string | undefined>;
  isTTY?: boolean;
  /** Evidence set for in-process runs; default: the test fixture (null: the bundled set). */
  evidence?: EvidenceSet | null;
}

/** main() in-process, with captured output. */
export async function runMain(argv: string[], opts: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const stdinBuf = opts.stdin === undefined ? Buffer.alloc(0) : Buffer.from(opts.stdin);
  const io: CliIO = {
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: opts.isTTY ?? false },
    stderr: { write: (s: string) => ((stderr += s), true) },
    stdin: Object.assign(Readable.from(stdinBuf.length ? [stdinBuf] : []), { isTTY: false }),
    env: opts.env ?? {},
    cwd: opts.cwd,
    evidence: opts.evidence === null ? undefined : (opts.evidence ?? FIXTURE_EVIDENCE),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** The built CLI as a child process (end-to-end: launcher, lib/, process wiring). */
export function runBin(argv: string[], opts: RunOptions = {}): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, JPE_DEBUG: undefined, ...opts.env };
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: opts.cwd ?? ROOT,
    input: opts.stdin ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 512 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

// ---------------------------------------------------------------------------
// Build lib/ once, when stale (several jest workers may ask at once).

function newestMtime(p: string): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

function isStale(): boolean {
  if (!fs.existsSync(DIST_MAIN)) return true;
  const built = fs.statSync(DIST_MAIN).mtimeMs;
  const inputs = ['src/cli', 'src/core', 'tsconfig.cli.json', 'tsconfig.base.json'].map((p) => newestMtime(path.join(ROOT, p)));
  return Math.max(...inputs) > built;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureBuilt(): void {
  if (!isStale()) return;
  const lock = path.join(os.tmpdir(), `jpe-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 12)}.lock`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      sleep(200);
    }
  }
  try {
    if (!isStale()) return; // another worker built it
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], {
        cwd: ROOT,
        stdio: 'pipe',
      });
    } catch (e) {
      // tsc still emits on type errors (possibly in files other engineers are editing).
      const out = String((e as { stdout?: Buffer }).stdout ?? e);
      if (!fs.existsSync(DIST_MAIN)) throw new Error(`npm run build:cli failed:\n${out}`);
      // eslint-disable-next-line no-console
      console.warn(`build:cli reported errors (lib/ was emitted anyway):\n${out.slice(0, 2000)}`);
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Fixtures

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'jpe-cli-'));
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(t)}</w:t></w:r></w:p>`;
export const table = (rows: string[][]) =>
  `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${para(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

/**
 * A minimal valid .docx whose body is the given WordprocessingML; optionally with a
 * word/comments.xml (its relationship and content type included), or without word/document.xml.
 */
export async function makeDocx(bodyXml: string, opts: { omitDocument?: boolean; commentsXml?: string } = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      (opts.commentsXml
        ? '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
        : '') +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      (opts.commentsXml
        ? '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>'
        : '') +
      '</Relationships>',
  );
  if (!opts.omitDocument)
    zip.file(
      'word/document.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}</w:body></w:document>`,
    );
  else zip.file('word/styles.xml', '<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
  if (opts.commentsXml) zip.file('word/comments.xml', opts.commentsXml);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The first bytes of an OLE2/CFB container (what a password-protected .docx is). */
export function cfbBytes(withEncryptionStreams: boolean): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  if (!withEncryptionStreams) return header;
  return Buffer.concat([header, Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(50), Buffer.from('EncryptedPackage', 'utf16le')]);
}

export function eml(headers: string, body: string): string {
  return `From: sagsbehandler@kommune.dk\r\nTo: borger@example.dk\r\nSubject: Jobplan\r\nMIME-Version: 1.0\r\n${headers}\r\n\r\n${body}`;
}

// ---------------------------------------------------------------------------
// Invariants

/** Every span in the analysis refers to the text as read: input.slice(start, end) === text. */
export function expectSpansMatch(input: string, a: Analysis): void {
  const spans = [
    ...a.instruments.flatMap((i) => i.mentions),
    ...a.targetGroups.flatMap((g) => g.mentions),
    ...a.suggestions.flatMap((s) => (s.mention ? [s.mention] : [])),
  ];
  // One expect for all spans: a large input has tens of thousands of them.
  const bad = spans.filter((s) => !(s.start >= 0 && s.end <= input.length && s.start <= s.end && input.slice(s.start, s.end) === s.text));
  expect(bad.slice(0, 5)).toEqual([]);
}

export function parseJsonOutput(stdout: string): Analysis & { evidenceVersion: string } {
  const j = JSON.parse(stdout) as Analysis & { evidenceVersion: string };
  expect(Object.keys(j)).toEqual(['evidenceVersion', 'instruments', 'targetGroups', 'signals', 'suggestions']);
  expect(Array.isArray(j.instruments)).toBe(true);
  expect(Array.isArray(j.targetGroups)).toBe(true);
  expect(Array.isArray(j.suggestions)).toBe(true);
  return j;
}
