import * as path from 'path';
import {
  analyze,
  bundledEvidence,
  type EvidenceSet,
  type GroupOverrides,
  type CitationStyle,
  type InstrumentId,
  type TargetGroupId,
  type Analysis,
  type Register,
  type RuleKind,
} from '../core';
import { InputError, OutputError, oneLine, quoted } from './errors';
import { readInputFile } from './readers';

/**
 * One file of a batch (`analyze FOLDER`, `annotate FOLDER`): the work a worker thread does, and
 * its result as plain data (it crosses the thread boundary by structured clone). The same
 * functions run in-process when there is no worker script (ts-jest runs the sources).
 */

/** Settings for every file of the run (the worker's workerData). */
export interface BatchContext {
  /** undefined: the bundled set (each worker loads it itself). */
  evidence?: EvidenceSet;
  register: Register;
  style: CitationStyle;
  groups: GroupOverrides;
  force: boolean;
  cwd: string;
}

export type BatchTask =
  | { op: 'analyze'; /** As shown in messages, resolved against the context's cwd. */ file: string }
  | { op: 'annotate'; input: string; shownIn: string; out: string; shownOut: string };

/** What a quality review needs of one plan. Ids, not labels: the formats choose the wording. */
export interface PlanSummary {
  file: string;
  /** Instruments the plan mentions (negated ones left out), in the core's order. */
  instruments: InstrumentId[];
  targetGroups: TargetGroupId[];
  /** The rule id of every card, by kind. */
  cards: Record<RuleKind, string[]>;
  /** annotate: comments written. */
  comments?: number;
}

export type Outcome = { ok: true; value: PlanSummary } | { ok: false; error: string };

export function summarise(file: string, a: Analysis): PlanSummary {
  const cards: Record<RuleKind, string[]> = { support: [], caution: [], consider: [], viewpoint: [] };
  for (const s of a.suggestions) cards[s.kind].push(s.rule);
  return {
    file,
    instruments: a.instruments.filter((i) => !i.negated).map((i) => i.id),
    targetGroups: a.targetGroups.map((g) => g.id),
    cards,
  };
}

function evidenceOf(ctx: BatchContext): EvidenceSet {
  return ctx.evidence ?? bundledEvidence();
}

/** Never rejects: a failure is an outcome with a one-line message, so the batch goes on. */
export async function runTask(task: BatchTask, ctx: BatchContext): Promise<Outcome> {
  const shown = task.op === 'analyze' ? task.file : task.shownIn;
  try {
    if (task.op === 'analyze') {
      const input = await readInputFile(task.file, ctx.cwd);
      const a = analyze(input.text, { register: ctx.register, groupOverrides: ctx.groups }, evidenceOf(ctx));
      return { ok: true, value: summarise(path.basename(task.file), a) };
    }
    const { annotateFile } = await import('./annotate-file');
    const r = await annotateFile(task.input, task.shownIn, task.out, task.shownOut, ctx, () => evidenceOf(ctx));
    return { ok: true, value: { ...summarise(path.basename(task.input), r.result.analysis), comments: r.result.comments } };
  } catch (e) {
    if (e instanceof InputError || e instanceof OutputError) return { ok: false, error: oneLine(e.message, 400) };
    const msg = oneLine(e instanceof Error ? e.message : String(e), 300);
    return { ok: false, error: `internal error while ${task.op === 'analyze' ? 'analysing' : 'annotating'} ${quoted(shown)}: ${msg}` };
  }
}
