import type { Analysis, AnalyzeOptions, EvidenceSet } from '../../core';
import { createAnalysisSession, type AnalysisSession } from './session';

/** Runs the core's analysis for the pane; where it runs is the implementation's business. */
export interface Analyzer {
  analyze(text: string, options: AnalyzeOptions): Promise<Analysis>;
  dispose(): void;
}

/** On the pane's thread (jsdom, no Worker, or the worker failed). */
export function createInThreadAnalyzer(set: EvidenceSet): Analyzer {
  let session: AnalysisSession | null = null;
  return {
    analyze: async (text, options) => {
      session ??= createAnalysisSession(set);
      return session.update(text, options);
    },
    dispose: () => {
      session = null;
    },
  };
}

/** The pane's analyser. */
export function createAnalyzer(set: EvidenceSet): Analyzer {
  return createInThreadAnalyzer(set);
}
