import { loadLabelledSet, type CorpusEntry } from '../corpus/corpus';

/**
 * Eighth blind test set: a mix of Min plan to "du", dated journalnotater, e-mails (to citizens, colleagues,
 * employers, a-kasse, psychiatry), referater (rehabiliteringsteam, team, project, fællessamtale),
 * sygeopfølgning and good/bad training plans — with negations of many shapes, conditionals, past use and
 * false friends (gips/tips, praktiserende læge, praktikant, sygedagpenge, uddannelseshjælp, sagsbehandler,
 * ansættelsessamtale, fleksløntilskud, ledighedsydelse, "udsat", a sygemeldt colleague, team names, phone
 * numbers in signatures); written blind to the lexicon, labelled by test/corpus/GUIDELINES.md.
 */
export function loadBlind8(): CorpusEntry[] {
  return loadLabelledSet(__dirname);
}
