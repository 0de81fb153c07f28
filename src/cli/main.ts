import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../core/engine';
import { bundledEvidence } from '../core/evidence';
import type { EvidenceSet } from '../core/evidence/schema';
import { parseArgs, UsageError, USAGE, type Command } from './args';
import { InputError, oneLine, readInputFile, readStdin, type ReadResult } from './readers';
import { colours, formatText, useColour } from './format-text';

// Loaded when a command needs them (start-up time): './format-markdown', './format-citations', './annotate'.

export const PROG = 'jobplan-evidens';

export interface CliIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown };
  /** Needed only for `analyze -`. */
  stdin?: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  env?: Readonly<Record<string, string | undefined>>;
  /** Relative paths are resolved against this (default: process.cwd()). */
  cwd?: string;
  /** Test hook: use this evidence set instead of the bundled one. */
  evidence?: EvidenceSet;
}

export function packageVersion(): string {
  // src/cli (ts-jest) and lib/cli (built) are both two levels below the package root.
  try {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

async function readInput(file: string, io: CliIO): Promise<ReadResult> {
  if (file === '-') {
    const stdin = io.stdin;
    if (!stdin) throw new InputError('read-failed', 'stdin', 'no stdin available');
    if (stdin.isTTY) io.stderr.write(`${PROG}: reading the plan from stdin; end with Ctrl-D\n`);
    return readStdin(stdin);
  }
  return readInputFile(file, io.cwd);
}

async function run(cmd: Command, io: CliIO): Promise<number> {
  const out = (s: string) => void io.stdout.write(s);
  switch (cmd.kind) {
    case 'help':
      out(USAGE);
      return 0;
    case 'version': {
      let ev: string;
      try {
        ev = (io.evidence ?? bundledEvidence()).version;
      } catch {
        ev = 'invalid';
      }
      out(`${PROG} ${packageVersion()} (evidence ${ev})\n`);
      return 0;
    }
    case 'evidence': {
      const set = io.evidence ?? bundledEvidence();
      if (cmd.format === 'csl-json') out((await import('./format-citations')).formatCslJson(set));
      else if (cmd.format === 'ris') out((await import('./format-citations')).formatRis(set));
      else if (cmd.format === 'json') out(`${JSON.stringify(set, null, 2)}\n`);
      else out((await import('./format-markdown')).formatEvidenceMarkdown(set));
      return 0;
    }
    case 'analyze': {
      // Read first: bad input is reported even when something else is wrong.
      const input = await readInput(cmd.file, io);
      const set = io.evidence ?? bundledEvidence();
      const analysis = analyze(
        input.text,
        { register: cmd.register, groupOverrides: { add: cmd.groups.add, remove: cmd.groups.remove } },
        set,
      );
      const ctx = {
        text: input.text,
        // .docx: paragraph numbers, which a Word user can count; text files: line numbers.
        unit: input.kind === 'docx' ? ('afsnit' as const) : ('linje' as const),
        source: input.source,
        evidenceVersion: set.version,
        register: cmd.register,
        style: cmd.style,
        groups: cmd.groups,
      };
      if (cmd.format === 'json') out(`${JSON.stringify({ evidenceVersion: set.version, ...analysis }, null, 2)}\n`);
      else if (cmd.format === 'markdown') out((await import('./format-markdown')).formatMarkdown(analysis, set, ctx));
      else out(formatText(analysis, set, ctx, colours(useColour(io.stdout.isTTY, io.env ?? {}))));
      return 0;
    }
    case 'annotate':
      return (await import('./annotate')).runAnnotate(cmd, io, () => io.evidence ?? bundledEvidence());
  }
}

/** One line on stderr for any error; exit 2 for usage and input errors, 1 for anything unexpected. */
export function reportError(e: unknown, io: Pick<CliIO, 'stderr' | 'env'>): number {
  if (e instanceof UsageError) {
    io.stderr.write(`${PROG}: ${oneLine(e.message, 400)} (see ${PROG} --help)\n`);
    return 2;
  }
  if (e instanceof InputError) {
    io.stderr.write(`${PROG}: ${oneLine(e.message, 400)}\n`);
    return 2;
  }
  const msg = e instanceof Error ? e.message : String(e);
  io.stderr.write(`${PROG}: internal error: ${oneLine(msg, 300) || (e instanceof Error ? e.name : 'unknown')}\n`);
  if (io.env?.JPE_DEBUG && io.env.JPE_DEBUG !== '0' && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
  return 1;
}

/** The CLI, callable in-process: resolves with the exit code, never rejects. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await run(parseArgs(argv), io);
  } catch (e) {
    return reportError(e, io);
  }
}

/** Entry for bin/jobplan-evidens.js: wires the process, sets process.exitCode. */
export function runProcess(): void {
  const env = process.env;
  const errIO = { stderr: process.stderr, env };
  let stdoutClosed = false;
  // `jobplan-evidens … | head`: the reader went away; stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED' || stdoutClosed) {
      stdoutClosed = true;
      return;
    }
    process.exitCode = reportError(e, errIO);
  });
  let failed = false;
  const fatal = (e: unknown) => {
    if (failed) return;
    failed = true;
    process.exitCode = reportError(e, errIO);
    process.exit();
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);

  const io: CliIO = {
    stdout: {
      write: (s: string) => (stdoutClosed ? true : process.stdout.write(s)),
      isTTY: process.stdout.isTTY,
    },
    stderr: process.stderr,
    stdin: process.stdin,
    env,
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    fatal,
  );
}
