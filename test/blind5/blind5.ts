import { loadLabelledSet, type CorpusEntry } from '../corpus/corpus';

/**
 * Fifth blind test set: e-mails as advisers write them in Outlook — invitations (samtale, videosamtale,
 * telefonmøde, Teams-møde), reminders, follow-ups, job suggestions with plain-text links, warnings about
 * fradrag, mails to colleagues (FYI, forwarded threads, "> " quotes), employers, a-kasser and treatment
 * partners, and citizens' replies (phone ASCII, typos, emojis, run-ons, refusals); written blind to the
 * lexicon, labelled by test/corpus/GUIDELINES.md.
 */
export function loadBlind5(): CorpusEntry[] {
  return loadLabelledSet(__dirname);
}
