import { loadLabelledSet, type CorpusEntry } from '../corpus/corpus';

/**
 * Held-out test set: texts written blind to the detector's word lists, labelled by
 * test/corpus/GUIDELINES.md. Same schema and return shape as the main corpus.
 */
export function loadHeldout(): CorpusEntry[] {
  return loadLabelledSet(__dirname);
}
