import { loadLabelledSet, type CorpusEntry } from '../corpus/corpus';

/**
 * Third blind test set: rural run-on notes, letters to employers, sygeopfølgning, mentor reports,
 * integration and youth plans, psychiatric liaison, headings that rule an instrument out; written
 * blind to the lexicon, labelled by test/corpus/GUIDELINES.md.
 */
export function loadBlind3(): CorpusEntry[] {
  return loadLabelledSet(__dirname);
}
