import { analyze, type Analysis, type AnalyzeOptions, type EvidenceSet } from '../../core';

/**
 * The one place the pane runs the core's analysis. A session is long-lived: the worker keeps one
 * between requests, and so does the in-thread fallback. To analyse incrementally, replace the
 * body of `update` with a long-lived `createIncrementalAnalyzer(undefined, set).update(text, options)`
 * (core/incremental.ts) — nothing else changes.
 */
export interface AnalysisSession {
  update(text: string, options: AnalyzeOptions): Analysis;
}

export function createAnalysisSession(set: EvidenceSet): AnalysisSession {
  return { update: (text, options) => analyze(text, options, set) };
}

/** Worker protocol: one request per text, answered with the same id. */
export interface AnalysisRequest {
  id: number;
  text: string;
  options: AnalyzeOptions;
}

export type AnalysisReply = { id: number; analysis: Analysis } | { id: number; error: string };
