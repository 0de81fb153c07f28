import { promises as fsp, constants as fsConstants, type Stats } from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import type { EvidenceSet } from '../core/evidence/schema';
import type { CitationStyle } from '../core/citations';
import type { Analysis, Register } from '../core/types';
import { InputError, OutputError, displayName, fsError, oneLine, quoted as q, writeError } from './errors';
import { checkInputFile, readChecked, type CheckedInput } from './readers';
import { annotateDocx, type AnnotateDocxResult } from './docx/annotate-docx';

/**
 * `jobplan-evidens annotate IN.docx [-o OUT.docx] [--force]` and
 * `jobplan-evidens annotate FOLDER [-o DIR] [--force]`: write annotated copies
 * (Word comments + Kildeliste, see src/cli/docx/annotate-docx.ts). The input
 * is never changed; an existing output is only replaced with --force.
 */

import type { AnnotateCommand } from './command';
export type { AnnotateCommand };

export interface AnnotateIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  cwd?: string;
}

const PROG = 'jobplan-evidens';
export const OUTPUT_SUFFIX = '.annoteret.docx';

/** An output problem (or an empty folder): one line, exit 2. */
export { OutputError as AnnotateError };

/** "plan.docx" → "plan.annoteret.docx". */
export function defaultOutputName(file: string): string {
  const base = path.basename(file).replace(/\.docx$/i, '');
  return base + OUTPUT_SUFFIX;
}

/** The files `annotate FOLDER` takes: *.docx, not our own outputs, not Word lock files. */
export function isAnnotatable(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.docx') && !lower.endsWith(OUTPUT_SUFFIX) && !name.startsWith('~$');
}

async function statOrNull(p: string): Promise<Stats | null> {
  try {
    return await fsp.stat(p);
  } catch {
    return null;
  }
}


/** Same file? (Compares device and inode when both exist, else resolved paths.) */
function sameFile(a: string, sa: Stats | null, b: string, sb: Stats | null): boolean {
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  return path.resolve(a) === path.resolve(b);
}

/** Write via a temporary file in the same directory: never a half-written output, and no overwrite without `force`. */
async function writeOutput(out: string, shown: string, data: Buffer, force: boolean): Promise<void> {
  const dir = path.dirname(out);
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fsp.writeFile(tmp, data, { flag: 'wx' });
  } catch (e) {
    throw writeError(e, shown);
  }
  try {
    if (force) {
      await fsp.rename(tmp, out);
      return;
    }
    try {
      await fsp.link(tmp, out);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new OutputError(`${q(shown)} already exists; use --force to overwrite it`);
      // File systems without hard links: an exclusive copy.
      try {
        await fsp.copyFile(tmp, out, fsConstants.COPYFILE_EXCL);
      } catch (e2) {
        if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputError(`${q(shown)} already exists; use --force to overwrite it`);
        throw writeError(e2, shown);
      }
    }
  } catch (e) {
    if (e instanceof OutputError) throw e;
    throw writeError(e, shown);
  } finally {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
  }
}

/** The input must be an existing .docx file of sensible size: the same checks as analyze, with annotate's list of types. */
async function checkInput(input: string, shownIn: string): Promise<CheckedInput> {
  const checked = await checkInputFile(input, undefined, {
    name: shownIn,
    kinds: ['docx'],
    supported: 'annotate needs a .docx file or a folder',
  });
  return checked;
}

interface FileResult {
  name: string;
  shownOut: string;
  result: AnnotateDocxResult;
}

/** Annotate one file to `out`. `shownIn`/`shownOut` are the names used in messages. */
async function annotateFile(
  input: string,
  shownIn: string,
  out: string,
  shownOut: string,
  cmd: AnnotateCommand,
  evidence: () => EvidenceSet,
): Promise<FileResult> {
  const checked = await checkInput(input, shownIn);
  const outSt = await statOrNull(out);
  if (sameFile(input, checked.stat, out, outSt)) throw new OutputError(`refusing to write ${q(shownOut)}: it is the input file (the original is never changed)`);
  if (outSt?.isDirectory()) throw new OutputError(`cannot write ${q(shownOut)}: is a directory`);
  if (outSt && !cmd.force) throw new OutputError(`${q(shownOut)} already exists; use --force to overwrite it`);
  const dirSt = await statOrNull(path.dirname(out));
  if (!dirSt) throw new OutputError(`cannot write ${q(shownOut)}: no such directory ${q(path.dirname(shownOut))}`);
  if (!dirSt.isDirectory()) throw new OutputError(`cannot write ${q(shownOut)}: ${q(path.dirname(shownOut))} is not a directory`);

  const buf = await readChecked(checked, shownIn);
  const result = await annotateDocx(buf, shownIn, { evidence: evidence(), register: cmd.register, style: cmd.style });
  await writeOutput(out, shownOut, result.buffer, cmd.force);
  return { name: shownIn, shownOut, result };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summaryLine(r: FileResult): string {
  const { comments, references, replacedComments } = r.result;
  const parts = [plural(comments, 'kommentar', 'kommentarer'), references ? `kildeliste med ${plural(references, 'kilde', 'kilder')}` : 'ingen kildeliste'];
  const replaced = replacedComments ? ` (erstatter ${plural(replacedComments, 'tidligere kommentar', 'tidligere kommentarer')})` : '';
  return `Skrev ${displayName(r.shownOut)}: ${parts.join(', ')}${replaced}.\n`;
}

export interface SummaryRow {
  file: string;
  groups: number;
  instruments: number;
  caution: number;
  consider: number;
  comments: number;
}

export function summaryRow(file: string, a: Analysis, comments: number): SummaryRow {
  return {
    file,
    groups: a.targetGroups.length,
    instruments: a.instruments.filter((i) => !i.negated).length,
    caution: a.suggestions.filter((s) => s.kind === 'caution').length,
    consider: a.suggestions.filter((s) => s.kind === 'consider').length,
    comments,
  };
}

const HEADERS = ['Fil', 'Målgrupper', 'Indsatser', 'Forsigtighed', 'Overvej', 'Kommentarer'] as const;

/** A plain-text table: the file name left-aligned, the counts right-aligned. */
export function formatSummaryTable(rows: SummaryRow[]): string {
  const cells = rows.map((r) => [displayName(r.file), r.groups, r.instruments, r.caution, r.consider, r.comments].map(String));
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: readonly string[]) =>
    c
      .map((v, i) => (i === 0 ? v.padEnd(widths[i] as number) : v.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(HEADERS), rule, ...cells.map(line)].join('\n') + '\n';
}

/** Run the command; returns the exit code. Errors that concern the whole run are thrown (InputError) or written here. */
export async function runAnnotate(cmd: AnnotateCommand, io: AnnotateIO, evidence: () => EvidenceSet): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const target = path.resolve(cwd, cmd.target);
  const fail = (e: OutputError) => {
    io.stderr.write(`${PROG}: ${oneLine(e.message, 400)}\n`);
    return 2;
  };
  try {
    const st = await statOrNull(target);
    if (st?.isDirectory()) return await annotateFolder(cmd, target, cwd, io, evidence);
    await checkInput(target, cmd.target); // bad input is reported before output problems
    let out: string;
    let shownOut: string;
    if (cmd.output !== undefined) {
      const o = path.resolve(cwd, cmd.output);
      const ost = await statOrNull(o);
      if (ost?.isDirectory()) {
        out = path.join(o, defaultOutputName(target));
        shownOut = path.join(cmd.output, defaultOutputName(target));
      } else {
        if (path.extname(o).toLowerCase() !== '.docx') throw new OutputError(`cannot write ${q(cmd.output)}: the output must be a .docx file`);
        out = o;
        shownOut = cmd.output;
      }
    } else {
      out = path.join(path.dirname(target), defaultOutputName(target));
      shownOut = path.join(path.dirname(cmd.target), defaultOutputName(target));
    }
    const r = await annotateFile(target, cmd.target, out, shownOut, cmd, evidence);
    io.stdout.write(summaryLine(r));
    return 0;
  } catch (e) {
    if (e instanceof OutputError) return fail(e);
    throw e;
  }
}

async function annotateFolder(cmd: AnnotateCommand, dir: string, cwd: string, io: AnnotateIO, evidence: () => EvidenceSet): Promise<number> {
  let outDir = dir;
  let shownOutDir = cmd.target;
  if (cmd.output !== undefined) {
    outDir = path.resolve(cwd, cmd.output);
    shownOutDir = cmd.output;
    const st = await statOrNull(outDir);
    if (!st) throw new OutputError(`cannot write to ${q(cmd.output)}: no such directory`);
    if (!st.isDirectory()) throw new OutputError(`cannot write to ${q(cmd.output)}: not a directory (with a folder, -o names a directory)`);
  }
  let names: string[];
  try {
    const entries = await fsp.readdir(dir, { withFileTypes: true });
    names = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && isAnnotatable(e.name)).map((e) => e.name);
  } catch (e) {
    throw fsError(e, cmd.target);
  }
  names.sort((a, b) => a.localeCompare(b, 'da'));
  if (names.length === 0) throw new OutputError(`no .docx files to annotate in ${q(cmd.target)}`);

  const rows: SummaryRow[] = [];
  const failures: string[] = [];
  for (const name of names) {
    const shownIn = path.join(cmd.target, name);
    const outName = defaultOutputName(name);
    try {
      const r = await annotateFile(path.join(dir, name), shownIn, path.join(outDir, outName), path.join(shownOutDir, outName), cmd, evidence);
      rows.push(summaryRow(name, r.result.analysis, r.result.comments));
    } catch (e) {
      const msg =
        e instanceof InputError || e instanceof OutputError
          ? e.message
          : `internal error while annotating ${q(shownIn)}: ${oneLine(e instanceof Error ? e.message : String(e), 300)}`;
      failures.push(`${PROG}: ${oneLine(msg, 400)}\n`);
    }
  }
  if (rows.length) io.stdout.write(formatSummaryTable(rows));
  io.stdout.write(
    `${plural(rows.length, 'fil', 'filer')} annoteret${failures.length ? `, ${failures.length} fejlede` : ''}${rows.length ? ` (kopier i ${displayName(shownOutDir)})` : ''}.\n`,
  );
  for (const f of failures) io.stderr.write(f);
  return failures.length ? 2 : 0;
}
