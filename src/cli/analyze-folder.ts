import * as path from 'path';
import type { EvidenceSet } from '../core';
import type { BatchContext, BatchTask } from './batch-tasks';
import { interruptedLine, listFolder, removeOurTempFiles, runBatch, type BatchIO } from './batch';
import { PROG, type Command } from './command';
import { OutputError, quoted } from './errors';
import { kindOf } from './readers';
import { formatCsv, formatJson, type SummaryFile } from './summary';
import { writeOutput } from './write';
import { defaultJobs } from './pool';

/**
 * `analyze FOLDER --format csv|json [-o FILE] [--jobs N]`: every plan in the folder (.txt, .md,
 * .docx, .eml; not our own .annoteret.docx outputs, not Word's ~$ lock files), analysed on a pool
 * of worker threads, summarised one row per plan in the folder's order. A file that cannot be read
 * is a row with its message (and a line on stderr); the others go on; exit 2 at the end.
 */

type AnalyzeCommand = Extract<Command, { kind: 'analyze' }>;

export interface FolderIO extends BatchIO {
  stdout: { write(chunk: string): unknown };
  cwd?: string;
}

export function isAnalysable(name: string): boolean {
  return kindOf(name) !== undefined && !name.toLowerCase().endsWith('.annoteret.docx') && !name.startsWith('~$');
}

export async function analyzeFolder(cmd: AnalyzeCommand, dir: string, io: FolderIO, evidence: EvidenceSet | undefined, version: () => string): Promise<number> {
  // main.ts sends a folder here only with --format csv or json
  const format = cmd.format === 'json' ? 'json' : 'csv';
  const cwd = io.cwd ?? process.cwd();
  let out: string | undefined;
  if (cmd.output !== undefined) out = path.resolve(cwd, cmd.output);

  const names = await listFolder(dir, cmd.file, isAnalysable);
  if (names.length === 0) throw new OutputError(`no plans (.txt, .md, .docx, .eml) to analyse in ${quoted(cmd.file)}`);
  const tasks: BatchTask[] = names.map((name) => ({ op: 'analyze', file: path.join(cmd.file, name) }));
  const ctx: BatchContext = { evidence, register: cmd.register, style: cmd.style, groups: cmd.groups, force: true, cwd };
  const { outcomes, interrupted } = await runBatch(tasks, ctx, cmd.jobs ?? defaultJobs(tasks.length), io);

  const files: SummaryFile[] = [];
  outcomes.forEach((o, i) => o && files.push({ file: names[i] as string, outcome: o }));
  if (interrupted) {
    // No summary: a partial one could be taken for the whole folder.
    if (out) await removeOurTempFiles(path.dirname(out));
    io.stderr.write(interruptedLine(files.length, names.length));
    return 130;
  }
  const text = format === 'json' ? formatJson(files, version()) : formatCsv(files);
  if (out) {
    // Ctrl-C during this short write is held off, so it cannot leave a temporary file behind.
    const untrap = io.trapInterrupt?.(() => undefined);
    try {
      await writeOutput(out, cmd.output as string, text, true);
    } finally {
      untrap?.();
    }
  } else io.stdout.write(text);
  let failed = 0;
  for (const f of files)
    if (!f.outcome.ok) {
      failed++;
      io.stderr.write(`${PROG}: ${f.outcome.error}\n`);
    }
  return failed ? 2 : 0;
}
