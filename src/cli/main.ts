import { readFileSync, promises as fsp } from 'fs';
import * as path from 'path';
import { analyze, bundledEvidence, EvidenceSetError, parseEvidenceSet, type EvidenceSet } from '../core';
import { parseArgs, UsageError, USAGE, type Command } from './args';
import { PROG } from './command';
import { InputError, OutputError, oneLine } from './errors';
import { checkInputFile, readChecked, readInputFile, readStdin, type ReadResult } from './readers';
import { colours, formatText, useColour } from './format-text';

// Loaded when a command needs them (start-up time): './format-markdown', './format-citations', './annotate'.

export { PROG };

export interface CliIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  /** isTTY: a folder run shows its progress line there. */
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  /** Needed only for `analyze -`. */
  stdin?: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  env?: Readonly<Record<string, string | undefined>>;
  /** Relative paths are resolved against this (default: process.cwd()). */
  cwd?: string;
  /** Test hook: use this evidence set instead of the bundled one. */
  evidence?: EvidenceSet;
  /** Call `onInterrupt` on Ctrl-C (SIGINT) until the returned function is called (folder runs). */
  trapInterrupt?: (onInterrupt: () => void) => () => void;
}

/**
 * --evidence FILE: a user's evidence set, checked with the schema before use (the bundled set is
 * checked by the tests and at first use by the core). Bad JSON or a set that breaks the schema is
 * one line naming the first problem, exit 2.
 */
async function loadEvidenceFile(file: string, cwd: string): Promise<EvidenceSet> {
  // the same checks and read as every input file (readers.ts): exists, not a folder, size limit
  const buf = await readChecked(await checkInputFile(file, cwd, { anyType: true }), file);
  let data: unknown;
  try {
    data = JSON.parse(buf.toString('utf8').replace(/^\ufeff/, ''));
  } catch (e) {
    throw new InputError('read-failed', file, `not a valid evidence set: not JSON (${oneLine(e instanceof Error ? e.message : String(e), 120)})`);
  }
  try {
    return parseEvidenceSet(data);
  } catch (e) {
    if (!(e instanceof EvidenceSetError)) throw e;
    const issues = e.message.split('\n').slice(1);
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new InputError('read-failed', file, `not a valid evidence set: ${oneLine(issues[0] ?? e.message, 200)}${more}`);
  }
}

async function evidenceFor(cmd: { evidence?: string }, io: CliIO): Promise<EvidenceSet> {
  if (cmd.evidence !== undefined) return loadEvidenceFile(cmd.evidence, io.cwd ?? process.cwd());
  return io.evidence ?? bundledEvidence();
}

async function isDirectory(file: string, cwd: string | undefined): Promise<boolean> {
  if (file === '-') return false;
  try {
    return (await fsp.stat(path.resolve(cwd ?? process.cwd(), file))).isDirectory();
  } catch {
    return false;
  }
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
      const set = await evidenceFor(cmd, io);
      if (cmd.format === 'csl-json') out((await import('./format-citations')).formatCslJson(set));
      else if (cmd.format === 'ris') out((await import('./format-citations')).formatRis(set));
      else if (cmd.format === 'json') out(`${JSON.stringify(set, null, 2)}\n`);
      else out((await import('./format-markdown')).formatEvidenceMarkdown(set));
      return 0;
    }
    case 'analyze': {
      // A folder gets a summary when one is asked for (--format csv|json); else it is bad input, as before.
      if ((cmd.format === 'csv' || cmd.format === 'json') && (await isDirectory(cmd.file, io.cwd))) {
        const custom = cmd.evidence !== undefined ? await evidenceFor(cmd, io) : io.evidence;
        const { analyzeFolder } = await import('./analyze-folder');
        return analyzeFolder(cmd, path.resolve(io.cwd ?? process.cwd(), cmd.file), io, custom, () => (custom ?? bundledEvidence()).version);
      }
      if (cmd.format === 'csv') throw new UsageError('--format csv is for a FOLDER (a summary of every plan in it)');
      if (cmd.output !== undefined || cmd.jobs !== undefined)
        throw new UsageError(`${cmd.output !== undefined ? '-o/--output' : '--jobs'} is for a FOLDER; a single plan's report goes to stdout`);
      // Read first: bad input is reported even when something else is wrong.
      const input = await readInput(cmd.file, io);
      const set = await evidenceFor(cmd, io);
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
    {
      const custom = cmd.evidence !== undefined ? await evidenceFor(cmd, io) : io.evidence;
      return (await import('./annotate')).runAnnotate(cmd, io, custom);
    }
  }
}

/** One line on stderr for any error; exit 2 for usage and input errors, 1 for anything unexpected. */
export function reportError(e: unknown, io: Pick<CliIO, 'stderr' | 'env'>): number {
  if (e instanceof UsageError) {
    io.stderr.write(`${PROG}: ${oneLine(e.message, 400)} (see ${PROG} --help)\n`);
    return 2;
  }
  if (e instanceof InputError || e instanceof OutputError) {
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
    trapInterrupt: (onInterrupt) => {
      const handler = () => onInterrupt();
      process.on('SIGINT', handler);
      return () => void process.off('SIGINT', handler);
    },
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    fatal,
  );
}
