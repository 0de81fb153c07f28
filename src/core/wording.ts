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
