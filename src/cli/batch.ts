import { promises as fsp } from 'fs';
import * as path from 'path';
import { PROG } from './command';
import type { BatchContext, BatchTask, Outcome } from './batch-tasks';
import { fsError } from './errors';
import { runPool, type PoolControl } from './pool';
import { Progress, progressWanted, type ProgressStream } from './progress';

/**
 * What `analyze FOLDER` and `annotate FOLDER` share: the folder listing, the pool with its progress
 * line, and Ctrl-C. The first Ctrl-C stops dispatching and lets the files in progress finish; a
 * second one terminates the workers. Either way the caller learns it was interrupted, and our
 * temporary files are removed (`removeOurTempFiles`), so no output is ever half-written.
 */

export interface BatchIO {
  stderr: ProgressStream;
  env?: Readonly<Record<string, string | undefined>>;
  /** Call `onInterrupt` on Ctrl-C (SIGINT) until the returned function is called. */
  trapInterrupt?: (onInterrupt: () => void) => () => void;
}

export interface BatchResult {
  outcomes: Array<Outcome | undefined>;
  interrupted: boolean;
}

export async function runBatch(tasks: readonly BatchTask[], ctx: BatchContext, jobs: number, io: BatchIO): Promise<BatchResult> {
  const progress = new Progress(io.stderr, tasks.length, progressWanted(io.stderr, io.env ?? {}));
  let control: PoolControl | undefined;
  let interrupts = 0;
  const untrap = io.trapInterrupt?.(() => {
    interrupts++;
    progress.clear();
    if (interrupts === 1) {
      io.stderr.write(`${PROG}: interrupted: finishing the files in progress (Ctrl-C again to stop at once)\n`);
      control?.stop();
    } else control?.abort();
  });
  try {
    const r = await runPool(tasks, { jobs, ctx, onDone: (done) => progress.update(done), control: (c) => (control = c) });
    return { outcomes: r.outcomes, interrupted: r.stopped || interrupts > 0 };
  } finally {
    untrap?.();
    progress.clear();
  }
}

/** The names of the files in `dir` (not recursive, no dot files) that `keep` accepts, in Danish alphabetical order. */
export async function listFolder(dir: string, shown: string, keep: (name: string) => boolean): Promise<string[]> {
  let names: string[];
  try {
    const entries = await fsp.readdir(dir, { withFileTypes: true });
    names = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && !e.name.startsWith('.') && keep(e.name)).map((e) => e.name);
  } catch (e) {
    throw fsError(e, shown);
  }
  return names.sort((a, b) => a.localeCompare(b, 'da'));
}

/** Temporary files this process left in `dir` (write.ts names them `.NAME.PID.HEX.tmp`), e.g. after workers were terminated. */
export async function removeOurTempFiles(dir: string): Promise<void> {
  const suffix = new RegExp(`^\\..+\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`);
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => suffix.test(n)).map((n) => fsp.rm(path.join(dir, n), { force: true }).catch(() => undefined)));
}

export function interruptedLine(done: number, total: number): string {
  return `${PROG}: interrupted after ${done} of ${total} files\n`;
}
