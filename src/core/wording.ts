import type { Direction, RuleKind, Strength } from './evidence/schema';

/**
 * The Danish words the pane, the CLI reports and the .docx comments share for the core's codes:
 * card kinds, strengths, directions and the notes that go with them. One home, so the hosts
 * cannot drift apart ("blandede resultater" in one and "blandet effekt" in another).
 */

export const KIND_ORDER: readonly RuleKind[] = ['support', 'caution', 'consider', 'viewpoint'];

export const KIND_HEADINGS: Readonly<Record<RuleKind, string>> = {
  support: 'Understøttet af evidens',
  caution: 'Vær opmærksom',
  consider: 'Overvej',
  viewpoint: 'Andre synspunkter',
};

/** Under the "Andre synspunkter" heading. */
export const VIEWPOINT_NOTE =
  'Påstande fra en interesseorganisation (Dansk Arbejdsgiverforening), ikke en neutral forskningsoversigt. De indsættes ikke med »Indsæt alle«.';

export const STRENGTH_LABELS: Readonly<Record<Strength, string>> = {
  strong: 'Stærk evidens',
  evidence: 'Evidens',
  indicative: 'Viden peger på',
  limited: 'Begrænset viden',
  claim: 'Interesseorganisations påstand',
};

export const DIRECTION_LABELS: Readonly<Record<Direction, string>> = {
  positive: 'positiv effekt',
  negative: 'negativ effekt',
  none: 'ingen effekt',
  mixed: 'blandede resultater',
};

export const ADVOCACY_NOTE = 'Bygger kun på en interesseorganisations påstand, ikke på en neutral forskningsoversigt.';

export const AVERAGE_EFFECT_CAVEAT =
  'Effekterne er gennemsnitseffekter fra undersøgelser af mange forløb. De siger ikke, hvad der virker for den enkelte borger, og erstatter ikke en faglig vurdering.';

/** For a card that is a prompt to the caseworker, not a sentence for the plan. */
export const NOT_INSERTABLE_NOTE = 'Til dig som fagperson – ikke en tekst til planen.';

/** "et CPR-nummer", "2 CPR-numre" (Danish number agreement): the pane, the CPR alert and the CLI report. */
export function cprCountText(n: number): string {
  return n === 1 ? 'et CPR-nummer' : `${n} CPR-numre`;
}

/** The Smart Alerts dialog allows at most 500 characters (Microsoft Learn: "Smart Alerts … limitations"). */
export const SMART_ALERT_MAX = 500;

/**
 * The message Outlook shows when a mail with CPR numbers is sent (Smart Alerts, OnMessageSend):
 * the numbers masked ("010190-****"), never in full, and what the adviser can do.
 */
export function cprSendAlertText(masked: readonly string[], where: { subject: boolean; body: boolean }): string {
  const n = masked.length;
  const place = where.subject && where.body ? 'emnet og teksten' : where.subject ? 'emnet' : 'teksten';
  const what = cprCountText(n);
  const head = `Mailen indeholder ${what} i ${place}: `;
  const tail =
    '. CPR-numre må ikke sendes med almindelig e-mail. Fjern eller maskér nummeret, eller send med sikker mail (fx Digital Post). Send kun alligevel, hvis mailen sendes sikkert.';
  const shown: string[] = [];
  for (const m of masked) {
    const more = n - shown.length - 1;
    const candidate = [...shown, m].join(', ') + (more > 0 ? ` og ${more} mere` : '');
    if ((head + candidate + tail).length > SMART_ALERT_MAX) break;
    shown.push(m);
  }
  const rest = n - shown.length;
  const list = shown.join(', ') + (rest > 0 ? ` og ${rest} mere` : '');
  return (head + list + tail).slice(0, SMART_ALERT_MAX);
}

/** Headings and sentences of the CLI's text and Markdown reports and the .docx summary (cli/report.ts builds them). */
export const REPORT_WORDING = {
  title: 'Jobplan Evidens: analyse',
  evidenceSet: 'Evidenssæt',
  file: 'Fil',
  warning: 'Advarsel',
  cprHeading: 'Advarsel: CPR-numre',
  groupsHeading: 'Målgrupper',
  noGroups: 'Ingen målgrupper fundet i teksten.',
  instrumentsHeading: 'Indsatser i planen',
  noInstruments: 'Ingen indsatser fundet i teksten.',
  suggestionsHeading: 'Forslag',
  noSuggestions: 'Ingen forslag: teksten nævner ingen indsatser eller målgrupper, som evidenssættet har fund om.',
  onlyNegated: 'fravalgt i planen (kun nævnt negeret)',
  negatedOf: (n: number) => `heraf ${n} negeret`,
  strength: 'Styrke',
  instrument: 'Indsats',
  targetGroup: 'Målgruppe',
  at: 'ved',
  note: 'Bemærk',
  source: 'Kilde',
} as const;
