import { loadLabelledSet, type CorpusEntry } from '../corpus/corpus';

/**
 * Fourth blind test set: long, realistic casework texts (15–40 lines) in which the instruments are a small
 * part of background, health, family, economy, quotes, assessments, legal references, signatures and
 * disclaimers — sygedagpenge journals over months, a full Min Plan, rehabiliteringsteam referater,
 * virksomhedskonsulent notes, quoted email threads, a draft to a colleague, training handouts; written blind
 * to the lexicon, labelled by test/corpus/GUIDELINES.md.
 */
export function loadBlind4(): CorpusEntry[] {
  return loadLabelledSet(__dirname);
}
