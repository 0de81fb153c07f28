import { loadLabelledSet, type CorpusEntry } from '../corpus/corpus';

/**
 * Second blind test set: texts in other caseworkers' styles (telegraphic notes, formal letters,
 * sygeopfølgning, a-kasse), written blind to the lexicon, labelled by test/corpus/GUIDELINES.md.
 */
export function loadBlind2(): CorpusEntry[] {
  return loadLabelledSet(__dirname);
}
