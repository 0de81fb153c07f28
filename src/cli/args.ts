import { isTargetGroupId, TARGET_GROUP_IDS, type TargetGroupId } from '../core';
import type { AnalyzeFormat, AnnotateCommand, Command, EvidenceFormat } from './command';
import type { GroupOverrides } from '../core';

/** Hand-rolled argument parsing: `--opt value`, `--opt=value`, `--` ends options, `-` is stdin. */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type { AnalyzeFormat, EvidenceFormat, Command } from './command';

export const USAGE = `Usage:
  jobplan-evidens analyze FILE|- [options]   analyse a job plan (.txt, .md, .docx, .eml, or - for stdin)
  jobplan-evidens analyze FOLDER --format csv|json [-o FILE]   a summary of every plan in a folder
  jobplan-evidens annotate FILE.docx|FOLDER [options]   write a copy with Word comments and a Kildeliste
  jobplan-evidens evidence [--format json|markdown|csl-json|ris]   print the bundled evidence set
  jobplan-evidens --help | --version

Options for analyze:
  --format json|text|markdown   output format (default: text)
  --register fagperson|borger   sentence register (default: fagperson)
  --style short|full            citation style in text/markdown (default: short)
  --group +ID,-ID,...           add (+ or bare ID) or remove (-) target groups; repeatable
                                IDs: ${TARGET_GROUP_IDS.join(', ')}
  --evidence FILE.json          use this evidence set instead of the bundled one (checked first)
For a FOLDER (every .txt, .md, .docx and .eml in it, not recursive):
  --format csv|json             csv: one row per plan, Danish column labels, for Excel;
                                json: the same with English ids
  -o, --output FILE             write the summary to FILE (default: stdout)
  --jobs N                      worker threads (default: the CPU cores, at most one per 32 files)

Options for annotate:
  -o, --output OUT.docx|DIR     output file (default: FILE.annoteret.docx next to FILE);
                                for a FOLDER: the directory for the copies (default: the folder)
  --force                       overwrite an existing output
  --register fagperson|borger   sentence register of the comments (default: fagperson)
  --style short|full            citation style (default: short)
  --jobs N                      for a FOLDER: worker threads (default: the CPU cores, at most one per 32 files)
  --evidence FILE.json          use this evidence set instead of the bundled one

Options for evidence:
  --format json|markdown        output format (default: json)
  --format csl-json|ris         the sources and studies for a reference manager
                                (Zotero, EndNote, Mendeley): CSL-JSON or RIS

Exit codes: 0 ok, 1 internal error, 2 usage error, unreadable input or unwritable output.
Folders show a progress line on stderr when it is a terminal (JPE_PROGRESS=1 forces it, 0 turns it off);
Ctrl-C stops a folder run cleanly (exit 130): the files in progress finish, no output is half-written.
Environment: NO_COLOR disables colours; JPE_DEBUG=1 prints stack traces of internal errors.
See docs/cli.md.
`;

const ANALYZE_OPTIONS = ['--format', '--register', '--style', '--group', '--output', '--jobs', '--evidence'] as const;
const EVIDENCE_OPTIONS = ['--format', '--evidence'] as const;
const ANNOTATE_OPTIONS = ['--register', '--style', '--output', '--jobs', '--evidence'] as const;

/** --jobs N: a whole number from 1 to 256. */
function parseJobs(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`invalid value '${printable(value)}' for --jobs (expected a whole number from 1 to 256)`);
  return n;
}

function evidencePath(value: string): string {
  if (value === '') throw new UsageError('option --evidence needs a non-empty value');
  return value;
}

function oneOf<T extends string>(opt: string, value: string, allowed: readonly T[], aliases: Record<string, T> = {}): T {
  const v = aliases[value] ?? value;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`invalid value '${value}' for ${opt} (expected ${allowed.join('|')})`);
}

/** "+aktivitetsparat,-jobparat" (a bare id adds). */
export function parseGroups(spec: string, into: GroupOverrides): void {
  for (const raw of spec.split(',')) {
    const item = raw.trim();
    if (!item) continue;
    const sign = item[0] === '-' ? '-' : '+';
    const id = item[0] === '-' || item[0] === '+' ? item.slice(1).trim() : item;
    if (!isTargetGroupId(id))
      throw new UsageError(`unknown target group '${id}' in --group (expected one of: ${TARGET_GROUP_IDS.join(', ')})`);
    const [to, from] = sign === '+' ? [into.add, into.remove] : [into.remove, into.add];
    const i = from.indexOf(id);
    if (i >= 0) from.splice(i, 1); // the later one wins
    if (!to.includes(id)) to.push(id);
  }
}

function printable(s: string): string {
  return s.replace(/[\x00-\x1f\x7f]/g, '?');
}

export function parseArgs(argv: readonly string[]): Command {
  const positionals: string[] = [];
  const options: Array<{ name: string; value: string }> = [];
  let help = false;
  let version = false;
  let command: string | undefined;
  let force = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (arg === '-V' || arg === '--version') {
      version = true;
      continue;
    }
    if (command === 'annotate' && arg === '--force') {
      force = true;
      continue;
    }
    if ((command === 'annotate' || command === 'analyze') && arg === '-o') {
      const value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError('option -o needs a value');
      options.push({ name: '--output', value });
      i++;
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(0, eq) : arg;
      const allowed: readonly string[] =
        command === 'analyze'
          ? ANALYZE_OPTIONS
          : command === 'evidence'
            ? EVIDENCE_OPTIONS
            : command === 'annotate'
              ? ANNOTATE_OPTIONS
              : [...ANALYZE_OPTIONS];
      if (!allowed.includes(name)) {
        throw new UsageError(
          command === undefined || command === 'analyze' || command === 'evidence' || command === 'annotate'
            ? `unknown option '${printable(name)}'${command ? ` for ${command}` : ''}`
            : `unknown option '${printable(name)}'`,
        );
      }
      let value: string | undefined;
      if (eq >= 0) value = arg.slice(eq + 1);
      else {
        value = argv[i + 1];
        if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(`option ${name} needs a value`);
        i++;
      }
      options.push({ name, value });
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${printable(arg)}'`);
    if (command === undefined) command = arg;
    else positionals.push(arg);
  }

  if (help) {
    return { kind: 'help', topic: command === 'analyze' || command === 'evidence' || command === 'annotate' ? command : undefined };
  }
  if (version && command === undefined) return { kind: 'version' };
  if (command === undefined) throw new UsageError('missing command (analyze, annotate or evidence)');

  if (command === 'analyze') {
    if (version) throw new UsageError("unknown option '--version' for analyze");
    if (positionals.length === 0) throw new UsageError('analyze needs a FILE (or - for stdin)');
    if (positionals.length > 1) throw new UsageError(`analyze takes one FILE, got ${positionals.length}`);
    const cmd: Extract<Command, { kind: 'analyze' }> = {
      kind: 'analyze',
      file: positionals[0]!,
      format: 'text',
      register: 'fagperson',
      style: 'short',
      groups: { add: [], remove: [] },
    };
    for (const { name, value } of options) {
      // csv (a FOLDER's summary) is accepted but left out of the message, which is about single files
      if (name === '--format') cmd.format = value === 'csv' ? 'csv' : oneOf(name, value, ['json', 'text', 'markdown'] as const, { md: 'markdown' });
      else if (name === '--output') {
        if (value === '') throw new UsageError('option --output needs a non-empty value');
        cmd.output = value;
      } else if (name === '--jobs') cmd.jobs = parseJobs(value);
      else if (name === '--evidence') cmd.evidence = evidencePath(value);
      else if (name === '--register') cmd.register = oneOf(name, value, ['fagperson', 'borger'] as const);
      else if (name === '--style') cmd.style = oneOf(name, value, ['short', 'full'] as const);
      else if (name === '--group') parseGroups(value, cmd.groups);
    }
    if (cmd.file === '') throw new UsageError('analyze needs a FILE (or - for stdin), got an empty string');
    return cmd;
  }
  if (command === 'annotate') {
    if (version) throw new UsageError("unknown option '--version' for annotate");
    if (positionals.length === 0) throw new UsageError('annotate needs a FILE.docx or a FOLDER');
    if (positionals.length > 1) throw new UsageError(`annotate takes one FILE.docx or FOLDER, got ${positionals.length}`);
    const cmd: AnnotateCommand = { kind: 'annotate', target: positionals[0]!, force, register: 'fagperson', style: 'short' };
    for (const { name, value } of options) {
      if (name === '--register') cmd.register = oneOf(name, value, ['fagperson', 'borger'] as const);
      else if (name === '--style') cmd.style = oneOf(name, value, ['short', 'full'] as const);
      else if (name === '--jobs') cmd.jobs = parseJobs(value);
      else if (name === '--evidence') cmd.evidence = evidencePath(value);
      else if (name === '--output') {
        if (value === '') throw new UsageError('option --output needs a non-empty value');
        cmd.output = value;
      }
    }
    if (cmd.target === '' || cmd.target === '-') throw new UsageError('annotate needs a FILE.docx or a FOLDER (stdin is not supported)');
    return cmd;
  }
  if (command === 'evidence') {
    if (version) throw new UsageError("unknown option '--version' for evidence");
    if (positionals.length) throw new UsageError(`evidence takes no arguments, got '${printable(positionals[0]!)}'`);
    let format: EvidenceFormat = 'json';
    let evidence: string | undefined;
    for (const { name, value } of options) {
      if (name === '--format')
        format = oneOf(name, value, ['json', 'markdown', 'csl-json', 'ris'] as const, { md: 'markdown', csl: 'csl-json', csljson: 'csl-json' });
      else if (name === '--evidence') evidence = evidencePath(value);
      else throw new UsageError(`unknown option '${name}' for evidence`);
    }
    return evidence === undefined ? { kind: 'evidence', format } : { kind: 'evidence', format, evidence };
  }
  throw new UsageError(`unknown command '${printable(command)}' (expected analyze, annotate or evidence)`);
}
