import { loadLabelledSet, type CorpusEntry } from '../corpus/corpus';

/**
 * Seventh blind test set: an even mix of what caseworkers write — Min plan to "du", dated journalnotater
 * with initials, e-mails (to citizens, colleagues, employers, a-kasser, psychiatry), referater
 * (rehabiliteringsteam, team and project meetings, a-kasse), sygeopfølgning, integration and youth plans,
 * and training material (good and bad plans) — with negations of many shapes, conditionals, past use and
 * false friends (gips/tips, praktiserende læge, praktikant, sygedagpenge, uddannelseshjælp, sagsbehandler,
 * ansættelsessamtale, "udsat", a sygemeldt colleague, team names, phone numbers in signatures);
 * written blind to the lexicon, labelled by test/corpus/GUIDELINES.md.
 */
export function loadBlind7(): CorpusEntry[] {
  return loadLabelledSet(__dirname);
}
