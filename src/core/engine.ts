import type { EvidenceSet } from './evidence/schema';
import { bundledEvidence } from './evidence';
import type { Analysis, AnalyzeOptions } from './types';

/** Analyse a plain-text document. (Engine under construction.) */
export function analyze(text: string, options: AnalyzeOptions = {}, set: EvidenceSet = bundledEvidence()): Analysis {
  void text;
  void options;
  void set;
  return { instruments: [], targetGroups: [], suggestions: [] };
}
