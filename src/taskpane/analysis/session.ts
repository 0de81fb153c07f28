import { createIncrementalAnalyzer, type Analysis, type AnalyzeOptions, type EvidenceSet } from '../../core';

/**
 * The one place the pane runs the core's analysis. A session is long-lived: the worker keeps one
 * between requests, and so does the in-thread fallback. It analyses incrementally: after an edit only
 * the changed paragraphs are scanned again (core/incremental.ts), and the result equals a full
 * `analyze(text, options, set)` of the new text (test/core/incremental.property.test.ts).
 */
export interface AnalysisSession {
  update(text: string, options: AnalyzeOptions): Analysis;
}

export function createAnalysisSession(set: EvidenceSet): AnalysisSession {
  const incremental = createIncrementalAnalyzer(undefined, set);
  return { update: (text, options) => incremental.update(text, options) };
}

/** Worker protocol: one request per text, answered with the same id. */
export interface AnalysisRequest {
  id: number;
  text: string;
  options: AnalyzeOptions;
}

export type AnalysisReply = { id: number; analysis: Analysis } | { id: number; error: string };
