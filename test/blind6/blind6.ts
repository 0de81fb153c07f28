import { loadLabelledSet, type CorpusEntry } from '../corpus/corpus';

/**
 * Sixth blind test set: job plans and journal notes as caseworkers write them in Word — Min plan with
 * headings (Mål, Delmål, Indsatser, Aftaler, Status, Vurdering, Næste skridt), numbered and bulleted lists,
 * tables as tab or " | " rows, page/journal/date field leftovers, date-stamped entries with initials — from
 * dagpenge, kontanthjælp/integration, ungeindsats, sygedagpenge, fleksjob, rehabiliteringsteam and a-kasse;
 * written blind to the lexicon, labelled by test/corpus/GUIDELINES.md.
 */
export function loadBlind6(): CorpusEntry[] {
  return loadLabelledSet(__dirname);
}
