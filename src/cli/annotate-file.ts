import { promises as fsp, type Stats } from 'fs';
import * as path from 'path';
import type { EvidenceSet } from '../core';
import type { AnnotateCommand } from './command';
import { OutputError, quoted as q } from './errors';
import { checkInputFile, readChecked, type CheckedInput } from './readers';
import { writeOutput } from './write';
import { annotateDocx, type AnnotateDocxResult } from './docx/annotate-docx';

/**
 * Annotate one .docx to one output: the input checks (readers.ts, the same as analyze), the
 * output checks (never the input itself, no overwrite without --force), the write via a
 * temporary file. Used by `annotate FILE` and by each task of `annotate FOLDER` (batch-tasks.ts).
 */

export async function statOrNull(p: string): Promise<Stats | null> {
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

/** The input must be an existing .docx file of sensible size: the same checks as analyze, with annotate's list of types. */
export async function checkInput(input: string, shownIn: string): Promise<CheckedInput> {
  const checked = await checkInputFile(input, undefined, {
    name: shownIn,
    kinds: ['docx'],
    supported: 'annotate needs a .docx file or a folder',
  });
  return checked;
}

export interface FileResult {
  name: string;
  shownOut: string;
  result: AnnotateDocxResult;
}

/** Annotate one file to `out`. `shownIn`/`shownOut` are the names used in messages. */
export async function annotateFile(
  input: string,
  shownIn: string,
  out: string,
  shownOut: string,
  cmd: Pick<AnnotateCommand, 'force' | 'register' | 'style'>,
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

