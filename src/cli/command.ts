import type { GroupOverrides, Register, CitationStyle } from '../core';

/**
 * What the command line asked for: the parsed commands and their options. A leaf: it imports
 * nothing from the CLI, so args.ts, annotate.ts and the reports can all use it without a circle.
 */

export const PROG = 'jobplan-evidens';

/** csv: only for a FOLDER, whose summary is csv (the default, also for 'text') or json. */
export type AnalyzeFormat = 'json' | 'text' | 'markdown' | 'csv';
/** `analyze FOLDER`: the summary formats. */
export type SummaryFormat = 'csv' | 'json';
export type EvidenceFormat = 'json' | 'markdown' | 'csl-json' | 'ris';


export interface AnnotateCommand {
  kind: 'annotate';
  /** A .docx file or a folder. */
  target: string;
  /** -o: the output file (single file) or directory (folder, or an existing directory for a single file). */
  output?: string;
  force: boolean;
  register: Register;
  style: CitationStyle;
  /** Worker threads for a folder (undefined: os.availableParallelism()). */
  jobs?: number;
  /** --evidence FILE: a user's evidence set instead of the bundled one. */
  evidence?: string;
}

export type Command =
  | { kind: 'help'; topic?: 'analyze' | 'evidence' | 'annotate' }
  | { kind: 'version' }
  | {
      kind: 'analyze';
      /** A path, or "-" for stdin. */
      file: string;
      format: AnalyzeFormat;
      register: Register;
      style: CitationStyle;
      groups: GroupOverrides;
      /** For a FOLDER: -o FILE, the summary file (default: stdout). */
      output?: string;
      jobs?: number;
      evidence?: string;
    }
  | { kind: 'evidence'; format: EvidenceFormat; evidence?: string }
  | AnnotateCommand;
