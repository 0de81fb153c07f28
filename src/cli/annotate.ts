import * as path from 'path';
import { bundledEvidence, type EvidenceSet } from '../core';
import { OutputError, displayName, oneLine, quoted as q } from './errors';
import { annotateFile, checkInput, statOrNull, type FileResult } from './annotate-file';
import { PROG } from './command';
import type { BatchContext, BatchTask, PlanSummary } from './batch-tasks';
import { interruptedLine, listFolder, removeOurTempFiles, runBatch, type BatchIO } from './batch';
import { defaultJobs } from './pool';

/**
 * `jobplan-evidens annotate IN.docx [-o OUT.docx] [--force]` and
 * `jobplan-evidens annotate FOLDER [-o DIR] [--force]`: write annotated copies
 * (Word comments + Kildeliste, see src/cli/docx/annotate-docx.ts). The input
 * is never changed; an existing output is only replaced with --force.
 */

import type { AnnotateCommand } from './command';
export type { AnnotateCommand };

export interface AnnotateIO extends BatchIO {
  stdout: { write(chunk: string): unknown };
  cwd?: string;
}

export const OUTPUT_SUFFIX = '.annoteret.docx';

/** An output problem (or an empty folder): one line, exit 2. */
export { OutputError as AnnotateError };
export { annotateFile };

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

export function summaryRow(file: string, p: PlanSummary): SummaryRow {
  return {
    file,
    groups: p.targetGroups.length,
    instruments: p.instruments.length,
    caution: p.cards.caution.length,
    consider: p.cards.consider.length,
    comments: p.comments ?? 0,
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
export async function runAnnotate(cmd: AnnotateCommand, io: AnnotateIO, custom: EvidenceSet | undefined): Promise<number> {
  const evidence = () => custom ?? bundledEvidence();
  const cwd = io.cwd ?? process.cwd();
  const target = path.resolve(cwd, cmd.target);
  const fail = (e: OutputError) => {
    io.stderr.write(`${PROG}: ${oneLine(e.message, 400)}\n`);
    return 2;
  };
  try {
    const st = await statOrNull(target);
    if (st?.isDirectory()) return await annotateFolder(cmd, target, cwd, io, custom);
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

async function annotateFolder(cmd: AnnotateCommand, dir: string, cwd: string, io: AnnotateIO, evidence: EvidenceSet | undefined): Promise<number> {
  let outDir = dir;
  let shownOutDir = cmd.target;
  if (cmd.output !== undefined) {
    outDir = path.resolve(cwd, cmd.output);
    shownOutDir = cmd.output;
    const st = await statOrNull(outDir);
    if (!st) throw new OutputError(`cannot write to ${q(cmd.output)}: no such directory`);
    if (!st.isDirectory()) throw new OutputError(`cannot write to ${q(cmd.output)}: not a directory (with a folder, -o names a directory)`);
  }
  const names = await listFolder(dir, cmd.target, isAnnotatable);
  if (names.length === 0) throw new OutputError(`no .docx files to annotate in ${q(cmd.target)}`);

  const tasks: BatchTask[] = names.map((name) => {
    const outName = defaultOutputName(name);
    return { op: 'annotate', input: path.join(dir, name), shownIn: path.join(cmd.target, name), out: path.join(outDir, outName), shownOut: path.join(shownOutDir, outName) };
  });
  const ctx: BatchContext = { evidence, register: cmd.register, style: cmd.style, groups: { add: [], remove: [] }, force: cmd.force, cwd };
  const { outcomes, interrupted } = await runBatch(tasks, ctx, cmd.jobs ?? defaultJobs(tasks.length), io);
  if (interrupted) await removeOurTempFiles(outDir);

  const rows: SummaryRow[] = [];
  const failures: string[] = [];
  let finished = 0;
  outcomes.forEach((o, i) => {
    if (!o) return;
    finished++;
    if (o.ok) rows.push(summaryRow(names[i] as string, o.value));
    else failures.push(`${PROG}: ${o.error}\n`);
  });
  if (rows.length) io.stdout.write(formatSummaryTable(rows));
  io.stdout.write(
    `${plural(rows.length, 'fil', 'filer')} annoteret${failures.length ? `, ${failures.length} fejlede` : ''}${rows.length ? ` (kopier i ${displayName(shownOutDir)})` : ''}.\n`,
  );
  for (const f of failures) io.stderr.write(f);
  if (interrupted) {
    io.stderr.write(interruptedLine(finished, names.length));
    return 130;
  }
  return failures.length ? 2 : 0;
}
